import { describe, expect, it } from 'vitest';
import i18next from '../../i18n';
import { RepositoryError } from '../../db/repository';
import { RepairDataError } from './data';
import { repairErrorText } from './repair-errors';

describe('repair errors in the UI language', () => {
  it('names the refused rule and its field, in Chinese and in English', async () => {
    await i18next.changeLanguage('zh-CN');
    const tag = new RepairDataError('unknown-asset-tag', 'no device has asset tag "X"', 'deviceTag');
    expect(repairErrorText(tag).field).toBe('deviceTag');
    expect(repairErrorText(tag).message).toContain('资产编号');
    expect(repairErrorText(new RepairDataError('not-allowed', 'approved on received')).message).toContain(
      '批准',
    );
    await i18next.changeLanguage('en');
    expect(repairErrorText(tag).message).toContain('asset tag');
    const badTime = repairErrorText(new RepairDataError('bad-time', 'before receipt', 'at'));
    expect(badTime.field).toBe('at');
    expect(badTime.message).toContain('before the card was received');
    await i18next.changeLanguage('zh-CN');
  });

  it('says which field is too long when the repository refuses a 5,000-character description', async () => {
    await i18next.changeLanguage('zh-CN');
    const err = new RepositoryError('invalid', 'repairCards: description too long', {
      table: 'repairCards',
      issues: [{ path: 'description', message: 'Too big: expected string to have <=2000 characters' }],
    });
    expect(repairErrorText(err)).toEqual({ field: 'description', message: '故障描述：内容太长' });
  });

  it('shows a duplicate pre-printed number under the card-number field', async () => {
    await i18next.changeLanguage('zh-CN');
    const err = new RepositoryError('duplicate', 'cardNo taken', { table: 'repairCards', field: 'cardNo' });
    expect(repairErrorText(err)).toEqual({ field: 'cardNo', message: '这个卡号已被其他维修卡使用' });
  });
});
