// The first screen: how big the ledger is (counts that cost little: people, departments,
// devices), whether the browser will keep the data, and the demo-data loader for a first look.
// Test ids: dashboard-count-people, dashboard-count-departments, dashboard-count-devices,
// load-demo (button; on an empty ledger only), load-demo-progress, storage-status, dashboard-empty (hint on an empty ledger);
// the device alerts' ids are listed in features/devices/DeviceFlagsCard.tsx.
import { Alert, App, Button, Card, Col, Progress, Row, Space, Statistic, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LedgerGate, useLedger, useOpenLedger } from '../../app/ledger';
import { markStart } from '../../app/marks';
import { describeError } from '../../i18n/errors';
import { ChecksDueCard } from '../checks/ChecksDueCard';
import { QuoteGapCard } from '../culture/QuoteGapCard';
import { WebsiteWeekCard } from '../culture/WebsiteWeekCard';
import { DeviceFlagsCard } from '../devices/DeviceFlagsCard';
import { KpiDashboardCard } from '../kpi/KpiDashboardCard';
import { MajorIncidentsCard } from '../network/MajorIncidentsCard';
import { RepairSummaryCard } from '../repair/RepairSummaryCard';
import { useStorageStore } from '../../store/storage';
import { useUiStore } from '../../store/ui';
import {
  readLedgerCounts,
  retireStartCounts,
  startCountsLater,
  startCountsNow,
  type LedgerCounts,
} from './counts';
import { isLedgerEmpty, ledgerHasRecords, loadDemoLedger } from './demo-data';

export function DashboardScreen() {
  const { t } = useTranslation();
  const counts = useDashboardCounts();

  return (
    <div>
      <Typography.Title level={3}>{t('dashboard.title')}</Typography.Title>
      <CountsCard counts={counts} />
      <LedgerGate>
        {/* Once the counts are on screen: IndexedDB answers in turn, and the flags' ninety days
            of cards would otherwise keep the counts waiting (seconds at ten years). */}
        {counts !== undefined && (
          <>
            <RepairSummaryCard />
            <KpiDashboardCard />
            <ChecksDueCard />
            <MajorIncidentsCard />
            <QuoteGapCard />
            <WebsiteWeekCard />
            <DeviceFlagsCard />
            <DemoDataCard />
          </>
        )}
      </LedgerGate>
      <StorageCard />
    </div>
  );
}

/**
 * The key counts: at a cold start the ones public/warm-ledger.js read while the code loaded (drawn
 * before the app's own connection is open), then the live ones, which follow every change.
 */
function useDashboardCounts(): LedgerCounts | undefined {
  const ledger = useOpenLedger();
  const db = ledger?.db;
  const [early, setEarly] = useState<LedgerCounts | null>(startCountsNow);
  useEffect(() => {
    const reading = early ? null : startCountsLater();
    if (!reading) return;
    let current = true;
    void reading.then((counts) => {
      if (current && counts) setEarly(counts);
    });
    return () => {
      current = false;
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- asked once, at mount
  const live = useLiveQuery(() => (db ? readLedgerCounts(db) : undefined), [db]);
  useEffect(() => {
    if (live) retireStartCounts();
  }, [live]);
  const counts = live ?? early ?? undefined;
  const shown = counts !== undefined;
  useEffect(() => {
    if (shown) markStart('counts-shown');
  }, [shown]);
  return counts;
}

function CountsCard({ counts }: { counts: LedgerCounts | undefined }) {
  const { t } = useTranslation();
  const navigate = useUiStore((s) => s.navigate);
  const empty = counts !== undefined && counts.people + counts.departments + counts.devices === 0;
  return (
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
  );
}

function DemoDataCard() {
  const { t } = useTranslation();
  const { db } = useLedger();
  const { modal, message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);
  // Offered on an empty ledger only (it would be refused on any other); kept while it loads.
  const hasRecords = useLiveQuery(() => ledgerHasRecords(db), [db]);

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

  if (hasRecords !== false && progress === null) return null;
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
