// The data layer of repair cards (维修申请卡): every write the repair screens make, and every
// query the card list, the dashboard, a device's history and a person's page read. Screens
// import from here only; nothing here imports React.
//
// Writes go through the repository (validation, change log, per-field clock) inside ONE Dexie
// transaction together with this layer's local derived tables: the per-status counters and the
// packed text-search copy. Either the card, its event, the counters and the search copy all
// change, or none does.
//
// Start-up and reactivity: call ensureRepairDerivedData(db) once at start (it builds the search
// copy and counters if this PC never did: a write, which a useLiveQuery callback may not make),
// and warmRepairSearch(db) when the list opens so the first search is instant. Inside
// useLiveQuery, queryRepairCards and readRepairCounters re-run on every card write.
//
// Errors: a RepairDataError (code below) for the workflow rules, or the repository's own
// RepositoryError ('invalid' with field issues, 'duplicate' for a card number already used,
// 'not-found', 'deleted'). Both carry `code` and `field`; the UI translates the code.
//
//   const ctx = { db, repo, pcCode: settings.pcCode, operator: settings.operatorName, now: () => new Date() };
//   const card = await logRepairCard(ctx, { requesterId, requesterName: '张伟', deviceTag: 'PC-0153',
//     faultCategory: 'hardware', description: '开机黑屏' });
//   await recordRepairEvent(ctx, card.id, { type: 'started' });
//   const { rows, hasMore } = await queryRepairCards(db, { status: ['received', 'in-repair'], text: '黑屏' },
//     { by: 'receivedAt', dir: 'desc' }, { offset: 0, limit: 50 });
export type {
  RepairContext,
  LogRepairCardInput,
  RepairEventInput,
  RepairRecordInput,
  SignedCardInput,
  CardCorrection,
  RepairDataErrorCode,
  TimeRule,
} from './types';
export { RepairDataError } from './types';

export {
  logRepairCard,
  recordRepairEvent,
  saveRepairRecord,
  attachSignedCard,
  removeSignedCard,
  correctRepairCard,
  removeRepairCard,
  restoreRepairCard,
  reserveBlankCardNumbers,
  peekNextCardNo,
} from './card-writes';

export type {
  RepairCardFilter,
  RepairCardSort,
  RepairCardPage,
  RepairCardPageResult,
  RepairQueryOptions,
} from './card-queries';
export {
  queryRepairCards,
  countRepairCards,
  getRepairCard,
  findRepairCardByNo,
  getCardTimeline,
  cardsOfDevice,
  cardsOfRequester,
} from './card-queries';

export type { RepairCounters } from './counters';
export { readRepairCounters } from './counters';

export type { RebuildProgress } from './derived';
export {
  ensureRepairDerivedData,
  warmRepairSearch,
  rebuildRepairDerivedData,
  rebuildRepairSearch,
  rebuildRepairCounters,
  refreshRepairDerivedData,
} from './derived';
