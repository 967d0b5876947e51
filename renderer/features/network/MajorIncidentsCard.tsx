// The dashboard's network card: this year's major incidents against the limit of 10, and the
// outages still running (a power cut with its restore deadline stands out).
// Test ids: dashboard-network, dashboard-network-ytd (data-count), dashboard-network-ongoing.
import { Button, Card, Space, Statistic, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { incidentState, majorsYearToDate, MAJOR_INCIDENTS_PER_YEAR } from '../../../shared/network/incidents';
import { useLedger } from '../../app/ledger';
import { useNow } from '../../components/use-now';
import { useUiStore } from '../../store/ui';
import { listIncidents } from './data';

export function MajorIncidentsCard() {
  const { t } = useTranslation();
  const { db } = useLedger();
  const navigate = useUiStore((s) => s.navigate);
  const now = useNow();
  const incidents = useLiveQuery(() => listIncidents(db), [db]);
  if (!incidents) return null;
  const ytd = majorsYearToDate(incidents, now);
  const ongoing = incidents.filter((i) => i.endAt === null);
  return (
    <Card
      title={t('network.ytd')}
      style={{ marginBottom: 16 }}
      data-testid="dashboard-network"
      extra={
        <Button size="small" onClick={() => navigate('network')}>
          {t('nav.network')}
        </Button>
      }
    >
      <Space size="large" wrap>
        <Statistic
          title={t('network.ytd')}
          value={t('network.ytdOf', { count: ytd, limit: MAJOR_INCIDENTS_PER_YEAR })}
          styles={{ content: ytd > MAJOR_INCIDENTS_PER_YEAR ? { color: '#cf1322' } : {} }}
          data-testid="dashboard-network-ytd"
          data-count={ytd}
        />
        {ongoing.length > 0 && (
          <Space wrap data-testid="dashboard-network-ongoing">
            {ongoing.map((i) => {
              const s = incidentState(i, now);
              return (
                <Tag key={i.id} color={s.powerCut?.met === false || s.major ? 'red' : 'orange'}>
                  {t(`network.causes.${i.cause}`)} {t('network.ongoing')} {i.scope}
                </Tag>
              );
            })}
          </Space>
        )}
      </Space>
    </Card>
  );
}
