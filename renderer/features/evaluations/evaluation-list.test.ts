import { describe, expect, it } from 'vitest';
import { evaluation } from '../../../shared/devices/test-records';
import type { PurchaseEvaluation } from '../../../shared/schemas';
import { filterEvaluations, listedEvaluations } from './evaluation-list';

const laptop = evaluation('e1', {
  requestedOn: '2026-03-01',
  item: '笔记本电脑 1 台',
  reason: '原电脑主板老化',
  requesterId: 'li',
  replacesDeviceId: 'pc1',
});
const printer = evaluation('e2', {
  requestedOn: '2026-03-02',
  item: '激光打印机',
  reason: '新部门',
  status: 'approved',
});
const deleted = {
  ...evaluation('e3', { requestedOn: '2026-03-03', item: '交换机', reason: '扩容' }),
  deletedAt: '2026-03-04T00:00:00Z',
};
// Sync delivered the request's status before the request itself.
const half = {
  ...evaluation('e4', { requestedOn: '2026-03-04', item: '半条', reason: '-' }),
  createdAt: undefined,
} as unknown as PurchaseEvaluation;

const names = {
  personName: (id: string | null) => (id === 'li' ? '李娜' : ''),
  deviceTag: (id: string | null) => (id === 'pc1' ? 'PC-0101' : ''),
};
const items = (list: PurchaseEvaluation[]) => list.map((e) => e.item);

describe('work request list', () => {
  it('shows only requests that arrived whole and are not deleted', () => {
    expect(items(listedEvaluations([laptop, printer, deleted, half]))).toEqual([
      '笔记本电脑 1 台',
      '激光打印机',
    ]);
    expect(items(filterEvaluations([laptop, half, deleted], { query: '', status: null }, names))).toEqual([
      '笔记本电脑 1 台',
    ]);
  });

  it('filters by status and finds a request by item, requester or the tag of the device it replaces', () => {
    const all = [laptop, printer];
    expect(items(filterEvaluations(all, { query: '', status: 'approved' }, names))).toEqual(['激光打印机']);
    expect(items(filterEvaluations(all, { query: '李娜', status: null }, names))).toEqual([
      '笔记本电脑 1 台',
    ]);
    expect(items(filterEvaluations(all, { query: 'ｐｃ-0101', status: null }, names))).toEqual([
      '笔记本电脑 1 台',
    ]);
    expect(items(filterEvaluations(all, { query: '打印', status: 'pending' }, names))).toEqual([]);
  });
});
