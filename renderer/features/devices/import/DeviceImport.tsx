// The device import dialog: pick a CSV (UTF-8 or GBK) or XLSX file saved from the supervisor's
// spreadsheets, check which column holds which field (guessed from the header, changeable), see a
// preview of every row (ok, ok with a warning, or what is wrong with it), and only then confirm.
// Everything is written at once (write-device-import.ts) with a progress bar; the report lists
// what was imported and every row skipped with its reason. Nothing is written before the
// confirmation, and a failed write leaves the ledger as it was.
//
// Test ids: device-import-dialog, device-import-file (the <input type=file>), device-import-pick,
// device-import-file-error, device-import-file-info, device-import-sheet (worksheet select),
// device-import-mapping (the mapping table), device-import-map-<field> (each field's column
// select, e.g. device-import-map-assetTag), device-import-mapping-error, device-import-to-preview,
// device-import-counts, device-import-only-errors, device-import-preview-table, device-import-row
// (each row; data-status ok|warning|error, data-line), device-import-back, device-import-confirm,
// device-import-write-error, device-import-progress, device-import-done, device-import-imported,
// device-import-skipped, device-import-skipped-row, device-import-another. The dialog's frame and
// the steps every import shares are components/ImportDialog.tsx; the file reading, the column
// mapping, the preview's columns and the report are here.
import { Alert, Button, Progress, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkDeviceMapping,
  DEVICE_COLUMNS,
  parseDeviceSheet,
  readDeviceCsv,
  readDeviceSheet,
  REQUIRED_DEVICE_COLUMNS,
  sniffSpreadsheet,
  type DeviceColumn,
  type DeviceColumnMapping,
  type DeviceFileError,
  type DeviceImportContext,
  type DeviceImportResult,
  type DeviceImportRow,
  type DeviceRowError,
  type DeviceSheet,
  type SheetEncoding,
  type SheetRow,
} from '../../../../shared/import/devices';
import { useLedger } from '../../../app/ledger';
import {
  ImportDialog,
  ImportDoneStep,
  importPercent,
  ImportPickStep,
  ImportPreviewStep,
  ImportProgress,
  importStatusColumn,
  useImportSteps,
  type ImportNames,
} from '../../../components/ImportDialog';
import { describeError } from '../../../i18n/errors';
import type { WorkbookSheet } from '../../../import/read-xlsx';
import { readWorkbookOffThread } from '../../../import/read-xlsx-offthread';
import { XLSX_LIMITS } from '../../../../shared/import/xlsx-check';
import { deviceImportContext, writeDeviceImport, type DeviceImportSummary } from './write-device-import';

const MAX_FILE_MB = 30;
const NAMES: ImportNames = { testId: 'device-import', i18n: 'deviceImport' };

type Preview = Extract<DeviceImportResult, { ok: true }>;

/** The file as read: its sheets (one for a CSV), which one is used, and how. */
interface LoadedFile {
  name: string;
  /** 'xlsx', or the CSV's encoding. */
  format: SheetEncoding | 'xlsx';
  sheets: WorkbookSheet[];
  sheetIndex: number;
  sheet: DeviceSheet;
  mapping: DeviceColumnMapping;
}

type Step =
  /** `reading`: a workbook being checked and read in the import worker (percent of the file). */
  | { kind: 'pick'; fileError?: string; reading?: number }
  | { kind: 'mapping'; file: LoadedFile; mappingError?: string }
  | { kind: 'preview'; file: LoadedFile; preview: Preview }
  | { kind: 'writing'; file: LoadedFile; preview: Preview; percent: number }
  | { kind: 'done'; preview: Preview; summary: DeviceImportSummary };

export interface DeviceImportProps {
  open: boolean;
  onClose: () => void;
  /** Called after a successful import (e.g. to refresh a list or show the new devices). */
  onImported?: (summary: DeviceImportSummary) => void;
}

