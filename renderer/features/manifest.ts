// NetDesk's features, listed once. The router (URL hash), the left menu, the "not built yet"
// placeholder, the search box's hits and the write pipeline's hooks all read this list, so a new
// screen is one entry here plus its own folder under renderer/features/<feature>/ (see
// docs/architecture.md).
//
// Screens load when first opened (a cold start parses only the dashboard); an entry without a
// screen shows the placeholder, which says what will live there and where to go meanwhile.
import {
  AppstoreOutlined,
  BarChartOutlined,
  DashboardOutlined,
  DesktopOutlined,
  GlobalOutlined,
  QuestionCircleOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { registerCommitHook, type CommitHook } from '../db/commit';
import { kpiCardFactsHook } from './kpi/card-facts';
import { kpiMonthCacheHook, kpiMonthCardsHook } from './kpi/month-cache-hook';
import { kpiQuoteFoldHook } from './kpi/quote-fold-store';
import { quoteLibraryHook } from './culture/library-cache';
import { repairDerivedHook } from './repair/data/derived';

/** Screens the placeholder may send the user to while a feature is not built. */
export type NextStep = 'people' | 'dashboard' | 'settings';

export interface Feature {
  /** The hash route (#/<route>/…) and the i18n key nav.<route>. */
  route: string;
  /** The menu icon. */
  icon: ComponentType;
  /** The screen; absent while the feature is not built (the placeholder shows instead). */
  screen?: LazyExoticComponent<ComponentType>;
  /** Where the placeholder sends the user meanwhile (placeholder.<route>.what/now say why). */
  nextSteps?: NextStep[];
  /** The kind of search-box hit this feature opens, and the sub-path that opens one record. */
  opens?: { kind: 'card' | 'device'; sub: (id: string) => string };
  /** After-commit hooks that keep this feature's derived data current (renderer/db/commit.ts). */
  hooks?: CommitHook[];
}

const screen = <M>(load: () => Promise<M>, pick: (m: M) => ComponentType) =>
  lazy(() => load().then((m) => ({ default: pick(m) })));

export const FEATURES = [
  // The dashboard is drawn before the ledger opens; the shell renders it directly.
  { route: 'dashboard', icon: DashboardOutlined },
  {
    route: 'repairs',
    icon: ToolOutlined,
    screen: screen(
      () => import('./repair/RepairScreen'),
      (m) => m.RepairScreen,
    ),
    opens: { kind: 'card', sub: (id) => encodeURIComponent(id) },
    hooks: [repairDerivedHook],
  },
  {
    route: 'devices',
    icon: DesktopOutlined,
    screen: screen(
      () => import('./devices/DevicesScreen'),
      (m) => m.DevicesScreen,
    ),
    opens: { kind: 'device', sub: (id) => `device/${id}` },
  },
  {
    route: 'checks',
    icon: SafetyCertificateOutlined,
    screen: screen(
      () => import('./checks/ChecksScreen'),
      (m) => m.ChecksScreen,
    ),
  },
  {
    route: 'network',
    icon: GlobalOutlined,
    screen: screen(
      () => import('./network/NetworkScreen'),
      (m) => m.NetworkScreen,
    ),
  },
  {
    route: 'culture',
    icon: ReadOutlined,
    screen: screen(
      () => import('./culture/CultureScreen'),
      (m) => m.CultureScreen,
    ),
    hooks: [quoteLibraryHook],
  },
  {
    route: 'training',
    icon: AppstoreOutlined,
    screen: screen(
      () => import('./training/TrainingScreen'),
      (m) => m.TrainingScreen,
    ),
  },
  {
    route: 'reports',
    icon: BarChartOutlined,
    screen: screen(
      () => import('./kpi/KpiScreen'),
      (m) => m.KpiScreen,
    ),
    hooks: [kpiMonthCacheHook, kpiMonthCardsHook, kpiQuoteFoldHook, kpiCardFactsHook],
  },
  {
    route: 'people',
    icon: TeamOutlined,
    screen: screen(
      () => import('./people/PeopleScreen'),
      (m) => m.PeopleScreen,
    ),
  },
  {
    route: 'settings',
    icon: SettingOutlined,
    screen: screen(
      () => import('./settings/SettingsScreen'),
      (m) => m.SettingsScreen,
    ),
  },
  {
    route: 'help',
    icon: QuestionCircleOutlined,
    screen: screen(
      () => import('./help/HelpScreen'),
      (m) => m.HelpScreen,
    ),
  },
] as const satisfies readonly Feature[];

export type FeatureRoute = (typeof FEATURES)[number]['route'];

/** The feature of a route. */
export function featureOf(route: FeatureRoute): Feature {
  return FEATURES.find((f) => f.route === route)!;
}

/** The feature that opens a search hit of `kind`. */
export function featureOpening(kind: 'card' | 'device'): Feature | undefined {
  return (FEATURES as readonly Feature[]).find((f) => f.opens?.kind === kind);
}

/**
 * Register every feature's after-commit hooks. Called once when the ledger opens, before any
 * write or sync, so a feature's derived data follows writes even before its screen was opened.
 */
export function registerFeatureHooks(): void {
  for (const feature of FEATURES as readonly Feature[])
    for (const hook of feature.hooks ?? []) registerCommitHook(hook);
}
