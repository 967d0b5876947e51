// The dashboard's warning about the daily quote: working days in the next two weeks with no quote
// scheduled — red when the unused quotes cannot cover them either (the supervisor must add some),
// a quiet note when filling the schedule is all it takes. Nothing shows when the two weeks are set.
// Test ids: quote-gap (data-kind: uncovered | unscheduled), quote-gap-open.
import { Alert, Button } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { upcomingGaps } from '../../../shared/culture/schedule';
import { useLedger } from '../../app/ledger';
import { useUiStore } from '../../store/ui';
import { useChinaToday, useCultureLedger } from './data';

export function QuoteGapCard() {
  const { t } = useTranslation();
  const { db } = useLedger();
  const navigate = useUiStore((s) => s.navigate);
  const ledger = useCultureLedger(db);
  const today = useChinaToday();
  const gaps = useMemo(
    () =>
      ledger &&
      upcomingGaps({ today, quotes: ledger.quotes, entries: ledger.schedule, restDays: ledger.restDays }),
    [ledger, today],
  );
  if (!gaps || gaps.unscheduled.length === 0) return null;
  const uncovered = gaps.uncovered.length > 0;
  return (
    <Alert
      style={{ marginBottom: 16 }}
      data-testid="quote-gap"
      data-kind={uncovered ? 'uncovered' : 'unscheduled'}
      type={uncovered ? 'error' : 'warning'}
      showIcon
      title={
        uncovered
          ? t('culture.gap.title', { count: gaps.uncovered.length })
          : t('culture.gap.unscheduled', { count: gaps.unscheduled.length, first: gaps.unscheduled[0] })
      }
      description={uncovered ? t('culture.gap.body', { first: gaps.uncovered[0] }) : undefined}
      action={
        <Button size="small" data-testid="quote-gap-open" onClick={() => navigate('culture', 'schedule')}>
          {t('culture.gap.open')}
        </Button>
      }
    />
  );
}
