// The dashboard's routine-check card: how many checks are due now and how many were missed
// (today's rounds, last week's weekly checks), with this week's weekly checks by state.
// Test ids: dashboard-checks, dashboard-checks-due, dashboard-checks-overdue, dashboard-checks-open,
// dashboard-checks-contacts (CCTV faults whose provider contact is overdue or came late).
import { Button, Card, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLedger } from '../../app/ledger';
import { useUiStore } from '../../store/ui';
import { contactsNeedingAttention } from '../../../shared/checks/cctv';
import { useNow } from '../../components/use-now';
import { STATE_COLORS } from './state-colors';
import { useChecksView } from './use-checks';

export function ChecksDueCard() {
  const { t } = useTranslation();
  const { db } = useLedger();
  const navigate = useUiStore((s) => s.navigate);
  // Two weeks are enough for today and last week; the year's grid stays on the checks screen.
  const view = useChecksView(db, 2);
  const now = useNow();
  if (!view) return null;
  const { summary } = view;
  const contacts = contactsNeedingAttention(view.checks, now).filter(
    ({ clock }) => clock.state === 'overdue' || clock.state === 'late',
  );
  return (
    <Card
      title={t('checks.dashboard.title')}
      style={{ marginBottom: 16 }}
      data-testid="dashboard-checks"
      extra={
        <Button size="small" data-testid="dashboard-checks-open" onClick={() => navigate('checks')}>
          {t('checks.dashboard.open')}
        </Button>
      }
    >
      <Space size="large" align="start" wrap>
        <Statistic
          title={t('checks.states.due')}
          value={summary.dueCount}
          data-testid="dashboard-checks-due"
        />
        <Statistic
          title={t('checks.states.overdue')}
          value={summary.overdueCount}
          styles={{ content: summary.overdueCount ? { color: '#cf1322' } : {} }}
          data-testid="dashboard-checks-overdue"
        />
        <Space wrap>
          {summary.rounds.map((r) => (
            <Tag key={r.slot} color={STATE_COLORS[r.state]}>
              {r.slot} {t(`checks.states.${r.state}`)}
            </Tag>
          ))}
          {summary.weekly.map((w) => (
            <Tag key={w.kind} color={STATE_COLORS[w.state]}>
              {t(`checks.kinds.${w.kind}`)} {t(`checks.states.${w.state}`)}
            </Tag>
          ))}
        </Space>
      </Space>
      {contacts.length > 0 && (
        <Tag color="red" data-testid="dashboard-checks-contacts" style={{ marginTop: 8 }}>
          {t('checkFollowUp.dashboardContacts', { count: contacts.length })}
        </Tag>
      )}
      {summary.dueCount + summary.overdueCount === 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('checks.dashboard.allDone')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