export function DeviceImport(props: DeviceImportProps) {
  const { t } = useTranslation();
  const { db, repo } = useLedger();
  const { step, setStep, onlyErrors, setOnlyErrors, writeError, setWriteError, writing, close } =
    useImportSteps<Step>({ kind: 'pick' }, props.onClose);
  const [context, setContext] = useState<DeviceImportContext | null>(null);
  /** Cancels the workbook being read (ends the import worker). */
  const reading = useRef<AbortController | null>(null);

  const pickFailed = (fileError: string) => setStep({ kind: 'pick', fileError });

  const readFile = async (file: File) => {
    if (file.size > MAX_FILE_MB * 1024 * 1024) {
      pickFailed(
        t('deviceImport.fileErrors.tooLarge', { size: (file.size / 1048576).toFixed(1), max: MAX_FILE_MB }),
      );
      return;
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let sheets: WorkbookSheet[];
      let format: LoadedFile['format'];
      const kind = sniffSpreadsheet(bytes);
      if (kind === 'xlsx') {
        reading.current?.abort();
        const controller = new AbortController();
        reading.current = controller;
        setStep({ kind: 'pick', reading: 0 });
        const read = await readWorkbookOffThread(bytes, {
          signal: controller.signal,
          onProgress: (done, total) => setStep({ kind: 'pick', reading: Math.floor((done / total) * 100) }),
        });
        if (reading.current === controller) reading.current = null;
        // Cancelled: back to picking a file, nothing read.
        if (read === null) return setStep({ kind: 'pick' });
        if (!read.ok) return pickFailed(fileErrorText(read.error, t));
        sheets = read.sheets;
        format = 'xlsx';
      } else {
        const read = readDeviceCsv(bytes);
        if (!read.ok) return pickFailed(fileErrorText(read.error, t));
        sheets = [{ name: file.name, rows: read.rows }];
        format = read.encoding;
      }
      if (sheets.length === 0) return pickFailed(fileErrorText({ code: 'empty' }, t));
      // The first sheet that has a header and data rows.
      const index = Math.max(
        0,
        sheets.findIndex((s) => readDeviceSheet(s.rows).ok),
      );
      const read = readDeviceSheet(sheets[index]!.rows);
      if (!read.ok) return pickFailed(fileErrorText(read.error, t));
      setContext(await deviceImportContext(db));
      setStep({
        kind: 'mapping',
        file: {
          name: file.name,
          format,
          sheets,
          sheetIndex: index,
          sheet: read.sheet,
          mapping: read.sheet.mapping,
        },
      });
    } catch (err) {
      pickFailed(t('deviceImport.fileErrors.unreadable', { detail: describeError(err, t) }));
    }
  };

  const chooseSheet = (file: LoadedFile, sheetIndex: number) => {
    const read = readDeviceSheet(file.sheets[sheetIndex]!.rows);
    if (!read.ok) {
      setStep({ kind: 'mapping', file: { ...file, sheetIndex }, mappingError: fileErrorText(read.error, t) });
      return;
    }
    setStep({
      kind: 'mapping',
      file: { ...file, sheetIndex, sheet: read.sheet, mapping: read.sheet.mapping },
    });
  };

  const toPreview = (file: LoadedFile) => {
    if (!context) return;
    const result = parseDeviceSheet(file.sheet, context, file.mapping);
    if (!result.ok) setStep({ kind: 'mapping', file, mappingError: fileErrorText(result.error, t) });
    else setStep({ kind: 'preview', file, preview: result });
  };

  const confirm = async () => {
    if (step.kind !== 'preview') return;
    const { file, preview } = step;
    setWriteError(null);
    setStep({ kind: 'writing', file, preview, percent: 0 });
    try {
      const summary = await writeDeviceImport(db, repo, preview, (done, total) =>
        setStep({ kind: 'writing', file, preview, percent: importPercent(done, total) }),
      );
      setStep({ kind: 'done', preview, summary });
      props.onImported?.(summary);
    } catch (err) {
      setWriteError(t('deviceImport.failed', { detail: describeError(err, t) }));
      // Re-checked against the ledger as it is now, so a clash that appeared shows on its row.
      const fresh = await deviceImportContext(db);
      setContext(fresh);
      const again = parseDeviceSheet(file.sheet, fresh, file.mapping);
      setStep(again.ok ? { kind: 'preview', file, preview: again } : { kind: 'preview', file, preview });
    }
  };

  return (
    <ImportDialog
      names={NAMES}
      open={props.open}
      title={t('deviceImport.title')}
      width={1100}
      accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      writing={writing}
      onFile={(file) => void readFile(file)}
      onClose={close}
    >
      {(pickFile) => (
        <>
          {step.kind === 'pick' && (
            <ImportPickStep
              names={NAMES}
              hints={[
                t('deviceImport.columnsRequired'),
                t('deviceImport.columnsOptional'),
                t('deviceImport.columnsWords'),
                t('deviceImport.limitsHint', {
                  rows: XLSX_LIMITS.rows,
                  columns: XLSX_LIMITS.columns,
                  cellChars: XLSX_LIMITS.cellChars,
                  mb: XLSX_LIMITS.sharedStringsBytes >> 20,
                }),
              ]}
              fileError={step.fileError}
              onPick={pickFile}
            />
          )}
          {step.kind === 'pick' && step.reading !== undefined && (
            <div data-testid="device-import-reading" style={{ paddingTop: 12 }}>
              <Typography.Text>{t('deviceImport.reading')}</Typography.Text>
              <Progress percent={step.reading} />
              <Button data-testid="device-import-cancel-read" onClick={() => reading.current?.abort()}>
                {t('deviceImport.cancelRead')}
              </Button>
            </div>
          )}
          {step.kind === 'mapping' && (
            <MappingStep
              file={step.file}
              mappingError={step.mappingError}
              onSheet={(i) => chooseSheet(step.file, i)}
              onMapping={(mapping) => setStep({ kind: 'mapping', file: { ...step.file, mapping } })}
              onNext={() => toPreview(step.file)}
              onAnother={pickFile}
            />
          )}
          {step.kind === 'preview' && (
            <ImportPreviewStep<DeviceImportRow>
              names={NAMES}
              fileInfo={<FileInfo file={step.file} />}
              counts={step.preview.counts}
              countsTestId="device-import-counts"
              writeError={writeError}
              onlyErrors={onlyErrors}
              onOnlyErrorsChange={setOnlyErrors}
              rows={step.preview.rows}
              columns={previewColumns(step.preview, t)}
              scroll={{ x: 'max-content', y: 360 }}
              rowStatus={statusOf}
              onConfirm={() => void confirm()}
              secondary={
                <Button
                  onClick={() => setStep({ kind: 'mapping', file: step.file })}
                  data-testid="device-import-back"
                >
                  {t('deviceImport.back')}
                </Button>
              }
            />
          )}
          {step.kind === 'writing' && <ImportProgress names={NAMES} percent={step.percent} />}
          {step.kind === 'done' && (
            <DoneStep
              preview={step.preview}
              summary={step.summary}
              onClose={close}
              onAnother={() => setStep({ kind: 'pick' })}
            />
          )}
        </>
      )}
    </ImportDialog>
  );
}

