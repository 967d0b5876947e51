// Vitest global setup: the PDF unit tests read their output with poppler's pdftotext/pdftoppm.
// `npm test` brings them before this step; this covers `npm run test:unit` run on its own.
import { ensureTestTools } from './tools.mjs';

export function setup() {
  if (!ensureTestTools(['poppler']).ok) {
    throw new Error('The PDF unit tests need poppler-utils (pdftotext, pdftoppm); see the command above.');
  }
}
