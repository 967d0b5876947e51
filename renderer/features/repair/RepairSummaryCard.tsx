// The dashboard's repair card: open, overdue and waiting-for-parts totals from the counters the
// data layer keeps on every write (never a count over the cards), each a way into the list.
// Test ids: dashboard-repairs, dashboard-repairs-open, dashboard-repairs-overdue,
// dashboard-repairs-waiting, dashboard-repairs-go.
import { Button, Card, Col, Row, Statistic } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useLedger } from '../../app/ledger';
import { useUiStore } from '../../store/ui';
import { readRepairCounters } from './data';
import { useNow } from '../../components/use-now';
import { useRepairDataReady } from './use-repair';

export function RepairSummaryCard() {
  const { t } = useTranslation();
  const { db } = useLedger();
  const navigate = useUiStore((s) => s.navigate);
  const now = useNow(60_000);
  const ready = useRepairDataReady();
  const counters = useLiveQuery(() => (ready ? readRepairCounters(db, now) : undefined), [db, now, ready]);
  return (
    <Card
      title={t('repair.dashboard.title')}
      style={{ marginBottom: 16 }}
      data-testid="dashboard-repairs"
      extra={
        <Button type="link" data-testid="dashboard-repairs-go" onClick={() => navigate('repairs')}>
          {t('repair.dashboard.go')}
        </Button>
      }
    >
      <Row gutter={16}>
        <Col span={8}>
          <Statistic
            title={t('repair.dashboard.open')}
            value={counters?.open ?? '…'}
            data-testid="dashboard-repairs-open"
          />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('repair.dashboard.overdue')}
            value={counters?.overdue ?? '…'}
            styles={{ content: counters?.overdue ? { color: '#cf1322' } : undefined }}
            data-testid="dashboard-repairs-overdue"
          />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('repair.dashboard.waitingParts')}
            value={counters?.byStatus['waiting-parts'] ?? '…'}
            data-testid="dashboard-repairs-waiting"
          />
        </Col>
      </Row>
    </Card>
  );
}
