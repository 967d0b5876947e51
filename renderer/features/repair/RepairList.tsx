// The card list: filters (status, overdue, department, device, requester, received dates, text),
// sorting by received / due / number, and a virtualised table that loads the next page as it is
// scrolled — never every card at once (ten years are 200,000). Rows come first; the exact
// number of matching cards is asked for after them. Each row shows the time left or overdue;
// overdue rows are red. A card number scanned into the search box (WX-… and Enter) opens it.
// Ctrl+K or "/" puts the cursor in the search box; Ctrl+P on a selected (focused) row prints its card.
// Test ids: repair-counters, repair-counter-<open|overdue|waiting|signoff|total>, repair-search,
// repair-status-filter, repair-overdue-filter, repair-department-filter, repair-device-filter,
// repair-requester-filter, repair-date-from, repair-date-to, repair-clear-filters, repair-count,
// repair-table, repair-row (each; data-card-no, data-overdue, data-status), row-clock,
// row-signature-pending.
import { SearchOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Checkbox,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type InputRef,
  type TableColumnsType,
  type TableProps,
} from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSlaMargin } from '../../../shared/repair/sla-margin';
import type { RepairStatus } from '../../../shared/repair/workflow';
import { REPAIR_STATUSES, type Device, type RepairCard } from '../../../shared/schemas';
import { isListed } from '../../../shared/sync/arrival';
import { useLedger } from '../../app/ledger';
import { DayInput } from '../../components/DateInputs';
import type { Directory } from '../../directory/directory';
import {
  countRepairCards,
  findRepairCardByNo,
  queryRepairCards,
  readRepairCounters,
  type RepairCardFilter,
  type RepairCardSort,
} from './data';
import { DevicePicker, PersonPicker } from '../../components/pickers';
import { isPrintKey, PrintCardDialog } from './PrintCardDialog';
import { formatTime, receivedRangeOf, rowClock } from './repair-format';
import { StatusTag } from './StatusTag';
import { useNow } from '../../components/use-now';
import { useMarginLang } from './use-repair';
import { useSearchShortcut } from '../../components/useSearchShortcut';
import { cellName, columnsWidth } from '../../components/table-width';
import { EmptyState } from '../../components/EmptyState';

const PAGE = 100;
const SEARCH_DEBOUNCE_MS = 250;
/** Load the next page when the scroll is this close to the bottom (px). */
const LOAD_AHEAD_PX = 400;

interface ListFilters {
  status: RepairStatus[];
  overdue: boolean;
  departmentId: string | null;
  deviceId: string | null;
  requesterId: string | null;
  fromDay: string;
  toDay: string;
}

const NO_FILTERS: ListFilters = {
  status: [],
  overdue: false,
  departmentId: null,
  deviceId: null,
  requesterId: null,
  fromDay: '',
  toDay: '',
};

const OVERDUE_STYLE = `
.repair-row-overdue > .ant-table-cell, .repair-row-overdue > td { background: #fff1f0 !important; }
.repair-row-overdue .row-card-no { color: #cf1322; font-weight: 600; }
.repair-row { cursor: pointer; }
`;

