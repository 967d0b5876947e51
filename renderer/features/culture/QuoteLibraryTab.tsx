// The quote library: every quote with its tags and whether it was shown, is planned or is unused;
// how many working days the unused quotes still cover; add, edit, retire, import.
// Test ids: quote-coverage, add-quote, import-quotes, quotes-table, quote-row (data-text,
// data-status: shown | planned | unused | retired), quote-edit, quote-retire, open-showroom.
import {
  DesktopOutlined,
  EditOutlined,
  PlusOutlined,
  StopOutlined,
  UndoOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { coverageOf, entriesByDay } from '../../../shared/culture/schedule';
import type { Quote } from '../../../shared/schemas';
import { runtimeMode } from '../../api/netdesk';
import { useLedger } from '../../app/ledger';
import { RowAction } from '../../components/RowAction';
import { describeError } from '../../i18n/errors';
import { setQuoteRetired, type CultureLedger } from './data';
import { QuoteForm } from './QuoteForm';
import { QuoteImportDialog } from './QuoteImportDialog';
import { EmptyState } from '../../components/EmptyState';
import { SHOWROOM_HASH } from './showroom-page';

export function QuoteLibraryTab({ ledger, today }: { ledger: CultureLedger; today: string }) {
  const { t } = useTranslation();
  const { repo } = useLedger();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ quote: Quote | null } | null>(null);
  const [importing, setImporting] = useState(false);

  const cover = useMemo(
    () => coverageOf({ today, quotes: ledger.quotes, entries: ledger.schedule, restDays: ledger.restDays }),
    [ledger, today],
  );
  const dayOfQuote = useMemo(() => {
    const map = new Map<string, string>();
    for (const e of entriesByDay(ledger.schedule).values()) map.set(e.quoteId, e.date);
    return map;
  }, [ledger.schedule]);

  const status = (q: Quote) => {
    const day = dayOfQuote.get(q.id);
    if (day) return day <= today ? 'shown' : 'planned';
    return q.retired ? 'retired' : 'unused';
  };

  const toggleRetired = (q: Quote) =>
    setQuoteRetired(repo, q.id, !q.retired).catch(
      (err: unknown) => void message.error(describeError(err, t)),
    );

  const columns: TableColumnsType<Quote> = [
    { title: t('culture.fields.text'), dataIndex: 'text', ellipsis: true },
    { title: t('culture.fields.source'), dataIndex: 'source', width: 140, ellipsis: true },
    {
      title: t('culture.fields.tags'),
      key: 'tags',
      width: 160,
      render: (_, q) => (q.tags ?? []).map((tag) => <Tag key={tag}>{tag}</Tag>),
    },
    {
      title: t('culture.fields.status'),
      key: 'status',
      width: 150,
      render: (_, q) => {
        const s = status(q);
        const day = dayOfQuote.get(q.id) ?? '';
        if (s === 'shown') return <Tag color="default">{t('culture.shownOn', { date: day })}</Tag>;
        if (s === 'planned') return <Tag color="blue">{t('culture.plannedFor', { date: day })}</Tag>;
        if (s === 'retired') return <Tag color="orange">{t('culture.retired')}</Tag>;
        return <Tag color="green">{t('culture.unused')}</Tag>;
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, q) => (
        <Space size={0}>
          <RowAction
            icon={<EditOutlined />}
            label={t('common.edit')}
            testId="quote-edit"
            onClick={() => setEditing({ quote: q })}
          />
          <RowAction
            icon={q.retired ? <UndoOutlined /> : <StopOutlined />}
            label={q.retired ? t('culture.unretire') : t('culture.retire')}
            testId="quote-retire"
            onClick={() => void toggleRetired(q)}
          />
        </Space>
      ),
    },
  ];

  return (
    <div>
      <Alert
        data-testid="quote-coverage"
        style={{ marginBottom: 12 }}
        type={cover.unused === 0 ? 'warning' : 'info'}
        showIcon
        title={
          cover.unused === 0
            ? t('culture.coverageNone')
            : t('culture.coverageThrough', { unused: cover.unused, through: cover.through })
        }
      />
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'flex-end' }}>
        {/* Electron opens the showroom as its own full-screen window from the menu (窗口 → 展厅显示);
            in browser mode it is a page of this origin, which shares the ledger and the sign-in. */}
        {runtimeMode() === 'browser' ? (
          <Tooltip title={t('culture.showroom.openHint')}>
            <Button
              icon={<DesktopOutlined />}
              data-testid="open-showroom"
              onClick={() => window.open(`/${SHOWROOM_HASH}`, 'netdesk-showroom', 'noopener')}
            >
              {t('culture.showroom.open')}
            </Button>
          </Tooltip>
        ) : null}
        <Button icon={<UploadOutlined />} data-testid="import-quotes" onClick={() => setImporting(true)}>
          {t('culture.importQuotes')}
        </Button>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="add-quote"
          onClick={() => setEditing({ quote: null })}
        >
          {t('culture.addQuote')}
        </Button>
      </Space>
      <Table<Quote>
        data-testid="quotes-table"
        size="middle"
        rowKey="id"
        columns={columns}
        dataSource={ledger.quotes}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState message={t('culture.empty')} /> }}
        onRow={(q) =>
          ({
            'data-testid': 'quote-row',
            'data-text': q.text,
            'data-status': status(q),
            onDoubleClick: () => setEditing({ quote: q }),
          }) as HTMLAttributes<HTMLElement>
        }
      />
      <QuoteForm open={editing !== null} quote={editing?.quote ?? null} onClose={() => setEditing(null)} />
      <QuoteImportDialog open={importing} ledger={ledger} onClose={() => setImporting(false)} />
    </div>
  );
}
