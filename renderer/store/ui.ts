// Which screen is showing, kept in the URL hash (#/people/departments) so that reload, the
// browser's back button and the end-to-end tests can all land on a screen directly. The hash is
// the source of truth; this slice mirrors it so components re-render on navigation.
import { create } from 'zustand';
import { FEATURES, type FeatureRoute } from '../features/manifest';

/** The routes, in menu order: one per feature of the manifest. */
export const ROUTES: readonly FeatureRoute[] = FEATURES.map((f) => f.route);
export type Route = FeatureRoute;

export interface Location {
  route: Route;
  /** The rest of the path, e.g. 'departments' in #/people/departments. */
  sub: string;
}

/** Read a hash like '#/people/departments'; anything unknown goes to the dashboard. */
export function parseHash(hash: string): Location {
  const [first = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const route = (ROUTES as readonly string[]).includes(first) ? (first as Route) : 'dashboard';
  return { route, sub: route === first ? rest.join('/') : '' };
}

export function formatHash({ route, sub }: Location): string {
  return sub ? `#/${route}/${sub}` : `#/${route}`;
}

interface UiState extends Location {
  navigate: (route: Route, sub?: string) => void;
}

export const useUiStore = create<UiState>()((set) => ({
  ...parseHash(typeof location === 'undefined' ? '' : location.hash),
  navigate(route, sub = '') {
    const hash = formatHash({ route, sub });
    // Setting the hash fires hashchange, which updates the state below; set it here too so the
    // screen changes in the same render even if the hash was already equal.
    if (location.hash !== hash) location.hash = hash;
    set({ route, sub });
  },
}));

/** Keep the slice in step with the address bar (back/forward, typed URLs). Call once at start. */
export function syncRouteWithHash(): () => void {
  const onChange = () => useUiStore.setState(parseHash(location.hash));
  window.addEventListener('hashchange', onChange);
  onChange();
  return () => window.removeEventListener('hashchange', onChange);
}
