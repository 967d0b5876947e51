// @vitest-environment jsdom
// A form's refusable save as the user sees it: the button greys while the write runs, a refusal
// the feature knows lists its own reasons, any other error is worded by the common rule, and a
// save that goes through clears the reasons of the last refusal.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import '../i18n';
import { byTestId, cleanup, render, stubBrowserLayout } from './test-support';
import { RefusedAlert, useRefusableSave } from './useRefusableSave';

afterEach(cleanup);
stubBrowserLayout();

class Refused extends Error {}
const explain = (err: unknown) =>
  err instanceof Refused ? ['结束时间不能早于开始时间。', '请填写范围。'] : null;

let writes: (() => Promise<unknown>)[] = [];
const results: boolean[] = [];

function Form() {
  const { refused, saving, save } = useRefusableSave(explain);
  return (
    <div>
      <button
        data-testid="save"
        disabled={saving}
        onClick={() => void save(writes.shift()!).then((ok) => results.push(ok))}
      />
      <RefusedAlert refused={refused} testId="refused" />
    </div>
  );
}

const button = () => byTestId('save')!;
const click = () =>
  act(() => {
    button().click();
  });
const settle = () => act(() => Promise.resolve());
const refusedText = () => document.querySelector('[data-testid="refused"]')?.textContent ?? null;

describe('useRefusableSave', () => {
  it('greys the button while saving and lists a known refusal’s reasons', async () => {
    let release!: () => void;
    writes = [() => new Promise<void>((_, reject) => (release = () => reject(new Refused('no'))))];
    render(<Form />);
    click();
    expect(button().hasAttribute('disabled')).toBe(true);
    release();
    await settle();
    expect(button().hasAttribute('disabled')).toBe(false);
    expect(results.pop()).toBe(false);
    expect(refusedText()).toContain('结束时间不能早于开始时间。');
    expect(refusedText()).toContain('请填写范围。');
  });

  it('words an unknown error by the common rule and clears the reasons after a save that goes through', async () => {
    writes = [() => Promise.reject(new Error('disk full')), () => Promise.resolve()];
    render(<Form />);
    click();
    await settle();
    expect(results.pop()).toBe(false);
    expect(refusedText()).toBeTruthy();
    click();
    await settle();
    expect(results.pop()).toBe(true);
    expect(refusedText()).toBeNull();
  });
});
