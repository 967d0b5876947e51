// The dashboard's website card: this week's updates (Monday–Sunday, China time) against two.
// Test ids: dashboard-website (data-count, data-met).
import { Button, Card, Statistic } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentWeek, WEBSITE_UPDATES_PER_WEEK } from '../../../shared/culture/website';
import { dayStart, mondayOf } from '../../../shared/time/china';
import { useLedger } from '../../app/ledger';
import { useUiStore } from '../../store/ui';
import { useChinaToday, useUpdatesSince } from './data';

export function WebsiteWeekCard() {
  const { t } = useTranslation();
  const { db } = useLedger();
  const navigate = useUiStore((s) => s.navigate);
  const today = useChinaToday();
  const since = useMemo(() => dayStart(mondayOf(today)).toISOString(), [today]);
  const updates = useUpdatesSince(db, since);
  if (!updates) return null;
  const week = currentWeek(updates, today);
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="dashboard-website"
      data-count={week.count}
      data-met={week.met}
      extra={
        <Button size="small" onClick={() => navigate('culture', 'website')}>
          {t('culture.website.open')}
        </Button>
      }
    >
      <Statistic
        title={t('culture.website.thisWeek', { monday: week.monday, sunday: week.sunday })}
        value={t('culture.website.ofNeeded', { count: week.count, needed: WEBSITE_UPDATES_PER_WEEK })}
        styles={{ content: week.met ? { color: '#3f8600' } : {} }}
      />
    </Card>
  );
}
