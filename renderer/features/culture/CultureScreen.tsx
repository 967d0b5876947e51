// 网站与文化 — the daily quote (每日一言): its library, its schedule of working days ahead, the
// history of what the showroom showed, and the website updates with their weekly tracker. Each
// tab is addressable (#/culture, #/culture/schedule, #/culture/history, #/culture/website) so a
// link or a test can open it directly.
// Test ids: culture-screen, tab-quotes, tab-schedule, tab-history, tab-website; the tabs' own ids
// are listed in their files.
import { Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLedger } from '../../app/ledger';
import { useUiStore } from '../../store/ui';
import { useChinaToday, useCultureLedger } from './data';
import { QuoteHistoryTab } from './QuoteHistoryTab';
import { QuoteLibraryTab } from './QuoteLibraryTab';
import { ScheduleTab } from './ScheduleTab';
import { WebsiteTab } from './WebsiteTab';

const TABS = ['quotes', 'schedule', 'history', 'website'] as const;

export function CultureScreen() {
  const { t } = useTranslation();
  const { db } = useLedger();
  const sub = useUiStore((s) => s.sub);
  const navigate = useUiStore((s) => s.navigate);
  const ledger = useCultureLedger(db);
  const today = useChinaToday();
  // #/culture/history/<day> opens the history at that day, #/culture/website/<day> the website
  // updates at that day's week (KPI exceptions link here).
  const [tabPart = '', day] = sub.split('/');
  const tab = (TABS as readonly string[]).includes(tabPart) ? tabPart : 'quotes';

  return (
    <div data-testid="culture-screen">
      <Typography.Title level={3}>{t('culture.title')}</Typography.Title>
      {ledger === undefined ? (
        <Spin />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate('culture', key === 'quotes' ? '' : key)}
          items={TABS.map((key) => ({
            key,
            label: <span data-testid={`tab-${key}`}>{t(`culture.tabs.${key}`)}</span>,
            children:
              key === 'quotes' ? (
                <QuoteLibraryTab ledger={ledger} today={today} />
              ) : key === 'schedule' ? (
                <ScheduleTab ledger={ledger} today={today} />
              ) : key === 'history' ? (
                <QuoteHistoryTab ledger={ledger} today={today} day={day} />
              ) : (
                <WebsiteTab today={today} week={tab === 'website' ? day : undefined} />
              ),
          }))}
        />
      )}
    </div>
  );
}
