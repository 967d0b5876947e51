// The header's search box: one place to find a repair card, a device or a person, from any screen.
// Ctrl+Shift+F focuses it from anywhere (Ctrl+K and / stay with each screen's own list search);
// arrows move, Enter opens, Esc clears. A label scanner types an asset tag
// and Enter: the device opens at once (as does a typed card number), even if the scanner was faster
// than the search. The results panel is a separate chunk loaded on first focus.
// Test ids: global-search (the input), and those of GlobalSearchPanel.tsx.
import { SearchOutlined } from '@ant-design/icons';
import { Input, type InputRef } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/schemas';
import { useOpenLedger } from '../../app/ledger';
import { useUiStore, type Route } from '../../store/ui';
import { featureOpening } from '../manifest';
import type { GlobalHit } from './global-results';
import type { PanelResults } from './GlobalSearchPanel';

const GlobalSearchPanel = lazy(() => import('./GlobalSearchPanel'));
const PersonRepairDrawer = lazy(() =>
  import('../repair/PersonRepairDrawer').then((m) => ({ default: m.PersonRepairDrawer })),
);

export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useUiStore((s) => s.navigate);
  // The panel searches the ledger: typed before it is open, the search runs once it is.
  const ledgerOpen = useOpenLedger() !== null;
  const input = useRef<InputRef>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  /** Loaded once focused, then kept (its device index stays warm for the next search). */
  const [mounted, setMounted] = useState(false);
  const [active, setActive] = useState(0);
  const [results, setResults] = useState<PanelResults | null>(null);
  const [person, setPerson] = useState<Person | null>(null);
  /** Enter pressed before the results for the typed text were ready (a fast scanner). */
  const pendingRef = useRef(false);

  // Ctrl+Shift+F from anywhere, even from another field, focuses the box.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const openHit = useCallback(
    (hit: GlobalHit) => {
      setOpen(false);
      pendingRef.current = false;
      input.current?.blur();
      // The feature that opens this kind of hit says where (features manifest); a person's hit
      // opens their repair history here.
      const feature = hit.kind === 'person' ? undefined : featureOpening(hit.kind);
      if (feature?.opens) navigate(feature.route as Route, feature.opens.sub(hit.id));
      else if (hit.kind === 'person') setPerson(hit.person);
    },
    [navigate],
  );

  // Read by onResults, which the panel calls from its effect: refs, not state, so the callback
  // stays the same and sees what is typed now.
  const queryRef = useRef('');
  const changeQuery = (text: string) => {
    queryRef.current = text;
    setQuery(text);
  };
  const onResults = useCallback(
    (r: PanelResults) => {
      setResults(r);
      setActive(0);
      // Enter arrived before these results (a fast scanner): open now that they are in.
      if (pendingRef.current && r.query === queryRef.current) {
        pendingRef.current = false;
        const hit = r.exact ?? r.hits[0];
        if (hit) openHit(hit);
      }
    },
    [openHit],
  );

  const current = results && results.query === query ? results : null;

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const hits = current?.hits ?? [];
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (hits.length) setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!query.trim()) return;
      if (!current) pendingRef.current = true;
      else {
        const hit = active === 0 && current.exact ? current.exact : hits[active];
        if (hit) openHit(hit);
      }
    } else if (e.key === 'Escape') {
      if (query) changeQuery('');
      else input.current?.blur();
      setOpen(false);
    }
  };

  return (
    <div style={{ position: 'relative', marginRight: 'auto' }}>
      <Input
        ref={input}
        data-testid="global-search"
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        style={{ width: 360 }}
        value={query}
        onChange={(e) => {
          changeQuery(e.target.value);
          setOpen(true);
          pendingRef.current = false;
        }}
        onFocus={() => {
          setMounted(true);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {mounted && ledgerOpen && (
        <Suspense fallback={null}>
          <div style={{ display: open ? undefined : 'none' }}>
            <GlobalSearchPanel query={query} activeIndex={active} onResults={onResults} onOpen={openHit} />
          </div>
        </Suspense>
      )}
      {person && (
        <Suspense fallback={null}>
          <PersonRepairDrawer person={person} onClose={() => setPerson(null)} />
        </Suspense>
      )}
    </div>
  );
}
