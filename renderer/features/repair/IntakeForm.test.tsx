// @vitest-environment jsdom
// Walk-up logging in a DOM: the fault category follows the device until the user picks one, one
// Tab goes from 报修人 to the asset tag, saving without a requester says 必填 (never a raw key),
// and the success dialog offers printing the card it just logged.
import 'fake-indexeddb/auto';
import { App } from 'antd';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  byTestId,
  cleanup,
  renderWithLedger,
  scanInto,
  stubBrowserLayout,
  waitFor,
} from '../../components/test-support';
import '../../i18n';
import { buildDirectory } from '../../directory/directory';
import { repairLedger } from './data/test-support';
import { IntakeForm } from './IntakeForm';

beforeAll(stubBrowserLayout);
afterEach(async () => {
  // Let the form's last focus move (react-hook-form focuses on a timer) land before unmounting.
  await act(() => new Promise((r) => setTimeout(r, 50)));
  cleanup();
});

async function openIntake() {
  const l = await repairLedger();
  const directory = buildDirectory(await l.repo.list('people'), await l.repo.list('departments'));
  const list = await l.repo.list('devices');
  renderWithLedger(
    l.db,
    <App>
      <IntakeForm
        directory={directory}
        devices={{ list, byId: new Map(list.map((d) => [d.id, d])) }}
        onClose={() => {}}
        onOpenCard={() => {}}
      />
    </App>,
  );
  await waitFor(() => byTestId('intake-form'), 'the intake form');
  return l;
}

const fault = () => byTestId('intake-fault')!.textContent;
const tagInput = () => byTestId('intake-tag') as HTMLInputElement;

/** The elements Tab stops on, in order (no layout in jsdom: document order and tabIndex). */
function tabStops(root: HTMLElement): HTMLElement[] {
  return [
    ...root.querySelectorAll<HTMLElement>('input, button, select, textarea, a[href], [tabindex]'),
  ].filter(
    (el) =>
      el.tabIndex >= 0 && !(el as HTMLInputElement).disabled && el.getAttribute('aria-hidden') !== 'true',
  );
}

async function chooseRequester(name: string) {
  const input = byTestId('intake-requester')!.querySelector('input')!;
  act(() => {
    input.focus();
    Reflect.set(HTMLInputElement.prototype, 'value', name, input);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const option = await waitFor(
    () =>
      [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((o) =>
        o.textContent?.includes(name),
      ),
    `the option ${name}`,
  );
  act(() => option.click());
}

describe('walk-up logging', { timeout: 120_000 }, () => {
  it('starts a printer’s card as 打印机故障, a computer’s as 硬件故障', async () => {
    await openIntake();
    expect(fault()).toContain('硬件故障');
    scanInto(tagInput(), 'PR-0007');
    await waitFor(() => byTestId('intake-tag-found'), 'the printer found');
    expect(fault()).toContain('打印机故障');
    scanInto(tagInput(), 'PC-0153');
    await waitFor(() => byTestId('intake-tag-found')?.textContent?.includes('PC-0153'), 'the computer found');
    expect(fault()).toContain('硬件故障');
  });

  it('keeps the fault category the user picked when a device is scanned after', async () => {
    await openIntake();
    const select = byTestId('intake-fault')!;
    act(() => {
      select.querySelector('input')!.focus();
      select.querySelector('input')!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    });
    const network = await waitFor(
      () =>
        [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find(
          (o) => o.textContent === '网络故障',
        ),
      'the fault options',
    );
    act(() => network.click());
    expect(fault()).toContain('网络故障');
    scanInto(tagInput(), 'PR-0007');
    await waitFor(() => byTestId('intake-tag-found'), 'the printer found');
    expect(fault()).toContain('网络故障');
  });

  it('goes from 报修人 to the asset tag with one Tab, even once a requester is chosen', async () => {
    await openIntake();
    await chooseRequester('张伟');
    expect(byTestId('intake-requester')!.textContent).toContain('张伟');
    const stops = tabStops(byTestId('intake-form')!);
    const requester = byTestId('intake-requester')!.querySelector('input')!;
    expect(stops[stops.indexOf(requester) + 1]).toBe(tagInput());
    // The clear "×" is still there for the mouse.
    expect(byTestId('intake-requester')!.closest('.ant-select, [class*="ant-select"]')).not.toBeNull();
  });

  it('says 必填 under 报修人 when saved without one, and prints from the success dialog', async () => {
    const l = await openIntake();
    const description = byTestId('intake-description') as HTMLTextAreaElement;
    act(() => {
      Reflect.set(HTMLTextAreaElement.prototype, 'value', '卡纸', description);
      description.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => Promise.resolve(byTestId('intake-submit')!.click()));
    const error = await waitFor(() => byTestId('error-requesterId'), 'the requester error');
    expect(error.textContent).toBe('必填');

    await chooseRequester('张伟');
    await act(() => Promise.resolve(byTestId('intake-submit')!.click()));
    await waitFor(() => byTestId('intake-saved'), 'the success dialog');
    expect(await l.db.repairCards.count()).toBe(1);
    const print = byTestId('intake-print')!;
    expect(print.textContent).toContain('打印维修卡');
    act(() => print.click());
    await waitFor(() => byTestId('print-go'), 'the print dialog');
    expect(byTestId('print-paper-a4')).not.toBeNull();
  });
});
