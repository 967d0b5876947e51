// The monthly KPI report's PDF in the app: drawn from frozen figures with the font cut to exactly
// its characters (so a report drawn again embeds the same subset and comes out byte for byte the
// same), and saved or opened through the same path as every printed form.
import type { KpiReportFigures } from '../../../shared/kpi/archive';
import { exactPrintFont, pdfFileName, savePdfBytes } from '../../print/print-form';
import type { DrawKpiPdf } from './kpi-data';

/** Characters the font lacked in the last report drawn (they print as blanks, the same each time). */
export let lastMissingCharacters: string[] = [];

export const drawKpiPdf: DrawKpiPdf = async (figures, figuresSha) => {
  // jsPDF and the form load on the first report, not with the app.
  const { kpiReportText, renderKpiReportFigures } = await import('../../../shared/pdf/forms/kpi-report');
  const font = await exactPrintFont(kpiReportText(figures));
  lastMissingCharacters = font.missing;
  return renderKpiReportFigures(figures, {
    font: { name: 'NotoSansSC', bytes: font.bytes },
    figuresSha256: figuresSha,
  });
};

/** Save and open an issued report's PDF: 月度考核报告-2026-11-第2版.pdf. */
export function openKpiPdf(bytes: Uint8Array, figures: Pick<KpiReportFigures, 'month' | 'version'>) {
  return savePdfBytes(bytes, pdfFileName('月度考核报告', figures.month, `第${figures.version}版`));
}
