// How the conflicts list names a record and a field: what the supervisor reads instead of table
// and field keys, in both UI languages, for every field that can be in conflict.
import { describe, expect, it } from 'vitest';
import { LEDGER_TABLES } from '../../../shared/schemas';
import { textFields } from '../../../shared/sync/apply';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { conflictFieldKeys, conflictRecordName, formatByteProgress, isSecretField } from './format';

function lookup(dict: object, key: string): string | undefined {
  const found = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], dict);
  return typeof found === 'string' ? found : undefined;
}

/** What i18next shows for a list of keys: the first that exists. */
const label = (dict: object, keys: string[]) => keys.map((k) => lookup(dict, k)).find((v) => v !== undefined);

describe('conflict record names', () => {
  it('names a card by its number, a person by name and employee number, a device by its tag', () => {
    expect(conflictRecordName('repairCards', { cardNo: 'WX-2026-A-0007', description: '黑屏' })).toBe(
      'WX-2026-A-0007',
    );
    expect(conflictRecordName('people', { name: '赵敏', employeeNo: 'NT-7001' })).toBe('赵敏（NT-7001）');
    expect(conflictRecordName('devices', { assetTag: 'PC-CW-02', name: '财务部台式机' })).toBe(
      'PC-CW-02 · 财务部台式机',
    );
  });

  it('names a repair step by its card and a handover by its device', () => {
    expect(conflictRecordName('repairEvents', { cardId: 'c1', note: '' }, { cardNo: 'WX-2026-B-0002' })).toBe(
      'WX-2026-B-0002',
    );
    expect(conflictRecordName('deviceHandovers', { deviceId: 'd1' }, { assetTag: 'SW-01' })).toBe('SW-01');
  });

  it('says nothing (the screen then shows the id) for a record not on this PC', () => {
    expect(conflictRecordName('repairCards', undefined)).toBeNull();
    expect(conflictRecordName('repairEvents', { cardId: 'gone' }, undefined)).toBeNull();
  });
});

describe('conflict field labels', () => {
  it('label every table and every text field that can be in conflict, in both languages', () => {
    const missing: string[] = [];
    for (const table of LEDGER_TABLES) {
      for (const [lang, dict] of [
        ['zh-CN', zhCN],
        ['en', en],
      ] as const) {
        if (!lookup(dict, `sync.tables.${table}`)) missing.push(`${lang} table ${table}`);
        for (const field of textFields(table))
          if (!label(dict, conflictFieldKeys(table, field))) missing.push(`${lang} ${table}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('uses the meaning of the field in its table', () => {
    expect(label(zhCN, conflictFieldKeys('repairCards', 'diagnosis'))).toBe('故障诊断');
    expect(label(zhCN, conflictFieldKeys('people', 'name'))).toBe('姓名');
    expect(label(zhCN, conflictFieldKeys('devices', 'name'))).toBe('名称');
    expect(label(en, conflictFieldKeys('websiteUpdates', 'title'))).toBe('Title');
    expect(label(en, conflictFieldKeys('people', 'title'))).toBe('Job title');
  });

  it('keeps device passwords out of the list', () => {
    expect(isSecretField('devices', 'secret')).toBe(true);
    expect(isSecretField('devices', 'note')).toBe(false);
  });
});

describe('catching-up progress in bytes', () => {
  it('reads "12.3 / 40.1 MB" in both languages, both sides in the unit of the whole', async () => {
    const i18next = (await import('../../i18n')).default;
    const shown = formatByteProgress(12.3 * 1024 * 1024, 40.1 * 1024 * 1024);
    expect(shown).toEqual({ done: '12.3', total: '40.1 MB' });
    await i18next.changeLanguage('zh-CN');
    expect(i18next.t('sync.progress', shown)).toBe('正在追上其他电脑：已读 12.3 / 40.1 MB');
    await i18next.changeLanguage('en');
    expect(i18next.t('sync.progress', shown)).toBe('Catching up with the other PCs: 12.3 / 40.1 MB read');
    await i18next.changeLanguage('zh-CN');
  });

  it('counts a small catch-up in KB, where MB would read 0.0 / 0.3', () => {
    expect(formatByteProgress(0, 300 * 1024)).toEqual({ done: '0', total: '300 KB' });
    expect(formatByteProgress(150 * 1024, 300 * 1024)).toEqual({ done: '150', total: '300 KB' });
  });
});
