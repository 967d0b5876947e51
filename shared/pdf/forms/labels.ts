// The asset label sheet (资产标签): an A4 sheet of labels on a configurable grid, each
// with the QR code of the device's asset tag and, under it, the tag, the device's name (or type)
// and its responsible person in plain text. The supervisor sticks them on the equipment; a USB
// scanner reading a label types the tag into any search or device field. The default grid is the
// common 3 × 8 sheet of 63.5 × 33.9 mm labels (24 per sheet); other sheets are described by
// columns, rows, margins, gaps and label size. Responsible person by the rule of the seed
// (shared/devices/responsible.ts). Secrets and addresses are never read here.
import type { LedgerBackup } from '../../backup';
import { responsiblePerson, type DeviceLink } from '../../devices/responsible';
import type { Device } from '../../schemas';
import type { PdfForm, PdfFormErrorCode } from '../forms';
import { FormDocument, useFastFontEmbedding, type Paper } from '../layout';
import { drawQrCode, QR_QUIET_ZONE } from '../qr';
import { listedOnly } from '../../sync/arrival';
import { DEVICE_TYPE_WORDS } from '../../devices/type-words';

export const LABELS_TITLE = '资产标签';

/** Which labels to print and on what sheet. Lengths in millimetres. */
export interface LabelSheetChoice {
  cols?: number;
  rows?: number;
  /** Label size; by default the labels fill the page inside the margins. */
  labelWidth?: number;
  labelHeight?: number;
  /** Page margins: the same on both sides (top and bottom, left and right). */
  marginTop?: number;
  marginLeft?: number;
  /** Space between labels across and down. */
  gapX?: number;
  gapY?: number;
  /** Device ids or asset tags, printed in this order. Absent or empty: every device not retired. */
  deviceIds?: readonly string[];
  /** Positions already used on the first sheet (a part-used sheet of labels goes back in the tray). */
  skip?: number;
  /** Draw thin cut lines around each label, for plain paper. */
  outline?: boolean;
}

/** A grid with every length decided. */
export interface LabelGrid {
  cols: number;
  rows: number;
  labelWidth: number;
  labelHeight: number;
  marginTop: number;
  marginLeft: number;
  gapX: number;
  gapY: number;
}

const PAGE: Record<Paper, { width: number; height: number }> = {
  a4: { width: 210, height: 297 },
  a5: { width: 148, height: 210 },
};
/** The usual sheets: A4 3 × 8 (63.5 × 33.9 mm, as sold), A5 2 × 5. */
const DEFAULT_GRID: Record<Paper, Omit<LabelGrid, 'labelWidth' | 'labelHeight'>> = {
  a4: { cols: 3, rows: 8, marginTop: 12.9, marginLeft: 7.2, gapX: 2.5, gapY: 0 },
  a5: { cols: 2, rows: 5, marginTop: 8, marginLeft: 8, gapX: 2.5, gapY: 0 },
};
/** Smaller than this the code and three lines of text cannot both be read. */
const MIN_LABEL = { width: 30, height: 24 };

const RESPONSIBLE = '责任人：';
const NOBODY = '未登记';
const ELLIPSIS = '…';

