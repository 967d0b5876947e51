import { describe, expect, it } from 'vitest';
import type { Device } from '../schemas';
import { computersByPerson, computerTagsText, nameForNewUser } from './person-computers';

const at = '2026-01-01T00:00:00.000Z';
function device(id: string, fields: Partial<Device>): Device {
  return {
    id,
    assetTag: id.toUpperCase(),
    type: 'computer',
    userPersonId: null,
    status: 'in-use',
    createdAt: at,
    deletedAt: null,
    ...fields,
  } as Device;
}

describe("a person's computers, from the device register", () => {
  it('are the computers whose user is the person, in tag order', () => {
    const byPerson = computersByPerson([
      device('pc-10', { userPersonId: 'zhang' }),
      device('pc-2', { userPersonId: 'zhang' }),
      device('pc-3', { userPersonId: 'li' }),
    ]);
    expect(computerTagsText(byPerson, 'zhang')).toBe('PC-2、PC-10');
    expect(computerTagsText(byPerson, 'li')).toBe('PC-3');
    expect(computerTagsText(byPerson, 'wang')).toBe('');
  });

  it('follow a handover: the new user has the computer, the old one no longer does', () => {
    const before = device('pc-1', { userPersonId: 'lu' });
    const after = { ...before, userPersonId: 'fang' };
    expect(computerTagsText(computersByPerson([before]), 'lu')).toBe('PC-1');
    expect(computerTagsText(computersByPerson([after]), 'fang')).toBe('PC-1');
    expect(computerTagsText(computersByPerson([after]), 'lu')).toBe('');
  });

  it('leave out printers (they follow a computer), retired, deleted and half-delivered computers', () => {
    const byPerson = computersByPerson([
      device('pr-1', { type: 'printer', userPersonId: 'zhang' }),
      device('pc-old', { userPersonId: 'zhang', status: 'retired' }),
      device('pc-gone', { userPersonId: 'zhang', deletedAt: at }),
      device('pc-half', { userPersonId: 'zhang', createdAt: '' }),
      device('pc-repair', { userPersonId: 'zhang', status: 'in-repair' }),
    ]);
    expect(computerTagsText(byPerson, 'zhang')).toBe('PC-REPAIR');
  });
});

describe('the name a handed-over computer is offered', () => {
  it("says the new user's name where the old one said whose it was", () => {
    expect(nameForNewUser('卢敏琪的电脑', '卢敏琪', '方廷杰')).toBe('方廷杰的电脑');
  });
  it('is kept when it does not name the old user, or nobody new takes it', () => {
    expect(nameForNewUser('财务部台式机', '卢敏琪', '方廷杰')).toBe('财务部台式机');
    expect(nameForNewUser('卢敏琪的电脑', '卢敏琪', undefined)).toBe('卢敏琪的电脑');
    expect(nameForNewUser('', undefined, '方廷杰')).toBe('');
  });
});
