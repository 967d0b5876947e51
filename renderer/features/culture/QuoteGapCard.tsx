// The dashboard's warning about the daily quote: working days in the next two weeks with no quote
// scheduled — red when the unused quotes cannot cover them either (the supervisor must add some),
// a quiet note when filling the schedule is all it takes. Nothing shows when the two weeks are set,
// unless they reach into a year whose official holidays NetDesk's calendar does not have yet: those
// days are planned as Monday–Friday working days, and the supervisor is told so.
// Test ids: quote-gap (data-kind: uncovered | unscheduled), quote-gap-open, quote-calendar-unknown
// (data-years).
import { Alert, Button } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { yearsWithoutOfficialCalendar } from '../../../shared/calendar/workdays';
import { GAP_WARNING_DAYS, upcomingGaps } from '../../../shared/culture/schedule';
import { addDays } from '../../../shared/time/china';
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
  const unofficialYears = yearsWithoutOfficialCalendar(today, addDays(today, GAP_WARNING_DAYS - 1));
  const calendarNote = unofficialYears.length > 0 && (
    <Alert
      style={{ marginBottom: 16 }}
      data-testid="quote-calendar-unknown"
      data-years={unofficialYears.join(',')}
      type="info"
      showIcon
      title={t('culture.calendarUnknown.title', { years: unofficialYears.join('、') })}
      description={t('culture.calendarUnknown.body')}
    />
  );
  if (!gaps || gaps.unscheduled.length === 0) return calendarNote || null;
  const uncovered = gaps.uncovered.length > 0;
  return (
    <>
      {calendarNote}
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
    </>
  );
}