/** The grid a choice describes on the paper, or a RangeError saying what does not fit. */
export function labelGrid(choice: LabelSheetChoice, paper: Paper): LabelGrid {
  const page = PAGE[paper];
  const base = DEFAULT_GRID[paper];
  const cols = choice.cols ?? base.cols;
  const rows = choice.rows ?? base.rows;
  if (!Number.isInteger(cols) || cols < 1 || cols > 10)
    throw new RangeError(`列数应为 1 到 10 / columns must be 1 to 10: ${cols}`);
  if (!Number.isInteger(rows) || rows < 1 || rows > 30)
    throw new RangeError(`行数应为 1 到 30 / rows must be 1 to 30: ${rows}`);
  const lengths = {
    marginTop: choice.marginTop ?? base.marginTop,
    marginLeft: choice.marginLeft ?? base.marginLeft,
    gapX: choice.gapX ?? base.gapX,
    gapY: choice.gapY ?? base.gapY,
  };
  for (const [name, value] of Object.entries(lengths)) {
    if (!Number.isFinite(value) || value < 0 || value > 100)
      throw new RangeError(`${name} 应为 0 到 100 毫米 / ${name} must be 0 to 100 mm: ${value}`);
  }
  const { marginTop, marginLeft, gapX, gapY } = lengths;
  const labelWidth = choice.labelWidth ?? (page.width - 2 * marginLeft - (cols - 1) * gapX) / cols;
  const labelHeight = choice.labelHeight ?? (page.height - 2 * marginTop - (rows - 1) * gapY) / rows;
  if (!(labelWidth >= MIN_LABEL.width && labelHeight >= MIN_LABEL.height)) {
    throw new RangeError(
      `标签太小（${labelWidth.toFixed(1)} × ${labelHeight.toFixed(1)} 毫米，至少 ${MIN_LABEL.width} × ${MIN_LABEL.height}）` +
        ` / labels too small (at least ${MIN_LABEL.width} × ${MIN_LABEL.height} mm)`,
    );
  }
  const usedWidth = marginLeft + cols * labelWidth + (cols - 1) * gapX;
  const usedHeight = marginTop + rows * labelHeight + (rows - 1) * gapY;
  if (usedWidth > page.width + 0.05 || usedHeight > page.height + 0.05) {
    throw new RangeError(
      `标签网格超出纸张（需要 ${usedWidth.toFixed(1)} × ${usedHeight.toFixed(1)} 毫米）` +
        ` / the grid does not fit on the paper (${usedWidth.toFixed(1)} × ${usedHeight.toFixed(1)} mm)`,
    );
  }
  return { cols, rows, labelWidth, labelHeight, marginTop, marginLeft, gapX, gapY };
}

/** What one label says. */
export interface AssetLabel {
  tag: string;
  /** The device's name, or its type and model when it has none. */
  title: string;
  /** 责任人：张三 */
  responsible: string;
}

function labelFor(
  device: Device,
  lookup: (id: string) => DeviceLink | undefined,
  names: Map<string, string>,
) {
  const who = responsiblePerson(device, lookup).personId;
  const typeAndModel = [DEVICE_TYPE_WORDS[device.type], device.brand, device.model].filter(Boolean).join(' ');
  return {
    tag: device.assetTag,
    title: device.name || typeAndModel,
    responsible: RESPONSIBLE + ((who && names.get(who)) || NOBODY),
  };
}

/**
 * The labels to print: the devices asked for (by id or asset tag, in that order), or every live
 * device not retired, by asset tag. Throws a RangeError naming devices it cannot find.
 */
export function assetLabels(backup: LedgerBackup, deviceIds?: readonly string[]): AssetLabel[] {
  const devices = listedOnly(backup.tables.devices);
  const byId = new Map(devices.map((d) => [d.id, d]));
  const byTag = new Map(devices.map((d) => [d.assetTag.trim().toUpperCase(), d]));
  const names = new Map(listedOnly(backup.tables.people).map((p) => [p.id, p.name]));
  const lookup = (id: string) => byId.get(id);
  let chosen: Device[];
  if (deviceIds && deviceIds.length > 0) {
    const missing: string[] = [];
    chosen = [];
    for (const wanted of deviceIds) {
      const device = byId.get(wanted.trim()) ?? byTag.get(wanted.trim().toUpperCase());
      if (device) chosen.push(device);
      else missing.push(wanted);
    }
    if (missing.length > 0) throw new RangeError(`找不到设备 / no such device: ${missing.join(', ')}`);
  } else {
    chosen = devices
      .filter((d) => d.status !== 'retired')
      .sort((a, b) => a.assetTag.localeCompare(b.assetTag, 'en', { numeric: true }));
  }
  return chosen.map((d) => labelFor(d, lookup, names));
}

/** Every string a sheet of these labels may draw, whatever devices are chosen. */
function labelsText(backup: LedgerBackup): string {
  const devices = listedOnly(backup.tables.devices);
  const byId = new Map(devices.map((d) => [d.id, d]));
  const names = new Map(listedOnly(backup.tables.people).map((p) => [p.id, p.name]));
  const lines = devices.map((d) => {
    const l = labelFor(d, (id) => byId.get(id), names);
    return `${l.tag}${l.title}${l.responsible}`;
  });
  return [LABELS_TITLE, RESPONSIBLE + NOBODY, ELLIPSIS, ...lines].join('\n');
}

// ── Drawing ────────────────────────────────────────────────────────────────────────────
const PT_TO_MM = 25.4 / 72;
const TAG_PT = 8.5;
const TEXT_PT = 6.5;
const PAD = 1.5;

