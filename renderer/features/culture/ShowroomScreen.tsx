// The showroom display (展厅显示): today's quote large, the company name and the Chinese date, and
// nothing to click. It opens as its own page (#/showroom) without the app's menu or header: a
// second Electron window on the showroom monitor, or a kiosk browser in browser mode. It reads the
// local ledger only (no sync, no main-process call), turns to the next day's quote by itself at
// midnight China time, and keeps the last quote it showed in this window's storage, so a ledger
// that cannot be read for a moment (or a network that is gone) never blanks the screen.
// Test ids: showroom, showroom-quote, showroom-source, showroom-company, showroom-date.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chineseDate, showroomQuote, type ShowroomQuote } from '../../../shared/culture/showroom';
import type { NetdeskDb } from '../../db/schema';
import { readShowroom, useChinaToday } from './data';

const KEPT_KEY = 'netdesk.showroom.last';

interface Shown {
  quote: ShowroomQuote | null;
  company: string;
}

function readKept(): Shown | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEPT_KEY);
    return raw ? (JSON.parse(raw) as Shown) : null;
  } catch {
    return null;
  }
}

function keep(shown: Shown): void {
  try {
    globalThis.localStorage?.setItem(KEPT_KEY, JSON.stringify(shown));
  } catch {
    // Storage refused: the display still shows the quote, it just cannot survive a reload.
  }
}

export function ShowroomScreen({ db }: { db: NetdeskDb | null }) {
  const { t } = useTranslation();
  const today = useChinaToday();
  const [kept] = useState(readKept);
  const read = useLiveQuery(async () => {
    if (!db) return undefined;
    try {
      const { quotes, schedule, companyName } = await readShowroom(db);
      return { quote: showroomQuote(schedule, quotes, today), company: companyName } satisfies Shown;
    } catch {
      return undefined;
    }
  }, [db, today]);
  useEffect(() => {
    if (read) keep(read);
  }, [read]);
  const shown = read ?? kept;

  return (
    <div
      data-testid="showroom"
      style={{
        position: 'fixed',
        inset: 0,
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '5vh 6vw',
        background: 'linear-gradient(160deg, #7a1212 0%, #a8201a 60%, #c0392b 100%)',
        color: '#fff8e7',
        cursor: 'none',
        userSelect: 'none',
        fontFamily: '"Noto Serif SC", "Noto Sans SC", "Microsoft YaHei", serif',
      }}
    >
      <div data-testid="showroom-company" style={{ fontSize: '4vh', letterSpacing: '0.3em' }}>
        {shown?.company ?? ''}
      </div>
      <div style={{ textAlign: 'center' }}>
        <div style={{ fontSize: '3vh', opacity: 0.8, letterSpacing: '0.5em', marginBottom: '4vh' }}>
          {t('culture.showroom.heading')}
        </div>
        <div data-testid="showroom-quote" style={{ fontSize: '8vh', lineHeight: 1.5, fontWeight: 600 }}>
          {shown?.quote?.text ?? t('culture.showroom.none')}
        </div>
        {shown?.quote?.source ? (
          <div data-testid="showroom-source" style={{ fontSize: '3.5vh', marginTop: '3vh', opacity: 0.85 }}>
            —— {shown.quote.source}
          </div>
        ) : null}
      </div>
      <div data-testid="showroom-date" style={{ fontSize: '4vh', textAlign: 'right' }}>
        {chineseDate(today)}
      </div>
    </div>
  );
}
