// The bench's output: a table for people and bench/results.json for tools and for comparing runs.
import { writeFileSync } from 'node:fs';
import type { DatasetPlan } from '../shared/dataset/generate';

export interface Figure {
  figure: string;
  unit: string;
  median: number | null;
  min: number | null;
  max: number | null;
  runs: number;
  budget: number | null;
  /** The baseline's median in the same unit, when the figure has one. */
  baseline: number | null;
  /** median / baseline. */
  ratio: number | null;
  /** 'info': measured, no budget; 'not built yet': its feature does not exist yet. */
  status: 'pass' | 'fail' | 'info' | 'not built yet' | 'error';
  note: string;
}

const num = (v: number | null, digits = 1) =>
  v === null ? '—' : v >= 10_000 ? v.toFixed(0) : v.toFixed(digits);

export function printTable(
  figures: Figure[],
  run: { quick: boolean; plan: DatasetPlan; seconds: number },
): void {
  const rows = figures.map((f) => [
    f.status === 'fail' ? `✖ ${f.figure}` : f.status === 'pass' ? `✔ ${f.figure}` : `  ${f.figure}`,
    num(f.median),
    num(f.min),
    num(f.max),
    f.unit,
    f.budget === null ? '' : `< ${f.budget}`,
    f.ratio === null ? '' : `${f.ratio.toFixed(1)}×`,
    f.status,
  ]);
  const head = ['figure', 'median', 'min', 'max', 'unit', 'budget', 'vs base', 'result'];
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i >= 4 ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join('  ');
  const out = [
    '',
    `NetDesk bench (${run.quick ? 'quick' : 'full'}): ${run.plan.years} years, ${run.plan.employees} employees, ` +
      `${run.plan.devices} devices, ${run.plan.cards} repair cards — ${run.seconds.toFixed(0)} s`,
    line(head),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    'notes:',
    ...figures.filter((f) => f.note).map((f) => `  ${f.figure}: ${f.note}`),
    '',
  ];
  process.stdout.write(out.join('\n') + '\n');
  const over = figures.filter((f) => f.status === 'fail' || f.status === 'error');
  if (over.length)
    process.stdout.write(
      `✖ ${over.length} figure(s) over budget or failed: ${over.map((f) => f.figure).join('; ')}\n`,
    );
}

export function writeResults(
  path: string,
  figures: Figure[],
  run: { quick: boolean; plan: DatasetPlan; startedAt: string },
): void {
  const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  writeFileSync(
    path,
    JSON.stringify(
      {
        ...run,
        figures: figures.map((f) => ({
          ...f,
          median: round(f.median),
          min: round(f.min),
          max: round(f.max),
          baseline: round(f.baseline),
          ratio: round(f.ratio),
          pass: f.status === 'pass' ? true : f.status === 'fail' ? false : null,
        })),
      },
      null,
      1,
    ) + '\n',
  );
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) && !/[─✔✖×—]/.test(ch) ? 2 : 1;
  return w;
}
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - width(s))) + s;