/** `text` cut with an ellipsis to fit `width` mm at the current font size. */
function fitText(doc: FormDocument, text: string, width: number): string {
  if (doc.pdf.getTextWidth(text) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && doc.pdf.getTextWidth(chars.join('') + ELLIPSIS) > width) chars.pop();
  return chars.join('') + ELLIPSIS;
}

function drawLabel(doc: FormDocument, label: AssetLabel, x: number, y: number, grid: LabelGrid): void {
  const { labelWidth: w, labelHeight: h } = grid;
  const tagLine = TAG_PT * PT_TO_MM * 1.25;
  const textLine = TEXT_PT * PT_TO_MM * 1.3;
  const textHeight = tagLine + 2 * textLine;
  // The code's quiet zone is white, so the square may start at the label's top edge.
  const qrSize = Math.min(h - PAD - textHeight - 0.3, w - 2 * PAD);
  const qrTop = y + 0.3;
  const symbol = drawQrCode(doc.pdf, label.tag, x + (w - qrSize) / 2, qrTop, qrSize);
  // Text starts where the symbol ends, inside the bottom of its quiet zone.
  const module = qrSize / (symbol.size + 2 * QR_QUIET_ZONE);
  let ty = qrTop + qrSize - (QR_QUIET_ZONE - 1) * module;
  ty = Math.min(ty, y + h - PAD - textHeight);
  const centre = x + w / 2;
  const room = w - 2 * PAD;
  doc.pdf.setFontSize(TAG_PT);
  doc.text(fitText(doc, label.tag, room), centre, ty, TAG_PT, 'center');
  ty += tagLine;
  doc.pdf.setFontSize(TEXT_PT);
  doc.text(fitText(doc, label.title, room), centre, ty, TEXT_PT, 'center');
  ty += textLine;
  doc.pdf.setFontSize(TEXT_PT);
  doc.text(fitText(doc, label.responsible, room), centre, ty, TEXT_PT, 'center');
}

export function makeLabelsForm(fail: (code: PdfFormErrorCode, message: string) => Error): PdfForm {
  return {
    title: LABELS_TITLE,
    needsId: false,
    collectText: (backup) => labelsText(backup),
    render(backup, { font, paper, now, labels: choice = {} }) {
      let grid: LabelGrid;
      let labels: AssetLabel[];
      try {
        grid = labelGrid(choice, paper);
        labels = assetLabels(backup, choice.deviceIds);
      } catch (err) {
        if (err instanceof RangeError)
          throw fail(err.message.startsWith('找不到') ? 'not-found' : 'invalid-options', err.message);
        throw err;
      }
      const perPage = grid.cols * grid.rows;
      const skip = choice.skip ?? 0;
      if (!Number.isInteger(skip) || skip < 0 || skip >= perPage) {
        throw fail(
          'invalid-options',
          `跳过的位置应为 0 到 ${perPage - 1} / skip must be 0 to ${perPage - 1}: ${skip}`,
        );
      }
      if (labels.length === 0) throw fail('not-found', '没有可打印标签的设备 / no devices to label');

      const doc = new FormDocument({ font, paper, now, title: LABELS_TITLE });
      useFastFontEmbedding(doc.pdf);
      doc.pdf.setDocumentProperties({
        title: `${LABELS_TITLE}（${labels.length} 张）`,
        creator: 'NetDesk 网管工作台',
      });
      labels.forEach((label, i) => {
        const position = i + skip;
        const onPage = position % perPage;
        if (i > 0 && onPage === 0) doc.pdf.addPage(paper, 'portrait');
        const col = onPage % grid.cols;
        const row = Math.floor(onPage / grid.cols);
        const x = grid.marginLeft + col * (grid.labelWidth + grid.gapX);
        const y = grid.marginTop + row * (grid.labelHeight + grid.gapY);
        if (choice.outline) {
          doc.pdf.setDrawColor(190, 190, 190);
          doc.pdf.setLineWidth(0.1);
          doc.pdf.roundedRect(x, y, grid.labelWidth, grid.labelHeight, 1.5, 1.5, 'S');
        }
        drawLabel(doc, label, x, y, grid);
      });
      // No page frame: a label sheet carries nothing but the labels.
      return new Uint8Array(doc.pdf.output('arraybuffer'));
    },
  };
}