function FileInfo({ file }: { file: LoadedFile }) {
  const { t } = useTranslation();
  const format = file.format === 'xlsx' ? 'XLSX' : `CSV ${file.format.toUpperCase()}`;
  return (
    <Typography.Text type="secondary" data-testid="device-import-file-info">
      {t('deviceImport.fileInfo', { file: file.name, format, rows: file.sheet.dataRows.length })}
    </Typography.Text>
  );
}

/** The first few values of a sheet column, so the user recognises it in the mapping. */
function sampleOf(sheet: DeviceSheet, index: number): string {
  const values: string[] = [];
  for (const row of sheet.dataRows) {
    const cell: SheetRow[number] = row.cells[index];
    const text =
      cell instanceof Date ? cell.toISOString().slice(0, 10) : cell == null ? '' : String(cell).trim();
    if (text) values.push(text);
    if (values.length === 3) break;
  }
  return values.join('、');
}

function MappingStep(props: {
  file: LoadedFile;
  mappingError: string | undefined;
  onSheet: (index: number) => void;
  onMapping: (mapping: DeviceColumnMapping) => void;
  onNext: () => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const { file } = props;
  const options = [
    { value: -1, label: t('deviceImport.notImported') },
    ...file.sheet.headers.map((h, i) => ({
      value: i,
      label: `${h || t('deviceImport.columnN', { n: i + 1 })}${sampleOf(file.sheet, i) ? `（${sampleOf(file.sheet, i)}）` : ''}`,
    })),
  ];
  const problem = props.mappingError ?? mappingProblem(file, t);
  const unmapped = file.sheet.headers.filter((h, i) => h && !Object.values(file.mapping).includes(i));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <FileInfo file={file} />
      {file.sheets.length > 1 && (
        <Space>
          <Typography.Text>{t('deviceImport.sheet')}</Typography.Text>
          <Select
            data-testid="device-import-sheet"
            style={{ minWidth: 200 }}
            value={file.sheetIndex}
            options={file.sheets.map((s, i) => ({ value: i, label: s.name }))}
            onChange={props.onSheet}
          />
        </Space>
      )}
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {t('deviceImport.mappingIntro')}
      </Typography.Paragraph>
      <Table<{ field: DeviceColumn }>
        data-testid="device-import-mapping"
        size="small"
        rowKey="field"
        pagination={false}
        scroll={{ y: 380 }}
        dataSource={DEVICE_COLUMNS.map((field) => ({ field }))}
        columns={[
          {
            title: t('deviceImport.field'),
            key: 'field',
            width: 200,
            render: (_, { field }) => (
              <span>
                {t(`deviceImport.columns.${field}`)}
                {REQUIRED_DEVICE_COLUMNS.includes(field) && (
                  <Typography.Text type="danger"> *</Typography.Text>
                )}
              </span>
            ),
          },
          {
            title: t('deviceImport.fileColumn'),
            key: 'column',
            render: (_, { field }) => (
              <Select
                data-testid={`device-import-map-${field}`}
                style={{ width: '100%' }}
                value={file.mapping[field] ?? -1}
                options={options}
                onChange={(value: number) => {
                  const mapping = { ...file.mapping };
                  if (value < 0) delete mapping[field];
                  else mapping[field] = value;
                  props.onMapping(mapping);
                }}
              />
            ),
          },
        ]}
      />
      {unmapped.length > 0 && (
        <Typography.Text type="secondary">
          {t('deviceImport.unmapped', { columns: unmapped.join('、') })}
        </Typography.Text>
      )}
      {problem && <Alert type="error" showIcon data-testid="device-import-mapping-error" title={problem} />}
      <Space>
        <Button
          type="primary"
          data-testid="device-import-to-preview"
          disabled={!!problem}
          onClick={props.onNext}
        >
          {t('deviceImport.toPreview')}
        </Button>
        <Button onClick={props.onAnother} data-testid="device-import-another">
          {t('deviceImport.anotherFile')}
        </Button>
      </Space>
    </Space>
  );
}

