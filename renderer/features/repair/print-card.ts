// Printing a repair card from the detail drawer through NetDesk's form printer (renderer/print):
// the card's print source read from the ledger, the paper chosen, and the printer's
// missing-character stop turned into a question for the user: print anyway (blanks where the
// font has no glyph) or stop.
import type { Paper } from '../../../shared/pdf/layout';
import type { RepairCard } from '../../../shared/schemas';
import type { NetdeskDb } from '../../db/schema';
import { cardPrintSource } from '../../print/card-source';
import { pdfFileName, printForm } from '../../print/print-form';
import { RepairDataError } from './data';

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
