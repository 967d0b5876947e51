// Repair-card numbers that stay unique across synced PCs without a server: each PC has its own
// letter (settings), and numbers count per year and letter: WX-2026-A-0001. Readable on paper.
const CARD_NO = /^WX-(\d{4})-([A-Z])-(\d{4,6})$/;

/**
 * How many pre-printed blank cards one batch may hold: a ream of A5 sheets. The dialog, the CLI,
 * the printed form and the number reservation all hold to it.
 */
export const BLANK_CARDS_MAX = 500;

export interface CardNoParts {
  year: number;
  pcCode: string;
  seq: number;
}

export function formatCardNo({ year, pcCode, seq }: CardNoParts): string {
  return `WX-${year}-${pcCode}-${String(seq).padStart(4, '0')}`;
}

export function parseCardNo(cardNo: string): CardNoParts | null {
  const m = CARD_NO.exec(cardNo.trim().toUpperCase());
  if (!m) return null;
  return { year: Number(m[1]), pcCode: m[2]!, seq: Number(m[3]) };
}

/** The next number for this PC and year, after the highest one already used (pre-printed or logged). */
export function nextCardNo(existing: Iterable<string>, year: number, pcCode: string): string {
  let max = 0;
  for (const no of existing) {
    const p = parseCardNo(no);
    if (p && p.year === year && p.pcCode === pcCode && p.seq > max) max = p.seq;
  }
  return formatCardNo({ year, pcCode, seq: max + 1 });
}
