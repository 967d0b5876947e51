// Printing repair cards through NetDesk's form printer (renderer/print): one card from the detail
// drawer, or a batch of blank numbered cards for the paper tray. The print source is read from the
// ledger, the paper chosen, and the printer's missing-character stop turned into a question for
// the user: print anyway (blanks where the font has no glyph) or stop.
import type { Paper } from '../../../shared/pdf/layout';
import { BLANK_CARDS_MAX } from '../../../shared/repair/card-number';
import type { RepairCard } from '../../../shared/schemas';
import type { NetdeskDb } from '../../db/schema';
import { blankCardsPrintSource, cardPrintSource } from '../../print/card-source';
import { pdfFileName, printForm } from '../../print/print-form';
import { RepairDataError, reserveBlankCardNumbers, type RepairContext } from './data';

/**
 * Print `card` on `paper`. `confirmMissing` is asked when the font lacks characters of the card
 * (named like `☑ (U+2611)`); false stops and null is returned. Otherwise returns the saved PDF's
 * file name (null also when the user cancelled a save dialog).
 */
export async function printRepairCard(
  db: NetdeskDb,
  card: RepairCard,
  paper: Paper,
  confirmMissing: (chars: string[]) => Promise<boolean>,
): Promise<{ fileName: string } | null> {
  const source = await cardPrintSource(db, card.id);
  if (!source) throw new RepairDataError('not-found', `repair card ${card.cardNo} does not exist`);
  const options = {
    id: card.id,
    paper,
    fileName: pdfFileName('维修申请卡', card.cardNo, paper.toUpperCase()),
  };
  let result = await printForm('card', source, options);
  if (!result.ok) {
    if (!(await confirmMissing(result.missing))) return null;
    result = await printForm('card', source, { ...options, allowMissing: true });
  }
  if (!result.ok || !result.saved) return null;
  return { fileName: result.fileName ?? options.fileName };
}

export interface BlankCardsPrinted {
  /** The numbers reserved for the batch, in print order: never given to another card. */
  numbers: string[];
  /** The saved PDF's file name; null when the user stopped or cancelled the save dialog. */
  fileName: string | null;
}

/**
 * Reserve `count` card numbers (1–200) through the data layer and print them as blank cards on
 * `paper`. The numbers are reserved before printing, so two windows printing at once never share
 * one, and they stay reserved even when the print is stopped: a number printed or not is never
 * given to a walk-up card, and logging a printed card later keeps its number.
 */
export async function printBlankCards(
  ctx: RepairContext,
  batch: { count: number; paper: Paper },
  confirmMissing: (chars: string[]) => Promise<boolean>,
): Promise<BlankCardsPrinted> {
  const count = Math.floor(batch.count);
  if (!(count >= 1 && count <= BLANK_CARDS_MAX)) {
    throw new RangeError(`a batch of blank cards holds 1–${BLANK_CARDS_MAX}, not ${batch.count}`);
  }
  const numbers = await reserveBlankCardNumbers(ctx, count);
  const now = ctx.now();
  const { backup, choice } = await blankCardsPrintSource(ctx.db, numbers, now);
  const options = {
    now,
    paper: batch.paper,
    blankCards: choice,
    fileName: pdfFileName(
      '空白维修申请卡',
      numbers.length > 1 ? `${numbers[0]}至${numbers.at(-1)!.split('-').at(-1)}` : numbers[0]!,
      batch.paper.toUpperCase(),
    ),
  };
  let result = await printForm('blank-cards', backup, options);
  if (!result.ok) {
    if (!(await confirmMissing(result.missing))) return { numbers, fileName: null };
    result = await printForm('blank-cards', backup, { ...options, allowMissing: true });
  }
  if (!result.ok || !result.saved) return { numbers, fileName: null };
  return { numbers, fileName: result.fileName ?? options.fileName };
}
