import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDeviceIndex } from '../../../shared/devices/device-list';
import { createRepository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb, manualClock } from '../../db/test-support';
import {
  buyFromEvaluation,
  DeviceWriteError,
  handOverDevice,
  readDeviceFlags,
  readDeviceHistory,
  saveDevice,
  type DeviceContext,
} from './data';

let ctx: DeviceContext;
let db: NetdeskDb;

beforeEach(async () => {
  db = await freshDb();
  const clock = manualClock('2026-03-02T01:00:00.000Z');
  ctx = { db, repo: createRepository(db, clock), operator: '网管 王工', now: clock.now };
});
afterEach(() => db.close());

async function snapshot() {
  return {
    devices: await db.devices.toArray(),
    handovers: await db.deviceHandovers.toArray(),
    evaluations: await db.purchaseEvaluations.toArray(),
    log: await db.changeLog.count(),
  };
}

async function office() {
  const finance = await ctx.repo.create('departments', { name: '财务部' });
  const sales = await ctx.repo.create('departments', { name: '营销部' });
  const zhang = await ctx.repo.create('people', {
    employeeNo: '1001',
    name: '张伟',
    departmentId: finance.id,
  });
  const li = await ctx.repo.create('people', { employeeNo: '1002', name: '李娜', departmentId: sales.id });
  const pc = await saveDevice(ctx, null, {
    assetTag: 'PC-0101',
    type: 'computer',
    userPersonId: zhang.id,
    departmentId: finance.id,
  });
  const printer = await saveDevice(ctx, null, {
    assetTag: 'PR-0101',
    type: 'printer',
    attachedToDeviceId: pc.id,
  });
  return { finance, sales, zhang, li, pc, printer };
}

async function responsibleNameOf(deviceId: string) {
  const people = await db.people.toArray();
  const index = buildDeviceIndex(
    await db.devices.toArray(),
    new Map(people.map((p) => [p.id, p])),
    new Map(),
  );
  return index.byId.get(deviceId)?.responsibleName;
}

describe('a new printer on a computer', () => {
  it("stands in the computer's department unless another was chosen", async () => {
    const { finance, sales, pc, printer } = await office();
    expect(printer.departmentId).toBe(finance.id);
    const chosen = await saveDevice(ctx, null, {
      assetTag: 'PR-0102',
      type: 'printer',
      attachedToDeviceId: pc.id,
      departmentId: sales.id,
    });
    expect(chosen.departmentId).toBe(sales.id);
    // An edit keeps what the card says: emptying the department is the supervisor's choice.
    const edited = await saveDevice(ctx, printer.id, { ...printer, departmentId: null });
    expect(edited.departmentId).toBeNull();
  });
});

