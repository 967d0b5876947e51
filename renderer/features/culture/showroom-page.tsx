// The showroom display as a page of its own (#/showroom): main.tsx renders this instead of the
// app when the window was opened at that address. No menu, no header, no sync and no call to the
// main process: it only reads the local ledger, so there is nothing on it to edit.
import { StrictMode, useEffect, useState } from 'react';
import type { Root } from 'react-dom/client';
import { openNetdeskDb, type NetdeskDb } from '../../db/schema';

/** The address of the showroom page, after the app's own (index.html#/showroom). */
export const SHOWROOM_HASH = '#/showroom';

export function isShowroomPage(hash: string): boolean {
  return hash === SHOWROOM_HASH || hash.startsWith(`${SHOWROOM_HASH}/`);
}

/** Draw the display; its screen loads apart, so the app's own start never parses it. */
export async function renderShowroom(root: Root): Promise<void> {
  document.title = '每日一言 · NetDesk';
  const { ShowroomScreen } = await import('./ShowroomScreen');
  // A ledger that cannot open leaves the display on the last quote it kept.
  const opening = openNetdeskDb().catch(() => null);
  function ShowroomPage() {
    const [db, setDb] = useState<NetdeskDb | null>(null);
    useEffect(() => {
      void opening.then(setDb);
    }, []);
    return <ShowroomScreen db={db} />;
  }
  root.render(
    <StrictMode>
      <ShowroomPage />
    </StrictMode>,
  );
}
