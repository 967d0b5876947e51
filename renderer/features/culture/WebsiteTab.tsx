// 网站更新: the log of what went online on the group's websites, and the weekly tracker against
// "at least two a week" (the weeks of the KPI: Monday–Sunday, China time, reported in the month of
// their Thursday). The tracker shows the last twelve weeks; the week still running is "in
// progress" until it has its two.
// Opened at a week (#/culture/website/<day>, from a KPI exception), the tracker shows the weeks
// around it with that week marked, and the log shows the page holding its updates, marked.
// Test ids: website-week (data-monday, data-count, data-status: met | short | running,
// data-picked), website-week-picked, add-website-update, website-row (data-title, data-picked),
// website-edit, website-delete.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useRef, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { weeklyTracker, WEBSITE_UPDATES_PER_WEEK, type WeekTally } from '../../../shared/culture/website';
import type { WebsiteUpdate } from '../../../shared/schemas';
import { addDays, chinaDay, isChinaDay, mondayOf } from '../../../shared/time/china';
import { useLedger } from '../../app/ledger';
import { RowAction } from '../../components/RowAction';
import { formatTime } from '../../i18n/dates';
import { EmptyState } from '../../components/EmptyState';
import { describeError } from '../../i18n/errors';
import { removeWebsiteUpdate, useWebsiteUpdates } from './data';
import { InvitationsPanel } from './InvitationsPanel';
import { WebsiteUpdateForm } from './WebsiteUpdateForm';

const TRACKED_WEEKS = 12;
const PAGE = 50;

export function WebsiteTab({ today, week }: { today: string; week?: string }) {
  const { t } = useTranslation();
  const { db, repo } = useLedger();
  const { message, modal } = App.useApp();
  const updates = useWebsiteUpdates(db);
  const [editing, setEditing] = useState<{ update: WebsiteUpdate | null } | null>(null);

  // The week asked for (any day of it), when it is a real day up to today.
  const picked = week && isChinaDay(week) && week <= today ? mondayOf(week) : undefined;
  // The tracker's last week: this one, or a few weeks after the picked one when it is older.
  const fiveAfter = picked ? addDays(picked, 7 * 5) : today;
  const lastDay = fiveAfter < today ? fiveAfter : today;
  // Memoised by the React compiler (a manual useMemo here is one it cannot keep).
  const weeks = weeklyTracker(updates ?? [], addDays(lastDay, -7 * (TRACKED_WEEKS - 1)), lastDay, today);
  const inPicked = (u: WebsiteUpdate) => picked !== undefined && mondayOf(chinaDay(u.publishedAt)) === picked;
  // Newest first: the page holding the picked week's first update.
  const firstPicked = picked ? (updates ?? []).findIndex(inPicked) : -1;
  const pickedCount = picked ? (updates ?? []).filter(inPicked).length : 0;
  const pickedTag = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    pickedTag.current?.scrollIntoView?.({ block: 'nearest' });
  }, [picked, updates]);
  const sites = useMemo(() => [...new Set((updates ?? []).map((u) => u.site))], [updates]);
  const status = (w: WeekTally) => (w.met ? 'met' : w.current ? 'running' : 'short');

  const remove = (u: WebsiteUpdate) =>
    modal.confirm({
      title: t('culture.website.deleteConfirm', { title: u.title }),
      okButtonProps: { danger: true, 'data-testid': 'website-delete-confirm' },
      onOk: async () => {
        try {
          await removeWebsiteUpdate(db, repo, u.id);
        } catch (err) {
          void message.error(describeError(err, t));
        }
      },
    });

  const columns: TableColumnsType<WebsiteUpdate> = [
    {
      title: t('culture.website.fields.publishedAt'),
      key: 'at',
      width: 150,
      render: (_, u) => formatTime(u.publishedAt),
    },
    { title: t('culture.website.fields.title'), dataIndex: 'title', ellipsis: true },
    {
      title: t('culture.website.fields.category'),
      key: 'category',
      width: 110,
      render: (_, u) => t(`culture.website.categories.${u.category}`),
    },
    { title: t('culture.website.fields.site'), dataIndex: 'site', width: 140, ellipsis: true },
    { title: t('culture.website.fields.author'), dataIndex: 'author', width: 100 },
    {
      key: 'actions',
      width: 90,
      render: (_, u) => (
        <Space size={0}>
          <RowAction
            icon={<EditOutlined />}
            label={t('common.edit')}
            testId="website-edit"
            onClick={() => setEditing({ update: u })}
          />
          <RowAction
            icon={<DeleteOutlined />}
            label={t('common.delete')}
            testId="website-delete"
            onClick={() => remove(u)}
          />
        </Space>
      ),
    },
  ];

  return (
    <>
      <Card
        size="small"
        title={t('culture.website.tracker', { needed: WEBSITE_UPDATES_PER_WEEK })}
        style={{ marginBottom: 12 }}
      >
        <Space wrap size={[8, 8]}>
          {weeks.map((w) => (
            <Tag
              key={w.monday}
              data-testid="website-week"
              data-monday={w.monday}
              data-count={w.count}
              data-status={status(w)}
              data-picked={w.monday === picked ? 'true' : undefined}
              ref={w.monday === picked ? pickedTag : undefined}
              color={w.met ? 'green' : w.current ? 'blue' : 'red'}
              style={w.monday === picked ? { outline: '2px solid #faad14', fontWeight: 600 } : undefined}
            >
              {t('culture.website.week', {
                monday: w.monday.slice(5),
                sunday: w.sunday.slice(5),
                count: w.count,
              })}
              {' · '}
              {t(`culture.website.status.${status(w)}`)}
            </Tag>
          ))}
        </Space>
      </Card>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">
          {t('culture.website.count', { count: updates?.length ?? 0 })}
          {picked && (
            <span data-testid="website-week-picked">
              {' · '}
              {t('kpi.websiteWeekOf', { monday: picked, count: pickedCount })}
            </span>
          )}
        </Typography.Text>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="add-website-update"
          onClick={() => setEditing({ update: null })}
        >
          {t('culture.website.add')}
        </Button>
      </Space>
      <Table<WebsiteUpdate>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={updates ?? []}
        loading={updates === undefined}
        key={`${picked ?? ''}:${firstPicked}`}
        pagination={{
          defaultPageSize: PAGE,
          defaultCurrent: firstPicked > 0 ? Math.floor(firstPicked / PAGE) + 1 : 1,
          hideOnSinglePage: true,
        }}
        locale={{ emptyText: <EmptyState message={t('emptyState.website')} /> }}
        onRow={(u) =>
          ({
            'data-testid': 'website-row',
            'data-title': u.title,
            'data-picked': inPicked(u) ? 'true' : undefined,
            style: inPicked(u) ? { background: '#fffbe6' } : undefined,
          }) as HTMLAttributes<HTMLElement>
        }
      />
      <InvitationsPanel updates={updates ?? []} />
      <WebsiteUpdateForm
        open={editing !== null}
        update={editing?.update ?? null}
        sites={sites}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