describe('handover', () => {
  it('records who had the computer and who gets it, and the attached printer follows the new user', async () => {
    const { li, zhang, pc, printer, sales } = await office();
    expect(await responsibleNameOf(printer.id)).toBe('张伟');

    const after = await handOverDevice(ctx, {
      deviceId: pc.id,
      toPersonId: li.id,
      note: '岗位调整',
      moveDepartment: true,
    });

    expect(after.userPersonId).toBe(li.id);
    expect(after.departmentId).toBe(sales.id);
    const handovers = await db.deviceHandovers.toArray();
    expect(handovers).toHaveLength(1);
    expect(handovers[0]).toMatchObject({
      deviceId: pc.id,
      fromPersonId: zhang.id,
      toPersonId: li.id,
      at: '2026-03-02T01:00:00.000Z',
      by: '网管 王工',
      note: '岗位调整',
    });
    expect(await responsibleNameOf(printer.id)).toBe('李娜');
  });

  it('renames and relocates the computer when asked, and leaves both alone when not', async () => {
    const { li, zhang, pc } = await office();
    await ctx.repo.update('devices', pc.id, { name: '张伟的电脑', location: '3 楼财务部' });
    const moved = await handOverDevice(ctx, {
      deviceId: pc.id,
      toPersonId: li.id,
      name: ' 李娜的电脑 ',
      location: '5 楼营销部',
    });
    expect(moved).toMatchObject({ name: '李娜的电脑', location: '5 楼营销部' });
    const back = await handOverDevice(ctx, { deviceId: pc.id, toPersonId: zhang.id });
    expect(back).toMatchObject({ name: '李娜的电脑', location: '5 楼营销部', userPersonId: zhang.id });
  });

  it('refuses a handover to the same person, or of a printer, and writes nothing', async () => {
    const { zhang, pc, printer } = await office();
    const before = await snapshot();
    await expect(handOverDevice(ctx, { deviceId: pc.id, toPersonId: zhang.id })).rejects.toMatchObject({
      code: 'same-user',
    });
    await expect(handOverDevice(ctx, { deviceId: printer.id, toPersonId: null })).rejects.toMatchObject({
      code: 'not-a-computer',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('takes nothing half-way when the device update fails inside the transaction', async () => {
    const { li, pc } = await office();
    await ctx.repo.remove('people', li.id);
    const before = await snapshot();
    await expect(handOverDevice(ctx, { deviceId: pc.id, toPersonId: li.id })).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('attachment', () => {
  it('refuses a printer attached to itself, to a printer, or a server attached at all', async () => {
    const { printer } = await office();
    const problem = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (err: unknown) => (err instanceof DeviceWriteError ? err.problem : err),
      );
    expect(
      await problem(
        saveDevice(ctx, printer.id, { assetTag: 'PR-0101', type: 'printer', attachedToDeviceId: printer.id }),
      ),
    ).toBe('attached-to-itself');
    expect(
      await problem(
        saveDevice(ctx, null, { assetTag: 'PE-1', type: 'peripheral', attachedToDeviceId: printer.id }),
      ),
    ).toBe('host-not-a-computer');
    expect(
      await problem(
        saveDevice(ctx, null, { assetTag: 'SV-1', type: 'server', attachedToDeviceId: printer.id }),
      ),
    ).toBe('only-peripherals-attach');
    expect(await db.devices.count()).toBe(2);
  });
});

describe('bought on an evaluation', () => {
  it('creates the asset and marks the approved evaluation bought, linked to it', async () => {
    const { pc, li } = await office();
    const evaluation = await ctx.repo.create('purchaseEvaluations', {
      requestedOn: '2026-02-20',
      item: '笔记本电脑',
      reason: '旧电脑主板损坏',
      replacesDeviceId: pc.id,
      status: 'approved',
      decidedOn: '2026-02-25',
    });
    const bought = await buyFromEvaluation(ctx, evaluation.id, {
      assetTag: 'PC-0202',
      type: 'computer',
      userPersonId: li.id,
      price: 5600,
    });
    expect(await ctx.repo.get('purchaseEvaluations', evaluation.id)).toMatchObject({
      status: 'bought',
      boughtDeviceId: bought.id,
      decidedOn: '2026-02-25',
    });
  });

  it('refuses a pending evaluation, and a duplicate tag leaves the evaluation as it was', async () => {
    await office();
    const pending = await ctx.repo.create('purchaseEvaluations', {
      requestedOn: '2026-02-20',
      item: '显示器',
      reason: '坏了',
    });
    await expect(
      buyFromEvaluation(ctx, pending.id, { assetTag: 'MON-1', type: 'peripheral' }),
    ).rejects.toMatchObject({
      code: 'evaluation-status',
    });
    await ctx.repo.update('purchaseEvaluations', pending.id, { status: 'approved' });
    const before = await snapshot();
    await expect(
      buyFromEvaluation(ctx, pending.id, { assetTag: 'PC-0101', type: 'computer' }),
    ).rejects.toMatchObject({
      code: 'duplicate',
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('the reads of the drawer and the dashboard card', () => {
  it("shows a printer's own history with its computer's handover, and not another device's", async () => {
    const { li, pc, printer } = await office();
    await handOverDevice(ctx, { deviceId: pc.id, toPersonId: li.id });
    const other = await saveDevice(ctx, null, { assetTag: 'PC-0102', type: 'computer' });
    await handOverDevice(ctx, { deviceId: other.id, toPersonId: li.id });

    const history = await readDeviceHistory(db, {
      id: printer.id,
      createdAt: printer.createdAt,
      hostId: pc.id,
    });
    expect(history.map((e) => e.kind).sort()).toEqual(['created', 'host-handover']);
    const own = await readDeviceHistory(db, { id: pc.id, createdAt: pc.createdAt, hostId: null });
    expect(own.filter((e) => e.kind === 'handover')).toHaveLength(1);
  });

  it('flags a warranty ending within 30 days, not one ending later nor a deleted device', async () => {
    const now = new Date('2026-03-02T01:00:00.000Z');
    await saveDevice(ctx, null, { assetTag: 'PC-SOON', type: 'computer', warrantyEnd: '2026-03-20' });
    await saveDevice(ctx, null, { assetTag: 'PC-LATER', type: 'computer', warrantyEnd: '2026-05-20' });
    const gone = await saveDevice(ctx, null, {
      assetTag: 'PC-GONE',
      type: 'computer',
      warrantyEnd: '2026-03-10',
    });
    await ctx.repo.remove('devices', gone.id);

    const flags = await readDeviceFlags(db, now);
    expect(flags.warranty.map((f) => f.device.assetTag)).toEqual(['PC-SOON']);
    expect(flags.repeat).toEqual([]);
  });
});