/** The table's height: the window less the screen's header, counters and filters. */
function useTableHeight(): number {
  const [height, setHeight] = useState(() => Math.max(320, window.innerHeight - 360));
  useEffect(() => {
    const onResize = () => setHeight(Math.max(320, window.innerHeight - 360));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}

export function RepairList(props: {
  directory: Directory;
  devices: { list: Device[]; byId: Map<string, Device> };
  onOpen: (card: RepairCard) => void;
  /** False while a dialog is open: then Ctrl+K and "/" belong to it. */
  shortcutsEnabled: boolean;
}) {
  const { t } = useTranslation();
  const { db } = useLedger();
  const { message } = App.useApp();
  // Every 30 s: a card's "剩 3 小时" must not freeze.
  const now = useNow(30_000);
  const lang = useMarginLang();
  const height = useTableHeight();
  const searchRef = useRef<InputRef>(null);

  const [filters, setFilters] = useState<ListFilters>(NO_FILTERS);
  const [searchText, setSearchText] = useState('');
  const [text, setText] = useState('');
  const [sort, setSort] = useState<RepairCardSort>({ by: 'receivedAt', dir: 'desc' });
  // How many rows are loaded, for the current filter and sort only: a new one starts at one page.
  const [paging, setPaging] = useState({ key: '', limit: PAGE });
  const [printing, setPrinting] = useState<RepairCard | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setText(searchText.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  const focusSearch = useCallback(() => searchRef.current?.focus({ cursor: 'all' }), []);
  useSearchShortcut(focusSearch, props.shortcutsEnabled);

  const filter: RepairCardFilter = useMemo(
    () => ({
      status: filters.status,
      overdue: filters.overdue,
      departmentId: filters.departmentId,
      deviceId: filters.deviceId,
      requesterId: filters.requesterId,
      ...receivedRangeOf(filters.fromDay || null, filters.toDay || null),
      text,
    }),
    [filters, text],
  );
  const pagingKey = JSON.stringify([filter, sort]);
  const limit = paging.key === pagingKey ? paging.limit : PAGE;

  // "Overdue" moves with the clock: only then does the query depend on the minute.
  const queryNow = filters.overdue ? now : null;
  const page = useLiveQuery(async () => {
    // Every card write bumps the search manifest (schema.ts: repairSearch chunk -1). Reading it
    // makes this query re-run on any card write: Dexie's change tracking alone missed a new card
    // on the reversed, filtered index walk of the unfiltered list.
    await db.repairSearch.get(-1);
    return queryRepairCards(db, filter, sort, { offset: 0, limit }, queryNow ? { now: queryNow } : {});
  }, [db, filter, sort, limit, queryNow]);
  // useLiveQuery keeps the previous rows while the next query runs: no flash of an empty table.
  const shown = page;

  // The exact total may take longer than a page: asked once the first rows are on screen.
  const rowsReady = page !== undefined;
  const matching = useLiveQuery(
    () => (rowsReady ? countRepairCards(db, filter, queryNow ? { now: queryNow } : {}) : undefined),
    [db, filter, queryNow, rowsReady],
  );
  const counters = useLiveQuery(() => readRepairCounters(db, now), [db, now]);

  /** A scanned or typed card number + Enter opens that card; anything else just searches now. */
  const onSearchEnter = async () => {
    const typed = searchText.trim();
    setText(typed);
    if (!typed || /\s/.test(typed)) return;
    const card = await findRepairCardByNo(db, typed);
    if (card) {
      setSearchText('');
      setText('');
      props.onOpen(card);
    } else if (/^WX-/i.test(typed)) {
      void message.warning(t('repair.list.notFoundNo', { no: typed }));
    }
  };

  const set = <K extends keyof ListFilters>(key: K, value: ListFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

  const departmentName = (id: string | null) =>
    id ? (props.directory.departmentById.get(id)?.name ?? '') : '';
  const sortOrder = (by: RepairCardSort['by']) =>
    sort.by === by ? (sort.dir === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const columns: TableColumnsType<RepairCard> = [
    {
      title: t('repair.fields.cardNo'),
      dataIndex: 'cardNo',
      key: 'cardNo',
      width: 140,
      fixed: 'left',
      onCell: cellName('cardNo'),
      sorter: true,
      sortOrder: sortOrder('cardNo'),
      render: (no: string) => <span className="row-card-no">{no}</span>,
    },
    {
      title: t('repair.fields.requester'),
      dataIndex: 'requesterName',
      key: 'requester',
      width: 90,
      fixed: 'left',
      ellipsis: true,
      onCell: cellName('requester'),
    },
    {
      title: t('repair.fields.receivedAt'),
      dataIndex: 'receivedAt',
      key: 'receivedAt',
      width: 140,
      sorter: true,
      sortOrder: sortOrder('receivedAt'),
      render: (at: string) => formatTime(at),
    },
    {
      title: t('repair.fields.department'),
      key: 'department',
      width: 100,
      ellipsis: true,
      render: (_, c) => departmentName(c.departmentId),
    },
    { title: t('repair.fields.device'), dataIndex: 'deviceTag', key: 'device', width: 110, ellipsis: true },
    {
      title: t('repair.fields.description'),
      dataIndex: 'description',
      key: 'description',
      width: 200,
      ellipsis: true,
    },
    {
      title: t('repair.fields.status'),
      key: 'status',
      width: 170,
      fixed: 'right',
      onCell: cellName('status'),
      render: (_, c) => (
        <Space size={2} wrap>
          <StatusTag status={c.status} />
          {!c.deptHeadSignedAt && (
            <Tag color="orange" data-testid="row-signature-pending">
              {t('repair.signaturePending')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('repair.fields.clock'),
      key: 'slaDueAt',
      width: 140,
      fixed: 'right',
      onCell: cellName('clock'),
      sorter: true,
      sortOrder: sortOrder('slaDueAt'),
      render: (_, c) => <RowClockText card={c} now={now} lang={lang} />,
    },
  ];

  const onTableChange: TableProps<RepairCard>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.columnKey as RepairCardSort['by'] | undefined;
    if (!key || !s?.order) {
      setSort({ by: 'receivedAt', dir: 'desc' });
      return;
    }
    setSort({ by: key, dir: s.order === 'ascend' ? 'asc' : 'desc' });
  };

  const filtered =
    JSON.stringify(filters) !== JSON.stringify(NO_FILTERS) || text !== '' || searchText.trim() !== '';
  const counterTag = (
    key: 'open' | 'overdue' | 'waiting' | 'signoff' | 'total',
    label: string,
    value: number | undefined,
    apply: Partial<ListFilters>,
    color?: string,
  ) => (
    <Tag.CheckableTag
      key={key}
      checked={false}
      data-testid={`repair-counter-${key}`}
      data-count={value ?? ''}
      onChange={() => setFilters({ ...NO_FILTERS, ...apply })}
      style={{ fontSize: 14, padding: '2px 10px', border: '1px solid rgba(5,5,5,0.1)' }}
    >
      {label} <b style={{ color }}>{value ?? '…'}</b>
    </Tag.CheckableTag>
  );

  return (
    <div>
      <style>{OVERDUE_STYLE}</style>
      <Space wrap data-testid="repair-counters" style={{ marginBottom: 12 }}>
        {counterTag('open', t('repair.counters.open'), counters?.open, {
          status: ['received', 'in-repair', 'waiting-parts', 'refused'],
        })}
        {counterTag('overdue', t('repair.counters.overdue'), counters?.overdue, { overdue: true }, '#cf1322')}
        {counterTag('waiting', t('repair.counters.waitingParts'), counters?.byStatus['waiting-parts'], {
          status: ['waiting-parts'],
        })}
        {counterTag('signoff', t('repair.counters.awaitingSignOff'), counters?.awaitingSignOff, {
          status: ['repaired', 'suggestion-given'],
        })}
        {counterTag('total', t('repair.counters.total'), counters?.total, {})}
      </Space>
      <Space wrap style={{ marginBottom: 8 }}>
        <Input
          ref={searchRef}
          data-testid="repair-search"
          allowClear
          prefix={<SearchOutlined />}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onPressEnter={() => void onSearchEnter()}
          placeholder={t('repair.list.searchPlaceholder')}
          style={{ width: 420 }}
        />
        <Select
          data-testid="repair-status-filter"
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          value={filters.status}
          onChange={(v: RepairStatus[]) => set('status', v)}
          placeholder={t('repair.list.statusFilter')}
          style={{ minWidth: 200 }}
          options={REPAIR_STATUSES.map((s) => ({ value: s, label: t(`repair.status.${s}`) }))}
        />
        <Checkbox
          data-testid="repair-overdue-filter"
          checked={filters.overdue}
          onChange={(e) => set('overdue', e.target.checked)}
        >
          {t('repair.list.overdueOnly')}
        </Checkbox>
      </Space>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          data-testid="repair-department-filter"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.departmentId ?? undefined}
          onChange={(v: string | undefined) => set('departmentId', v ?? null)}
          placeholder={t('repair.list.departmentFilter')}
          style={{ width: 160 }}
          options={props.directory.departments.filter(isListed).map((d) => ({ value: d.id, label: d.name }))}
        />
        <DevicePicker
          devices={props.devices.list}
          requesterId={filters.requesterId}
          testId="repair-device-filter"
          value={filters.deviceId}
          onChange={(v) => set('deviceId', v)}
          placeholder={t('repair.list.deviceFilter')}
          style={{ width: 200 }}
        />
        <PersonPicker
          directory={props.directory}
          testId="repair-requester-filter"
          value={filters.requesterId}
          onChange={(v) => set('requesterId', v)}
          placeholder={t('repair.list.requesterFilter')}
          style={{ width: 180 }}
        />
        <DayInput
          testId="repair-date-from"
          title={t('repair.list.dateFrom')}
          placeholder={t('repair.list.dateFrom')}
          value={filters.fromDay}
          onChange={(day) => set('fromDay', day)}
          width={150}
        />
        <span>–</span>
        <DayInput
          testId="repair-date-to"
          title={t('repair.list.dateTo')}
          placeholder={t('repair.list.dateTo')}
          value={filters.toDay}
          onChange={(day) => set('toDay', day)}
          width={150}
        />
        {filtered && (
          <Button
            data-testid="repair-clear-filters"
            onClick={() => {
              setFilters(NO_FILTERS);
              setSearchText('');
              setText('');
            }}
          >
            {t('repair.list.clearFilters')}
          </Button>
        )}
      </Space>
      <div>
        <Typography.Text type="secondary" data-testid="repair-count">
          {t('repair.list.shown', { shown: shown?.rows.length ?? 0 })}
          {' · '}
          {matching === undefined
            ? t('repair.list.counting')
            : t('repair.list.matching', { count: matching })}
          {shown?.hasMore ? ` · ${t('repair.list.more')}` : ''}
        </Typography.Text>
      </div>
      <Table<RepairCard>
        data-testid="repair-table"
        style={{ marginTop: 8 }}
        size="small"
        virtual
        scroll={{ x: columnsWidth(columns), y: height }}
        rowKey="id"
        loading={shown === undefined}
        columns={columns}
        dataSource={shown?.rows ?? []}
        pagination={false}
        onChange={onTableChange}
        showSorterTooltip={false}
        locale={{
          // While the first rows load, "no cards yet" would be untrue: the spinner says enough.
          emptyText:
            shown === undefined ? (
              <div style={{ height: 80 }} />
            ) : (
              <EmptyState
                message={
                  filtered || (counters?.total ?? 0) > 0 ? t('repair.list.noMatch') : t('repair.list.empty')
                }
              />
            ),
        }}
        onScroll={(e) => {
          const el = e.currentTarget;
          if (shown?.hasMore && el.scrollTop + el.clientHeight >= el.scrollHeight - LOAD_AHEAD_PX) {
            // Once per page: only when the rows asked for so far have arrived.
            if (limit <= shown.rows.length) setPaging({ key: pagingKey, limit: limit + PAGE });
          }
        }}
        rowClassName={(c) =>
          rowClock(c, now).kind === 'overdue' ? 'repair-row repair-row-overdue' : 'repair-row'
        }
        onRow={(c) =>
          ({
            'data-testid': 'repair-row',
            'data-card-no': c.cardNo,
            'data-status': c.status,
            'data-overdue': rowClock(c, now).kind === 'overdue' ? 'true' : 'false',
            tabIndex: 0,
            onClick: () => props.onOpen(c),
            onKeyDown: (e: React.KeyboardEvent) => {
              if (e.key === 'Enter') props.onOpen(c);
              // Ctrl+P on the selected row prints that card, not the browser's page.
              if (isPrintKey(e)) {
                e.preventDefault();
                setPrinting(c);
              }
            },
          }) as HTMLAttributes<HTMLElement>
        }
      />
      {printing && <PrintCardDialog card={printing} onClose={() => setPrinting(null)} />}
    </div>
  );
}

function RowClockText({ card, now, lang }: { card: RepairCard; now: Date; lang: 'zh-CN' | 'en' }) {
  const { t } = useTranslation();
  const clock = rowClock(card, now);
  switch (clock.kind) {
    case 'running':
      return (
        <span data-testid="row-clock" data-state="running">
          {formatSlaMargin(clock.marginMs, lang)}
        </span>
      );
    case 'overdue':
      return (
        <Typography.Text type="danger" strong data-testid="row-clock" data-state="overdue">
          {formatSlaMargin(clock.marginMs, lang)}
        </Typography.Text>
      );
    case 'paused':
      return (
        <Typography.Text type="warning" data-testid="row-clock" data-state="paused">
          {t('repair.clock.paused')}
        </Typography.Text>
      );
    case 'refused':
      return (
        <Typography.Text type="secondary" data-testid="row-clock" data-state="refused">
          {t('repair.clock.refused')}
        </Typography.Text>
      );
    case 'done':
      return (
        <Typography.Text type="secondary" data-testid="row-clock" data-state="done">
          {t('repair.clock.done')}
        </Typography.Text>
      );
  }
}
