// The quote library's kept copy against a real (in-memory) ledger: a save checks against quotes
// written after the copy was made (locally or by a merge through the same pipeline), a write rolled
// back leaves no trace in it, and without its hook the table is read every time.
import { afterEach, describe, expect, it } from 'vitest';
import { commitScope, registerCommitHook } from '../../db/commit';
import { createRepository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb, manualClock } from '../../db/test-support';
import { normalizeQuote } from '../../../shared/culture/quotes';
import { QuoteRefused, saveQuote } from './data';
import { quoteLibrary, quoteLibraryHook } from './library-cache';

let db: NetdeskDb | undefined;
let unregister: (() => void) | undefined;
afterEach(() => {
  unregister?.();
  unregister = undefined;
  db?.close();
});

const quote = (text: string) => ({
  text,
  source: '',
  tags: [],
  retired: false,
  normalized: normalizeQuote(text),
});

async function ledger(withHook: boolean) {
  if (withHook) unregister = registerCommitHook(quoteLibraryHook);
  db = await freshDb();
  return { db, repo: createRepository(db, { now: manualClock().now }) };
}

describe('the quote library kept for the check on save', () => {
  it('refuses a repeat of a quote written after the copy was made, and forgets a rolled-back write', async () => {
    const { db, repo } = await ledger(true);
    await saveQuote(db, repo, { text: '天道酬勤。', source: '', tags: [] });
    expect((await quoteLibrary(db)).map((q) => q.text)).toEqual(['天道酬勤。']);
    // Written past saveQuote (as an import or a merge writes): the kept copy follows it.
    await repo.create('quotes', quote('厚德载物'));
    await expect(saveQuote(db, repo, { text: '厚德載物！', source: '', tags: [] })).rejects.toBeInstanceOf(
      QuoteRefused,
    );
    // A write whose transaction fails is not in the ledger, so not in the copy either.
    await expect(
      db.transaction('rw', commitScope(db, ['quotes']), async () => {
        await repo.create('quotes', quote('自强不息'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await quoteLibrary(db)).map((q) => q.text)).toEqual(['天道酬勤。', '厚德载物']);
    await expect(saveQuote(db, repo, { text: '自强不息', source: '', tags: [] })).resolves.toHaveProperty(
      'saved',
    );
    // A deleted quote leaves the library.
    const [first] = await quoteLibrary(db);
    await repo.remove('quotes', first!.id);
    expect((await quoteLibrary(db)).map((q) => q.text)).toEqual(['厚德载物', '自强不息']);
  });

  it('reads the table every time when its hook is not registered', async () => {
    const { db, repo } = await ledger(false);
    expect(await quoteLibrary(db)).toEqual([]);
    await repo.create('quotes', quote('知行合一'));
    expect((await quoteLibrary(db)).map((q) => q.text)).toEqual(['知行合一']);
  });
});
