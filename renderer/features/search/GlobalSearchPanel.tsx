// The header search's dropdown, loaded the first time the box is focused so a cold start never
// pays for the device index or the repair search copy. It computes the hits for the query (people
// and devices in memory, repair cards through the repair list's own search) and draws them; the
// box (GlobalSearch.tsx) owns the keyboard.
// Test ids: global-search-panel, global-search-hit (data-kind, data-id), global-search-empty.
import { Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepairCard } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { computerTagsText } from '../../../shared/devices/person-computers';
import { useDeviceLedger } from '../devices/use-device-ledger';
import { peopleSearchOf } from '../../directory/directory';
import { queryRepairCards } from '../repair/data';
import { StatusTag } from '../repair/StatusTag';
import { globalResults, PER_KIND, type GlobalHit, type GlobalResults } from './global-results';
import { EmptyState } from '../../components/EmptyState';

/** Pause after the last keystroke before searching the cards (a scanner types faster than this). */
const CARD_SEARCH_DELAY_MS = 120;

export interface PanelResults extends GlobalResults {
  /** The query these results answer; the box compares it with what is typed now. */
  query: string;
}

export default function GlobalSearchPanel({
  query,
  activeIndex,
  onResults,
  onOpen,
}: {
  query: string;
  activeIndex: number;
  onResults: (results: PanelResults) => void;
  onOpen: (hit: GlobalHit) => void;
}) {
  const { t } = useTranslation();
  const { db } = useLedger();
  const ledger = useDeviceLedger();
  const [cards, setCards] = useState<{ query: string; rows: RepairCard[] } | null>(null);
  const [cardError, setCardError] = useState(false);

  useEffect(() => {
    const text = query.trim();
    if (!text) return;
    let current = true;
    const timer = setTimeout(() => {
      queryRepairCards(
        db,
        { text },
        { by: 'receivedAt', dir: 'desc' },
        { offset: 0, limit: PER_KIND + 1 },
      ).then(
        (page) => current && (setCards({ query, rows: page.rows }), setCardError(false)),
        () => current && (setCards({ query, rows: [] }), setCardError(true)),
      );
    }, CARD_SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [db, query]);

  const ready = ledger !== undefined && (cards?.query === query || !query.trim());
  const results = useMemo<PanelResults | null>(() => {
    if (!ledger || !ready) return null;
    const { departmentById, computers } = ledger.directory;
    return {
      query,
      ...globalResults(query, {
        people: peopleSearchOf(ledger.directory),
        departmentName: (id) => (id ? (departmentById.get(id)?.name ?? '') : ''),
        computersOf: (id) => computerTagsText(computers, id),
        devices: ledger.index,
        cards: cards?.rows ?? [],
      }),
    };
  }, [ledger, ready, query, cards]);

  useEffect(() => {
    if (results) onResults(results);
  }, [results, onResults]);

  if (!query.trim()) return null;
  return (
    <div
      data-testid="global-search-panel"
      role="listbox"
      style={{
        position: 'absolute',
        top: 'calc(100% + 4px)',
        left: 0,
        width: 520,
        maxHeight: 480,
        overflowY: 'auto',
        zIndex: 1050,
        background: '#fff',
        borderRadius: 8,
        boxShadow: '0 6px 16px rgba(0,0,0,0.12), 0 3px 6px -4px rgba(0,0,0,0.12)',
        padding: 8,
      }}
    >
      {!results ? (
        <div style={{ padding: 16, textAlign: 'center' }}>
          <Spin size="small" /> <Typography.Text type="secondary">{t('search.searching')}</Typography.Text>
        </div>
      ) : results.hits.length === 0 ? (
        <div data-testid="global-search-empty">
          <EmptyState message={t('emptyState.search', { query: query.trim() })} />
        </div>
      ) : (
        results.hits.map((hit, i) => (
          <HitRow
            key={`${hit.kind}:${hit.id}`}
            hit={hit}
            heading={i === 0 || results.hits[i - 1]!.kind !== hit.kind}
            active={i === activeIndex}
            exact={results.exact?.kind === hit.kind && results.exact.id === hit.id}
            onOpen={onOpen}
          />
        ))
      )}
      {cardError && (
        <Typography.Text type="danger" style={{ display: 'block', padding: 8 }}>
          {t('search.cardsFailed')}
        </Typography.Text>
      )}
    </div>
  );
}

function HitRow({
  hit,
  heading,
  active,
  exact,
  onOpen,
}: {
  hit: GlobalHit;
  heading: boolean;
  active: boolean;
  exact: boolean;
  onOpen: (hit: GlobalHit) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {heading && (
        <Typography.Text type="secondary" style={{ display: 'block', padding: '6px 8px 2px', fontSize: 12 }}>
          {t(`search.kinds.${hit.kind}`)}
        </Typography.Text>
      )}
      <div
        role="option"
        aria-selected={active}
        data-testid="global-search-hit"
        data-kind={hit.kind}
        data-id={hit.id}
        // mousedown, not click: the box keeps focus and the panel is not closed before opening.
        onMouseDown={(e) => {
          e.preventDefault();
          onOpen(hit);
        }}
        style={{
          display: 'flex',
          gap: 8,
          alignItems: 'center',
          padding: '6px 8px',
          borderRadius: 6,
          cursor: 'pointer',
          background: active ? 'rgba(22, 119, 255, 0.08)' : undefined,
        }}
      >
        {hit.kind === 'card' && (
          <>
            <Typography.Text strong>{hit.card.cardNo}</Typography.Text>
            <StatusTag status={hit.card.status} />
            <Typography.Text ellipsis style={{ flex: 1 }}>
              {[hit.card.requesterName, hit.card.deviceTag, hit.card.description].filter(Boolean).join(' · ')}
            </Typography.Text>
          </>
        )}
        {hit.kind === 'device' && (
          <>
            <Typography.Text strong>{hit.tag}</Typography.Text>
            <Typography.Text ellipsis style={{ flex: 1 }}>
              {[hit.name, hit.responsible && t('search.responsible', { name: hit.responsible })]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </>
        )}
        {hit.kind === 'person' && (
          <>
            <Typography.Text strong>{hit.person.name}</Typography.Text>
            <Typography.Text ellipsis style={{ flex: 1 }} type="secondary">
              {[hit.person.employeeNo, hit.departmentName, hit.person.phone, hit.computers]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </>
        )}
        {exact && <Tag color="blue">{t('search.enterOpens')}</Tag>}
      </div>
    </>
  );
}
