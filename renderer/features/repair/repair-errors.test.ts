import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import i18next from '../../i18n';
import { RepositoryError } from '../../db/repository';
import { logRepairCard, recordRepairEvent, RepairDataError } from './data';
import { HOUR, rejection, repairLedger } from './data/test-support';
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
    const badTime = repairErrorText(
      new RepairDataError('bad-time', 'before receipt', 'at', {
        rule: 'before-received',
        limit: '2026-03-02T08:00:00.000Z',
      }),
    );
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

describe('each time rule has its own message, naming the field', () => {
  // Times are shown in the PC's zone; pin it so the expected texts hold anywhere.
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Asia/Shanghai';
  });
  afterAll(() => {
    process.env.TZ = zone;
  });

  async function refusals() {
    const l = await repairLedger(); // now = 2026-03-02 16:00 in Shanghai
    const walkUp = { requesterName: '张伟', faultCategory: 'hardware', description: '黑屏' } as const;
    const future = await rejection(
      logRepairCard(l.ctx, { ...walkUp, receivedAt: '2026-03-02T09:00:00.000Z' }),
    );
    const card = await logRepairCard(l.ctx, walkUp);
    const beforeReceived = await rejection(
      recordRepairEvent(l.ctx, card.id, { type: 'started', at: '2026-03-02T07:00:00.000Z' }),
    );
    l.clock.advance(2 * HOUR);
    await recordRepairEvent(l.ctx, card.id, { type: 'started' });
    const beforeLastStep = await rejection(
      recordRepairEvent(l.ctx, card.id, { type: 'repaired', at: '2026-03-02T09:00:00.000Z' }),
    );
    const futureStep = await rejection(
      recordRepairEvent(l.ctx, card.id, { type: 'repaired', at: '2026-03-02T11:00:00.000Z' }),
    );
    return { future, beforeReceived, beforeLastStep, futureStep };
  }

  it('in Chinese: a future 接卡时间 is not "earlier than 接卡时间"', async () => {
    await i18next.changeLanguage('zh-CN');
    const r = await refusals();
    expect(repairErrorText(r.future)).toEqual({ field: 'receivedAt', message: '接卡时间不能是将来的时间' });
    expect(repairErrorText(r.beforeReceived).message).toBe('时间不能早于接卡时间（2026-03-02 16:00）');
    expect(repairErrorText(r.beforeLastStep).message).toBe('时间不能早于上一步的时间（2026-03-02 18:00）');
    expect(repairErrorText(r.futureStep).message).toBe('时间不能是将来的时间');
  });

  it('in English', async () => {
    await i18next.changeLanguage('en');
    const r = await refusals();
    expect(repairErrorText(r.future).message).toBe('Received at may not be in the future');
    expect(repairErrorText(r.beforeLastStep).message).toBe(
      'Time may not be before the card’s last step (2026-03-02 18:00)',
    );
    await i18next.changeLanguage('zh-CN');
  });
});
