// @vitest-environment jsdom
// The card drawer as the supervisor uses it: buttons named by what they do, the step the workflow
// expects next highlighted, a wrong scan removed after a confirmation and kept in the history.
// Dexie's live queries need a global IndexedDB even for a ledger on a factory of its own.
import 'fake-indexeddb/auto';
import { App } from 'antd';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  byTestId,
  cleanup,
  renderWithLedger,
  stubBrowserLayout,
  waitFor,
} from '../../components/test-support';
import '../../i18n';
import { buildDirectory } from '../people/directory';
import { CardDetail } from './CardDetail';
import { logRepairCard, recordRepairEvent } from './data';
import { repairLedger } from './data/test-support';

beforeAll(stubBrowserLayout);
afterEach(cleanup);

async function openCard(steps: Parameters<typeof recordRepairEvent>[2][] = []) {
  const l = await repairLedger();
  const card = await logRepairCard(l.ctx, {
    requesterId: l.people.zhang.id,
    deviceId: l.devices.pc153.id,
    faultCategory: 'hardware',
    description: '开机黑屏',
  });
  for (const step of steps) {
    l.clock.advance(60_000);
    await recordRepairEvent(l.ctx, card.id, step);
  }
  const directory = buildDirectory(await l.repo.list('people'), await l.repo.list('departments'));
  renderWithLedger(
    l.db,
    <App>
      <CardDetail cardId={card.id} directory={directory} onClose={() => {}} />
    </App>,
  );
  await waitFor(() => byTestId('card-detail'), 'the card');
  return { ...l, card };
}

const highlighted = () =>
  [...document.querySelectorAll('[data-testid^="action-"].ant-btn-primary')].map((b) =>
    b.getAttribute('data-testid'),
  );

describe('the card drawer', { timeout: 120_000 }, () => {
  it('names its two closing buttons by what they do: close the window, close the case', async () => {
    await openCard([{ type: 'started' }, { type: 'repaired' }, { type: 'signed-off' }]);
    // antd spaces out a two-character label (结 案); the user reads the characters.
    const windowButton = byTestId('card-detail-close')!.textContent.replace(/\s/g, '');
    const caseButton = byTestId('action-closed')!.textContent.replace(/\s/g, '');
    expect(windowButton).toBe('关闭窗口');
    expect(caseButton).toBe('结案');
  });

  it('highlights 修好 after 配件到货, not another 订配件', async () => {
    await openCard([
      { type: 'started' },
      { type: 'part-ordered', partName: '电源' },
      { type: 'part-arrived', partName: '电源' },
    ]);
    expect(highlighted()).toEqual(['action-repaired']);
    // The expected step comes first.
    expect(byTestId('card-actions')!.querySelector('button')!.getAttribute('data-testid')).toBe(
      'action-repaired',
    );
  });

  it('highlights 配件到货 while waiting for the part', async () => {
    await openCard([{ type: 'started' }, { type: 'part-ordered', partName: '电源' }]);
    expect(highlighted()).toEqual(['action-part-arrived']);
  });

  it('prints the open card on Ctrl+P', async () => {
    await openCard();
    expect(byTestId('print-go')).toBeNull();
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', ctrlKey: true, bubbles: true }));
    });
    await waitFor(() => byTestId('print-go'), 'the print dialog');
  });

  it('highlights nothing on a refused card waiting for the leaders', async () => {
    await openCard([{ type: 'refused', refusalCause: 'games', reason: '装了游戏' }]);
    expect(highlighted()).toEqual([]);
  });
});
