// Hybrid logical clock for NetDesk's per-field last-writer-wins sync. Every change of a record
// field is stamped; when two PCs changed the same field, the greater stamp wins. A stamp is
// wall-clock milliseconds, a counter for changes within the same millisecond (or while the wall
// clock stands still or runs backwards) and the id of the PC that made it:
//
//   001767225600000-0000-3f2a9c1e7b604d18
//   wall ms (15 digits) - counter (4 base-36 digits) - node id
//
// Both numbers are fixed width, so plain string comparison orders stamps: they sort in indexes
// and compare with `<`. Pure code: the clock source is a parameter, so tests drive time.

/** A remote stamp further ahead of the local wall clock than this comes from a PC whose clock is wrong. */
export const HLC_MAX_DRIFT_MS = 60 * 60 * 1000;
/** Largest counter four base-36 digits hold. */
export const HLC_MAX_COUNTER = 36 ** 4 - 1;

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 4;
const MAX_WALL_MS = 10 ** WALL_DIGITS - 1;
const NODE_ID = /^[0-9A-Za-z_-]{1,64}$/;
const STAMP = /^(\d{15})-([0-9a-z]{4})-([0-9A-Za-z_-]{1,64})$/;

export interface HlcParts {
  wallMs: number;
  counter: number;
  nodeId: string;
}

export type HlcErrorCode = 'malformed' | 'bad-node-id' | 'clock-drift';

/**
 * Raised for a stamp that is not a stamp, a node id that cannot go into one, and a remote stamp
 * too far in the future ('clock-drift': sync sets such changes aside instead of letting one PC
 * with a wrong clock win every field from then on).
 */
export class HlcError extends Error {
  override readonly name = 'HlcError';
  constructor(
    readonly code: HlcErrorCode,
    message: string,
    /** The offending stamp or node id. */
    readonly value: string,
  ) {
    super(message);
  }
}

export function formatHlc({ wallMs, counter, nodeId }: HlcParts): string {
  if (!Number.isInteger(wallMs) || wallMs < 0 || wallMs > MAX_WALL_MS) {
    throw new HlcError('malformed', `wall time out of range: ${wallMs}`, String(wallMs));
  }
  if (!Number.isInteger(counter) || counter < 0 || counter > HLC_MAX_COUNTER) {
    throw new HlcError('malformed', `counter out of range: ${counter}`, String(counter));
  }
  assertNodeId(nodeId);
  return `${wallMs.toString().padStart(WALL_DIGITS, '0')}-${counter
    .toString(36)
    .padStart(COUNTER_DIGITS, '0')}-${nodeId}`;
}

export function parseHlc(stamp: string): HlcParts {
  const m = STAMP.exec(stamp);
  if (!m) throw new HlcError('malformed', `not a clock stamp: ${JSON.stringify(stamp)}`, stamp);
  return { wallMs: Number(m[1]), counter: parseInt(m[2]!, 36), nodeId: m[3]! };
}

export function isHlc(stamp: unknown): stamp is string {
  return typeof stamp === 'string' && STAMP.test(stamp);
}

/** Order of two stamps: negative when a is older, positive when a is newer, 0 when equal. */
export function compareHlc(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a stamp lies further ahead of the given wall time than the clock accepts. */
export function isAheadOfClock(stamp: string, nowMs: number, maxDriftMs = HLC_MAX_DRIFT_MS): boolean {
  return parseHlc(stamp).wallMs - nowMs > maxDriftMs;
}

function assertNodeId(nodeId: string): void {
  if (!NODE_ID.test(nodeId)) {
    throw new HlcError('bad-node-id', `node id must be 1–64 letters, digits, _ or -: ${nodeId}`, nodeId);
  }
}

/**
 * The clock of one PC. `tick()` stamps a local change; `receive(remote)` moves the clock past a
 * stamp that arrived from another PC, so that the next local change outranks it.
 * Each stamp returned is greater than every stamp returned or received before.
 */
export class Hlc {
  private lastParts: HlcParts | null;

  constructor(
    readonly nodeId: string,
    private readonly now: () => number,
    /** The last stamp this PC issued, kept across restarts so time never runs backwards. */
    last?: string,
  ) {
    assertNodeId(nodeId);
    this.lastParts = last === undefined ? null : parseHlc(last);
  }

  /** The last stamp issued, or undefined before the first. */
  get last(): string | undefined {
    return this.lastParts ? formatHlc({ ...this.lastParts, nodeId: this.nodeId }) : undefined;
  }

  tick(): string {
    const wall = this.wall();
    const last = this.lastParts;
    if (!last || wall > last.wallMs) return this.issue(wall, 0);
    // Same millisecond, or the wall clock went backwards: keep the old time and count on.
    return this.issue(last.wallMs, last.counter + 1);
  }

  /** Advance past a remote stamp. Throws HlcError 'clock-drift' if it is over an hour ahead. */
  receive(remote: string): string {
    const r = parseHlc(remote);
    const wall = this.wall();
    if (r.wallMs - wall > HLC_MAX_DRIFT_MS) {
      throw new HlcError(
        'clock-drift',
        `stamp from ${r.nodeId} is ${Math.round((r.wallMs - wall) / 60000)} minutes ahead of this PC's clock`,
        remote,
      );
    }
    const lastWall = this.lastParts?.wallMs ?? -1;
    const lastCounter = this.lastParts?.counter ?? -1;
    const newWall = Math.max(wall, lastWall, r.wallMs);
    let counter = 0;
    if (newWall === lastWall && newWall === r.wallMs) counter = Math.max(lastCounter, r.counter) + 1;
    else if (newWall === lastWall) counter = lastCounter + 1;
    else if (newWall === r.wallMs) counter = r.counter + 1;
    return this.issue(newWall, counter);
  }

  private wall(): number {
    return Math.floor(this.now());
  }

  private issue(wallMs: number, counter: number): string {
    // A full counter borrows the next millisecond: stamps stay ordered and a write never fails.
    const parts =
      counter > HLC_MAX_COUNTER
        ? { wallMs: wallMs + 1, counter: 0, nodeId: this.nodeId }
        : { wallMs, counter, nodeId: this.nodeId };
    const stamp = formatHlc(parts);
    this.lastParts = parts;
    return stamp;
  }
}
