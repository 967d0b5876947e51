// The first screen: how big the ledger is (counts that cost little: people, departments,
// devices), whether the browser will keep the data, and the demo-data loader for a first look.
// Test ids: dashboard-count-people, dashboard-count-departments, dashboard-count-devices,
// load-demo (button), load-demo-progress, storage-status, dashboard-empty (hint on an empty ledger);
// the device alerts' ids are listed in features/devices/DeviceFlagsCard.tsx.
import { Alert, App, Button, Card, Col, Progress, Row, Space, Statistic, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLedger } from '../../app/ledger';
import type { NetdeskDb } from '../../db/schema';
import { describeError } from '../../i18n/errors';
import { DeviceFlagsCard } from '../devices/DeviceFlagsCard';
import { rebuildRepairDerivedData } from '../repair/data';
import { RepairSummaryCard } from '../repair/RepairSummaryCard';
import { useStorageStore } from '../../store/storage';
import { useUiStore } from '../../store/ui';
import { isLedgerEmpty, loadDemoLedger } from './demo-data';

export interface LedgerCounts {
  people: number;
  departments: number;
  devices: number;
}

/** Live people, departments and devices: key counts on each table and on its tombstone-only
 * deletedAt index, so no record is read. */
export async function readLedgerCounts(db: NetdeskDb): Promise<LedgerCounts> {
  // All six counts asked at once: IndexedDB answers requests in turn, and a count asked only after
  // the one before it came back would queue behind whatever else the window asked meanwhile.
  const tables = [db.people, db.departments, db.devices] as const;
  const [people, departments, devices] = await Promise.all(
    tables.map(async (table) => {
      const [all, deleted] = await Promise.all([table.count(), table.where('deletedAt').above('').count()]);
      return all - deleted;
    }),
  );
  return { people: people!, departments: departments!, devices: devices! };
}

let early: { db: NetdeskDb; counts: LedgerCounts } | null = null;

/**
 * Read the counts as soon as the ledger is open, before React has drawn anything (main.tsx): the
 * dashboard's own live query only starts after the first screen is on, and its reads then queue
 * behind the other cards'. Its first frame shows these; the live query keeps them current.
 */
export function prefetchLedgerCounts(db: NetdeskDb): void {
  readLedgerCounts(db).then(
    (counts) => {
      early = { db, counts };
    },
    () => undefined, // the live query reads again and reports
  );
}

function earlyCounts(db: NetdeskDb): LedgerCounts | undefined {
  return early?.db === db ? early.counts : undefined;
}

export function DashboardScreen() {
  const { t } = useTranslation();
  const { db } = useLedger();
  const navigate = useUiStore((s) => s.navigate);

  // The live counts; the first value may already be in from the start-up read (main.tsx).
  const counts = useLiveQuery(() => readLedgerCounts(db), [db], earlyCounts(db));

  const empty = counts !== undefined && counts.people + counts.departments + counts.devices === 0;

  return (
    <div>
      <Typography.Title level={3}>{t('dashboard.title')}</Typography.Title>
      <Card title={t('dashboard.counts')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {(['people', 'departments', 'devices'] as const).map((key) => (
            <Col span={8} key={key}>
              <Statistic
                title={t(`dashboard.${key}`)}
                value={counts?.[key] ?? '…'}
                data-testid={`dashboard-count-${key}`}
              />
            </Col>
          ))}
        </Row>
        {empty && (
          <Alert
            data-testid="dashboard-empty"
            style={{ marginTop: 16 }}
            type="info"
            showIcon
            title={t('dashboard.emptyLedger')}
            action={
              <Button size="small" onClick={() => navigate('people')}>
                {t('placeholder.goPeople')}
              </Button>
            }
          />
        )}
      </Card>
      {/* Their reads wait until the counts are in: IndexedDB answers in turn, and the flags'
          ninety days of cards would otherwise keep the counts waiting (seconds at ten years). */}
      <RepairSummaryCard hold={counts === undefined} />
      <DeviceFlagsCard hold={counts === undefined} />
      <DemoDataCard />
      <StorageCard />
    </div>
  );
}

function DemoDataCard() {
  const { t } = useTranslation();
  const { db } = useLedger();
  const { modal, message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);

  const load = async () => {
    // Checked before asking, and again by the import itself (mode 'empty') inside its transaction.
    if (!(await isLedgerEmpty(db))) {
      void message.warning(t('dashboard.demo.notEmpty'));
      return;
    }
    const confirmed = await modal.confirm({
      title: t('dashboard.demo.title'),
      content: t('dashboard.demo.body'),
      okText: t('dashboard.demo.button'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'load-demo-confirm' },
    });
    if (!confirmed) return;
    setProgress(0);
    try {
      const count = await loadDemoLedger(db, new Date(), (done, total) =>
        setProgress(total > 0 ? Math.round((done / total) * 100) : 0),
      );
      // The import writes cards without the repair layer: its counters and search copy follow
      // (in the background: the ledger is usable meanwhile, the totals fill in when done).
      rebuildRepairDerivedData(db).catch((err: unknown) =>
        message.error(t('dashboard.demo.failed', { detail: describeError(err, t) })),
      );
      void message.success(t('dashboard.demo.done', { count }));
    } catch (err) {
      const notEmpty = err instanceof Error && (err as { code?: unknown }).code === 'not-empty';
      void message.error(
        notEmpty
          ? t('dashboard.demo.notEmpty')
          : t('dashboard.demo.failed', { detail: describeError(err, t) }),
      );
    } finally {
      setProgress(null);
    }
  };

  return (
    <Card title={t('dashboard.demo.button')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('dashboard.demo.body')}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button data-testid="load-demo" onClick={() => void load()} loading={progress !== null}>
          {t('dashboard.demo.button')}
        </Button>
        {progress !== null && (
          <div data-testid="load-demo-progress">
            <Typography.Text>{t('dashboard.demo.loading')}</Typography.Text>
            <Progress percent={progress} />
          </div>
        )}
      </Space>
    </Card>
  );
}

function StorageCard() {
  const { t } = useTranslation();
  const status = useStorageStore((s) => s.status);
  const text = {
    checking: t('dashboard.storage.checking'),
    persisted: t('dashboard.storage.persisted'),
    'not-persisted': t('dashboard.storage.notPersisted'),
    unsupported: t('dashboard.storage.unsupported'),
  }[status];
  return (
    <Card title={t('dashboard.storage.title')}>
      <Alert
        data-testid="storage-status"
        data-status={status}
        type={status === 'persisted' ? 'success' : status === 'checking' ? 'info' : 'warning'}
        showIcon
        title={text}
      />
    </Card>
  );
}
