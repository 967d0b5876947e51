// The one set-up the printed-form tests share: subset the font to what a form will draw, check no
// character is missing from the font, render, and read the PDF back with pdftotext (whitespace
// squeezed out, as a table's cells come back spaced by layout).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFontSubsetter, readFontFile, type FontSubsetter } from '../../../electron/services/font';
import type { LedgerBackup } from '../../../shared/backup';
import { findMissingGlyphs } from '../../../shared/pdf/font';
import type { PdfForm } from '../../../shared/pdf/forms';

export interface FormPrinter {
  /** The text a printed form shows, whitespace removed; throws when the font lacks a character. */
  print(form: PdfForm, backup: LedgerBackup, id: string | undefined, now: Date): string;
  dispose(): void;
}

export async function openFormPrinter(name: string): Promise<FormPrinter> {
  const subsetter: FontSubsetter = await openFontSubsetter(await readFontFile());
  const work = mkdtempSync(join(tmpdir(), `netdesk-${name}-`));
  let n = 0;
  return {
    print(form, backup, id, now) {
      const text = form.collectText(backup, id);
      const missing = findMissingGlyphs(text, subsetter.codepoints);
      if (missing.length > 0) throw new Error(`font lacks: ${missing.join(' ')}`);
      const pdf = form.render(backup, {
        id,
        paper: 'a4',
        now,
        font: { name: 'NotoSansSC', bytes: subsetter.subset(text) },
      });
      const file = join(work, `${++n}.pdf`);
      writeFileSync(file, pdf);
      return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    },
    dispose() {
      subsetter.dispose();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
