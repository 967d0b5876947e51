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
import { buildDirectory } from '../../directory/directory';
import { CardDetail } from './CardDetail';
import { attachSignedCard, logRepairCard, recordRepairEvent } from './data';
import { repairLedger } from './data/test-support';

beforeAll(() => {
  stubBrowserLayout();
  // A scan's tile previews the stored file; jsdom's Blob from the in-memory ledger is not Node's.
  URL.createObjectURL = () => 'blob:scan';
  URL.revokeObjectURL = () => {};
});
afterEach(async () => {
  // Let live queries answer before the ledger is closed under them.
  await act(() => new Promise((r) => setTimeout(r, 50)));
  cleanup();
});

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

  it('removes a wrongly uploaded scan after a confirmation, and says so in the history', async () => {
    const l = await openCard();
    await attachSignedCard(l.ctx, l.card.id, {
      bytes: new Uint8Array([0xff, 0xd8, 0xff, 1]),
      name: '工资表.jpg',
      mime: 'image/jpeg',
    });
    const tile = await waitFor(() => byTestId('attachment'), 'the scan');
    act(() => tile.querySelector<HTMLElement>('[data-testid="attachment-remove"]')!.click());
    const confirm = await waitFor(() => byTestId('attachment-remove-confirm'), 'the confirmation');
    expect(document.body.textContent).toContain('从这张卡上删除扫描件 工资表.jpg？');
    // Nothing is removed before the confirmation.
    expect((await l.db.repairCards.get(l.card.id))!.attachmentShas).toHaveLength(1);
    act(() => confirm.click());
    await waitFor(() => (byTestId('attachment') ? null : true), 'the scan gone');
    const line = await waitFor(
      () => document.querySelector('[data-testid="timeline-item"][data-type="scan-removed"]'),
      'the removal in the history',
    );
    expect(line.textContent).toContain('删除扫描件 · 工资表.jpg');
    expect((await l.db.repairCards.get(l.card.id))!.attachmentShas).toEqual([]);
  });

  it('highlights nothing on a refused card waiting for the leaders', async () => {
    await openCard([{ type: 'refused', refusalCause: 'games', reason: '装了游戏' }]);
    expect(highlighted()).toEqual([]);
  });
});
