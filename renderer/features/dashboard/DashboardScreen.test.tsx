// @vitest-environment jsdom
// The dashboard at a cold start: the counts public/warm-ledger.js read while the code loaded are on
// the first frame, before the app's own connection to the ledger is open; once it is, the live
// counts take over and the start-up copy is never shown again.
// Dexie's live queries (the dashboard's live counts) never answer without a global IndexedDB, even
// for a database opened on a factory of its own (observed with fake-indexeddb); give them one.
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LedgerProvider } from '../../app/ledger';
import type { NetdeskDb } from '../../db/schema';
import { reopenDb } from '../../db/test-support';
import {
  byTestId,
  cleanup,
  render,
  stubBrowserLayout,
  testLedger,
  waitFor,
} from '../../components/test-support';
import '../../i18n';
import { DashboardScreen } from './DashboardScreen';

beforeAll(stubBrowserLayout);
afterEach(() => {
  cleanup();
  globalThis.netdeskStart = undefined;
});

/** A ledger that opens when the test says so, as a large one does a second later. */
function openingLater(db: NetdeskDb) {
  let release!: () => void;
  const opened = new Promise<NetdeskDb>((resolve) => (release = () => resolve(db)));
  return {
    open: () => opened,
    release: () =>
      act(async () => {
        release();
        await opened;
      }),
  };
}

const shown = (key: 'people' | 'departments' | 'devices') =>
  byTestId(`dashboard-count-${key}`)?.textContent?.replace(/\D/g, '') ?? '';

/** The dashboard as the window draws it: inside the ledger's provider, opened by `open`. */
const showDashboard = (open: () => Promise<NetdeskDb>) =>
  render(
    <LedgerProvider open={open}>
      <DashboardScreen />
    </LedgerProvider>,
  );

async function ledgerWithOneDepartment() {
  const { db, repo } = await testLedger();
  await repo.create('departments', { name: '信息部' });
  return db;
}

describe('dashboard counts at start', () => {
  it('draws the counts read at start before the ledger is open, then the live ones', async () => {
    const db = await ledgerWithOneDepartment();
    const counts = { people: 7, departments: 3, devices: 12 };
    globalThis.netdeskStart = { counts, done: Promise.resolve(counts) };
    const ledger = openingLater(db);
    showDashboard(ledger.open);
    // The first frame already has them; the cards that read more wait for the ledger.
    expect([shown('people'), shown('departments'), shown('devices')]).toEqual(['7', '3', '12']);
    expect(byTestId('ledger-opening')).not.toBeNull();

    await ledger.release();
    await waitFor(() => shown('departments') === '1' || null, 'the live count of departments');
    expect([shown('people'), shown('devices')]).toEqual(['0', '0']);
    expect(byTestId('dashboard-repairs')).not.toBeNull();
    expect(globalThis.netdeskStart).toBeUndefined();
  });

  it('shows counts that arrive after the first frame', async () => {
    const db = await ledgerWithOneDepartment();
    let arrive!: (counts: unknown) => void;
    globalThis.netdeskStart = { counts: null, done: new Promise((resolve) => (arrive = resolve)) };
    const ledger = openingLater(db);
    showDashboard(ledger.open);
    expect(shown('people')).toBe('');
    expect(byTestId('dashboard-repairs')).toBeNull();
    await act(async () => {
      arrive({ people: 4, departments: 2, devices: 9 });
      await globalThis.netdeskStart?.done;
    });
    expect([shown('people'), shown('departments'), shown('devices')]).toEqual(['4', '2', '9']);
    await ledger.release();
    await waitFor(() => shown('departments') === '1' || null, 'the live count of departments');
  });

  it('ignores a start-up read that is not a set of counts, and waits for the ledger', async () => {
    const db = await ledgerWithOneDepartment();
    const broken = { people: -1, departments: '2', devices: 3.5 };
    globalThis.netdeskStart = { counts: broken, done: Promise.resolve(broken) };
    const ledger = openingLater(db);
    showDashboard(ledger.open);
    await act(async () => {});
    expect(shown('people')).toBe('');
    await ledger.release();
    await waitFor(() => shown('departments') === '1' || null, 'the live count of departments');
  });

  it('says why when the ledger cannot be opened, with or without counts read at start', async () => {
    const counts = { people: 7, departments: 3, devices: 12 };
    for (const start of [undefined, { counts, done: Promise.resolve(counts) }]) {
      globalThis.netdeskStart = start;
      showDashboard(() => Promise.reject(new Error('QuotaExceededError: disk full')));
      const failed = await waitFor(() => byTestId('ledger-failed'), 'the ledger failure');
      expect(failed.textContent).toContain('disk full');
      expect(shown('people')).toBe(start ? '7' : '');
      cleanup();
    }
  });

  it('shows the live counts, not the start-up copy, when the dashboard is opened again', async () => {
    const db = await ledgerWithOneDepartment();
    const counts = { people: 7, departments: 3, devices: 12 };
    globalThis.netdeskStart = { counts, done: Promise.resolve(counts) };
    showDashboard(() => Promise.resolve(db));
    await waitFor(() => shown('departments') === '1' || null, 'the live count of departments');
    // Away and back (the provider closed its connection on the way out): a new connection.
    const again = await reopenDb(db);
    cleanup();
    showDashboard(() => Promise.resolve(again));
    expect(shown('departments')).not.toBe('3');
    await waitFor(() => shown('departments') === '1' || null, 'the live count of departments');
  });
});

describe('the demo data loader', () => {
  it('is offered on an empty ledger and hidden once the ledger holds a record', async () => {
    const { db, repo } = await testLedger();
    showDashboard(() => Promise.resolve(db));
    await waitFor(() => byTestId('load-demo'), 'the demo loader on an empty ledger');
    await act(async () => {
      await repo.create('departments', { name: '信息部' });
    });
    await waitFor(() => (byTestId('load-demo') ? null : true), 'the demo loader gone');
    await waitFor(() => shown('departments') === '1' || null, 'the live count of departments');
  });

  it('is not offered on a ledger that already has records', async () => {
    const db = await ledgerWithOneDepartment();
    showDashboard(() => Promise.resolve(db));
    await waitFor(() => shown('departments') === '1' || null, 'the live count of departments');
    await waitFor(() => byTestId('dashboard-repairs'), 'the cards below the counts');
    await act(() => new Promise((r) => setTimeout(r, 100)));
    expect(byTestId('load-demo')).toBeNull();
  });
});
