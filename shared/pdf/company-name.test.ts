// The company name on every printed form's header is the ledger's current one: when two PCs each
// saved a name before they synced, the newest live record prints on every form, never whichever
// record happens to come first, and a deleted one never prints.
import { describe, expect, it } from 'vitest';
import type { LedgerBackup } from '../backup';
import { buildDemoLedger } from '../demo';
import { pdfForms } from './forms';

const now = new Date('2026-11-27T06:00:00Z');
const demo = buildDemoLedger({ now });
const [original] = demo.tables.ledgerSettings!.filter((s) => s.key === 'companyName');

/** The demo ledger after another PC renamed the company, and a third saved a name then deleted it. */
function renamed(): LedgerBackup {
  const base = original!;
  const later = (minutes: number) => new Date(Date.parse(base.updatedAt) + minutes * 60_000).toISOString();
  return {
    ...demo,
    tables: {
      ...demo.tables,
      ledgerSettings: [
        ...demo.tables.ledgerSettings!,
        { ...base, id: 'setting-pc-b', value: '华东新材料集团', createdAt: later(5), updatedAt: later(5) },
        {
          ...base,
          id: 'setting-pc-c',
          value: '已删除的名称',
          createdAt: later(9),
          updatedAt: later(9),
          deletedAt: later(10),
        },
      ],
    },
  };
}

describe('company name on printed forms', () => {
  const backup = renamed();
  const cases: [string, string | undefined][] = [
    ['directory', undefined],
    ['blank-cards', undefined],
    ['card', demo.tables.repairCards![0]!.id],
    ['evaluation', demo.tables.purchaseEvaluations![0]!.id],
  ];

  it.each(cases)('%s prints the newest live name', (form, id) => {
    expect(typeof original?.value).toBe('string');
    expect(pdfForms[form]!.collectText(demo, id)).toContain(original!.value as string);
    const text = pdfForms[form]!.collectText(backup, id);
    expect(text).toContain('华东新材料集团');
    expect(text).not.toContain(original!.value as string);
    expect(text).not.toContain('已删除的名称');
  });
});
