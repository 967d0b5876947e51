// The seeded dice both made-up ledgers roll: the demo (shared/demo.ts) and the bench's ten-year
// dataset (shared/dataset/). The same seed gives the same sequence on every machine, so a demo or
// dataset is reproducible byte for byte; nothing here reads the clock or Math.random.

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Dice {
  /** The next number in [0, 1). */
  roll: () => number;
  /** A whole number from `min` to `max`, both included. */
  int: (min: number, max: number) => number;
  /** One element of a non-empty list. */
  pick: <T>(list: readonly T[]) => T;
}

/** `int` and `pick` over one sequence, each taking exactly one roll. */
export function dice(roll: () => number): Dice {
  return {
    roll,
    int: (min, max) => min + Math.floor(roll() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(roll() * list.length)] as T,
  };
}

/**
 * A name generator that never repeats: given names of one character with probability
 * `singleGiven`, else two; a name already used is rolled again.
 */
export function uniqueNames(
  { roll, pick }: Dice,
  surnames: readonly string[],
  given: readonly string[],
  singleGiven: number,
): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const first = roll() < singleGiven ? pick(given) : pick(given) + pick(given);
      const name = pick(surnames) + first;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

/** A MAC address of the demo's vendor prefix 3C, upper case, colon-separated. */
export function macAddress({ int }: Dice): string {
  return Array.from({ length: 6 }, (_, i) => (i === 0 ? 0x3c : int(0, 255)).toString(16).padStart(2, '0'))
    .join(':')
    .toUpperCase();
}
