// This PC's identity and clock for sync, kept in `localMeta`: the node id (made once, on the
// first write) and the last stamp issued. The clock is loaded inside each write transaction and
// saved in the same transaction, so two windows of the app never issue the same stamp and a
// restart, or a wall clock set back, never makes time run backwards.
import { Hlc, isHlc } from '../../shared/hlc';
import type { NetdeskDb } from './schema';

const NODE_ID_KEY = 'nodeId';
const LAST_HLC_KEY = 'hlc';

export interface NodeClock {
  nodeId: string;
  hlc: Hlc;
  /** Persist the last stamp issued; call before the transaction ends. */
  save(): Promise<void>;
}

/** A fresh node id: 16 hex digits (short, since it is repeated in every field stamp). */
function newNodeId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 16);
}

/** Load the clock. Must run inside a read-write transaction that includes `localMeta`. */
export async function loadNodeClock(db: NetdeskDb, nowMs: () => number): Promise<NodeClock> {
  const [idRow, lastRow] = await db.localMeta.bulkGet([NODE_ID_KEY, LAST_HLC_KEY]);
  let nodeId = typeof idRow?.value === 'string' ? idRow.value : '';
  if (!nodeId) {
    nodeId = newNodeId();
    await db.localMeta.put({ key: NODE_ID_KEY, value: nodeId });
  }
  // An unreadable stored stamp only loses the guard against a clock set back; never block writes.
  const stored = lastRow?.value;
  const last = isHlc(stored) ? stored : undefined;
  const hlc = new Hlc(nodeId, nowMs, last);
  return {
    nodeId,
    hlc,
    save: async () => {
      const stamp = hlc.last;
      if (stamp) await db.localMeta.put({ key: LAST_HLC_KEY, value: stamp });
    },
  };
}

/** This PC's node id, or undefined before its first write. */
export async function readNodeId(db: NetdeskDb): Promise<string | undefined> {
  const row = await db.localMeta.get(NODE_ID_KEY);
  return typeof row?.value === 'string' ? row.value : undefined;
}