function mappingProblem(file: LoadedFile, t: TFunction): string | null {
  const error = checkDeviceMapping(file.sheet, file.mapping);
  return error ? fileErrorText(error, t) : null;
}

const statusOf = (r: DeviceImportRow) => (r.errors.length ? 'error' : r.warnings.length ? 'warning' : 'ok');

/** The columns worth a glance in the preview; the rest are on the device card after import. */
const PREVIEW_FIELDS: DeviceColumn[] = [
  'assetTag',
  'type',
  'name',
  'brand',
  'model',
  'department',
  'user',
  'attachedTo',
  'status',
  'purchaseDate',
  'price',
];

function previewColumns(preview: Preview, t: TFunction): TableColumnsType<DeviceImportRow> {
  const fields = PREVIEW_FIELDS.filter((c) => preview.columns.includes(c));
  return [
    { title: t('deviceImport.line'), dataIndex: 'line', width: 60, fixed: 'left' },
    ...fields.map((col) => ({
      title: t(`deviceImport.columns.${col}`),
      key: col,
      ellipsis: true,
      width: col === 'name' || col === 'model' ? 140 : 100,
      render: (_: unknown, r: DeviceImportRow) => r.cells[col] ?? '',
    })),
    importStatusColumn<DeviceImportRow>(NAMES, t, {
      width: 320,
      errorText: (e) => rowErrorText(e, t),
      warningText: (w) => t(`deviceImport.rowWarnings.${w.code}`, { value: w.value }),
    }),
  ];
}

