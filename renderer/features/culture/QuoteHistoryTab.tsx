// What the showroom showed, newest first: each working day up to today and its quote. This is the
// record the monthly KPI reads for "a new quote every working day".
// Opened at a day (from a KPI exception), the page holding that day is shown and its row marked.
// Test ids: history-table, history-row (data-date, data-text, data-picked).
import { Table, type TableColumnsType } from 'antd';
import { useMemo, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { entriesByDay } from '../../../shared/culture/schedule';
import type { QuoteScheduleEntry } from '../../../shared/schemas';
import type { CultureLedger } from './data';
import { EmptyState } from '../../components/EmptyState';

const PAGE = 50;

export function QuoteHistoryTab({
  ledger,
  today,
  day,
}: {
  ledger: CultureLedger;
  today: string;
  day?: string;
}) {
  const { t } = useTranslation();
  const textOf = useMemo(() => new Map(ledger.quotes.map((q) => [q.id, q.text])), [ledger.quotes]);
  const shown = useMemo(
    () =>
      [...entriesByDay(ledger.schedule).values()]
        .filter((e) => e.date <= today)
        .sort((a, b) => b.date.localeCompare(a.date)),
    [ledger.schedule, today],
  );
  // Newest first: the day's row, or where it would be (a working day without a quote has none).
  const at = day ? shown.findIndex((e) => e.date <= day) : -1;
  const columns: TableColumnsType<QuoteScheduleEntry> = [
    { title: t('culture.schedule.date'), dataIndex: 'date', width: 130 },
    { title: t('culture.schedule.quote'), key: 'quote', render: (_, e) => textOf.get(e.quoteId) ?? '' },
  ];
  return (
    <Table<QuoteScheduleEntry>
      data-testid="history-table"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={shown}
      key={day ?? ''}
      pagination={{
        defaultPageSize: PAGE,
        defaultCurrent: at > 0 ? Math.floor(at / PAGE) + 1 : 1,
        hideOnSinglePage: true,
      }}
      locale={{ emptyText: <EmptyState message={t('emptyState.history')} /> }}
      onRow={(e) =>
        ({
          'data-testid': 'history-row',
          'data-date': e.date,
          'data-text': textOf.get(e.quoteId) ?? '',
          'data-picked': e.date === day ? 'true' : undefined,
          style: e.date === day ? { background: '#fffbe6' } : undefined,
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