function DoneStep(props: {
  preview: Preview;
  summary: DeviceImportSummary;
  onClose: () => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const { summary, preview } = props;
  const skipped = preview.rows.filter((r) => r.errors.length > 0);
  return (
    <ImportDoneStep names={NAMES} onClose={props.onClose} onAnother={props.onAnother}>
      <Alert
        type={skipped.length > 0 ? 'warning' : 'success'}
        showIcon
        data-testid="device-import-done"
        title={t('deviceImport.done', { imported: summary.imported.length, skipped: summary.skipped.length })}
        description={
          <Typography.Paragraph
            data-testid="device-import-imported"
            ellipsis={{ rows: 3, expandable: true, symbol: t('deviceImport.showAll') }}
            style={{ marginBottom: 0 }}
          >
            {summary.imported.join('、')}
          </Typography.Paragraph>
        }
      />
      {skipped.length > 0 && (
        <div data-testid="device-import-skipped">
          <Typography.Text strong>
            {t('deviceImport.skippedTitle', { count: skipped.length })}
          </Typography.Text>
          <ul style={{ maxHeight: 240, overflow: 'auto', marginTop: 4 }}>
            {skipped.map((r) => (
              <li key={r.line} data-testid="device-import-skipped-row">
                {t('deviceImport.skippedRow', { line: r.line, tag: r.cells.assetTag || '—' })}
                {r.errors.map((e) => rowErrorText(e, t)).join('；')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </ImportDoneStep>
  );
}

function rowErrorText(e: DeviceRowError, t: TFunction): string {
  const field = e.field ? t(`deviceImport.columns.${e.field}`) : '';
  return t(`deviceImport.rowErrors.${e.code}`, {
    field,
    value: e.value ?? '',
    max: e.max,
    firstLine: e.firstLine,
  });
}

function fileErrorText(error: DeviceFileError, t: TFunction): string {
  switch (error.code) {
    case 'missing-columns':
      return t('deviceImport.fileErrors.missing-columns', {
        columns: error.columns.map((c) => t(`deviceImport.columns.${c}`)).join('、'),
        headers: error.headers.join('、') || t('common.none'),
      });
    case 'duplicate-mapping':
      return t('deviceImport.fileErrors.duplicate-mapping', {
        columns: error.columns.map((c) => t(`deviceImport.columns.${c}`)).join('、'),
      });
    case 'unreadable':
      return t('deviceImport.fileErrors.unreadable', { detail: error.detail });
    case 'too-large':
      return t('deviceImport.fileErrors.too-large', {
        limit: t(`deviceImport.limits.${error.limit}`, {
          max: error.max,
          mb: Math.round(error.max / 1048576),
        }),
        where: error.row ? t('deviceImport.limits.atRow', { row: error.row }) : '',
      });
    case 'encoding':
      return t('deviceImport.fileErrors.encoding', { line: error.line });
    case 'empty':
    case 'xls-unsupported':
      return t(`deviceImport.fileErrors.${error.code}`);
  }
}
