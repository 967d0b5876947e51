// The CSV import dialog: pick a file, see a preview of every row (ok, or what is wrong with it),
// the departments that will be created and the heads that will be set; nothing is written until
// the user confirms. Then everything is written at once (write-import.ts) with a progress bar,
// and a summary says what was imported and what was skipped. People already in the directory
// (an existing 工号) may be updated instead, their changes listed field by field (write-updates.ts).
// Test ids: import-dialog, import-file (the <input type=file>), import-pick, import-file-error,
// import-summary-counts, import-new-departments, import-only-errors, import-preview-table,
// import-row (each row; data-status ok|error), import-confirm, import-progress, import-done,
// import-another, import-update-existing, import-update-preview, import-update-row. The dialog's frame and the steps every import shares are
// components/ImportDialog.tsx; the CSV reading, the preview's columns and the report are here.
import { Alert, Button, Checkbox, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  readPeopleCsv,
  type CsvColumn,
  type CsvEncoding,
  type CsvFileError,
  type CsvRowError,
  type CsvRowWarning,
  type PeopleCsvContext,
  type PeopleCsvResult,
} from '../../../../shared/import/people-csv';
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
import type { Directory } from '../../../directory/directory';
import { planPeopleUpdates, type PersonUpdatePlan } from '../../../../shared/import/people-update';
import { describeHeads, writeImport, type ImportSummary } from './write-import';
import { writePeopleUpdates } from './write-updates';

const MAX_FILE_MB = 20;
const NAMES: ImportNames = { testId: 'import', i18n: 'import' };

type Preview = Extract<PeopleCsvResult, { ok: true }>;
type Step =
  | { kind: 'pick'; fileError?: string }
  | { kind: 'preview'; file: string; encoding: CsvEncoding; preview: Preview; context: PeopleCsvContext }
  | { kind: 'writing'; percent: number }
  | { kind: 'done'; summary: ImportSummary; updated: number };

interface PreviewRow {
  line: number;
  cells: Partial<Record<CsvColumn, string>>;
  errors: CsvRowError[];
  warnings: CsvRowWarning[];
}

export function PeopleImport(props: { open: boolean; directory: Directory; onClose: () => void }) {
  const { t } = useTranslation();
  const { db, repo } = useLedger();
  const { step, setStep, onlyErrors, setOnlyErrors, writeError, setWriteError, writing, close } =
    useImportSteps<Step>({ kind: 'pick' }, props.onClose);

  const readFile = async (file: File) => {
    if (file.size > MAX_FILE_MB * 1024 * 1024) {
      setStep({
        kind: 'pick',
        fileError: t('import.fileErrors.tooLarge', { size: (file.size / 1048576).toFixed(1) }),
      });
      return;
    }
    try {
      // The preview is checked against the directory as it is now; the write re-checks.
      const context: PeopleCsvContext = {
        existingPeople: props.directory.people,
        existingDepartments: props.directory.departments,
      };
      const result = readPeopleCsv(new Uint8Array(await file.arrayBuffer()), context);
      if (!result.ok) setStep({ kind: 'pick', fileError: fileErrorText(result.error, t) });
      else
        setStep({
          kind: 'preview',
          file: file.name,
          encoding: result.encoding ?? 'utf-8',
          preview: result,
          context,
        });
    } catch (err) {
      setStep({
        kind: 'pick',
        fileError: t('import.fileErrors.unreadable', { detail: describeError(err, t) }),
      });
    }
  };

  // Rows refused only for an existing 工号: offered as updates, written only if the user says so.
  const [updateExisting, setUpdateExisting] = useState(false);
  const updates = useMemo(
    () =>
      step.kind === 'preview' && step.preview.kind === 'people'
        ? planPeopleUpdates(
            step.preview.rows,
            step.preview.columns,
            props.directory.people,
            props.directory.departments,
          )
        : [],
    [step, props.directory],
  );

  const confirm = async () => {
    if (step.kind !== 'preview') return;
    const { preview, context } = step;
    setWriteError(null);
    setStep({ kind: 'writing', percent: 0 });
    try {
      const summary = await writeImport(db, repo, preview, context, (done, total) =>
        setStep({ kind: 'writing', percent: importPercent(done, total) }),
      );
      const updated = updateExisting ? await writePeopleUpdates(db, repo, updates) : 0;
      setStep({ kind: 'done', summary, updated });
    } catch (err) {
      setWriteError(t('import.failed', { detail: describeError(err, t) }));
      setStep(step);
    }
  };

  return (
    <ImportDialog
      names={NAMES}
      open={props.open}
      title={t('import.title')}
      width={1000}
      accept=".csv,text/csv"
      writing={writing}
      onFile={(file) => void readFile(file)}
      onClose={close}
    >
      {(pickFile) => (
        <>
          {step.kind === 'pick' && (
            <ImportPickStep
              names={NAMES}
              hints={[t('import.columnsPeople'), t('import.columnsDepartments')]}
              fileError={step.fileError}
              onPick={pickFile}
            />
          )}
          {step.kind === 'preview' && (
            <PreviewStep
              step={step}
              onlyErrors={onlyErrors}
              setOnlyErrors={setOnlyErrors}
              writeError={writeError}
              onConfirm={() => void confirm()}
              onAnother={pickFile}
              updates={updates}
              updateExisting={updateExisting}
              setUpdateExisting={setUpdateExisting}
            />
          )}
          {step.kind === 'writing' && <ImportProgress names={NAMES} percent={step.percent} />}
          {step.kind === 'done' && (
            <ImportDoneStep names={NAMES} onClose={close} onAnother={() => setStep({ kind: 'pick' })}>
              <Alert
                type="success"
                showIcon
                data-testid="import-done"
                title={t('import.done', {
                  people: step.summary.people,
                  departments: step.summary.departments,
                  skipped: step.summary.skipped,
                })}
                description={step.updated > 0 ? t('import.update.done', { count: step.updated }) : undefined}
              />
            </ImportDoneStep>
          )}
        </>
      )}
    </ImportDialog>
  );
}

function PreviewStep(props: {
  step: Extract<Step, { kind: 'preview' }>;
  onlyErrors: boolean;
  setOnlyErrors: (v: boolean) => void;
  writeError: string | null;
  onConfirm: () => void;
  onAnother: () => void;
  updates: PersonUpdatePlan[];
  updateExisting: boolean;
  setUpdateExisting: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  const { preview, context, file, encoding } = props.step;
  const newDepartments = preview.departments.filter((d) => d.existingId === null).map((d) => d.name);
  const heads = describeHeads(preview.departments, preview, context);
  const rows: PreviewRow[] = preview.rows;

  return (
    <ImportPreviewStep<PreviewRow>
      names={NAMES}
      fileInfo={
        <Typography.Text type="secondary">
          {t('import.fileInfo', { file, encoding: encoding.toUpperCase() })} ·{' '}
          {t(`import.kind.${preview.kind}`)}
        </Typography.Text>
      }
      counts={preview.counts}
      countsTestId="import-summary-counts"
      countsDetail={
        <div data-testid="import-new-departments">
          <div>
            {newDepartments.length > 0
              ? t('import.newDepartments', {
                  count: newDepartments.length,
                  names: newDepartments.join('、'),
                })
              : t('import.noNewDepartments')}
          </div>
          {heads.length > 0 && <div>{t('import.heads', { list: heads.join('；') })}</div>}
          {props.updates.length > 0 && (
            <UpdatePreview
              updates={props.updates}
              checked={props.updateExisting}
              onChange={props.setUpdateExisting}
            />
          )}
        </div>
      }
      writeError={props.writeError}
      onlyErrors={props.onlyErrors}
      onOnlyErrorsChange={props.setOnlyErrors}
      rows={rows}
      columns={previewColumns(preview, t)}
      scroll={{ y: 360 }}
      onConfirm={props.onConfirm}
      secondary={
        <Button onClick={props.onAnother} data-testid="import-another">
          {t('import.anotherFile')}
        </Button>
      }
    />
  );
}

/** "Update existing people" with what would change, field by field, before anything is written. */
function UpdatePreview(props: {
  updates: PersonUpdatePlan[];
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <div style={{ marginTop: 8 }}>
      <Checkbox
        data-testid="import-update-existing"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      >
        {t('import.update.offer', { count: props.updates.length })}
      </Checkbox>
      <ul data-testid="import-update-preview" style={{ margin: '4px 0 0', paddingLeft: 20 }}>
        {props.updates.map((u) => (
          <li key={u.personId} data-testid="import-update-row">
            {t('import.update.person', { name: u.name, no: u.employeeNo })}
            {u.changes
              .map((c) =>
                t('import.update.change', {
                  field: t(`import.columns.${c.field}`),
                  from: c.from || t('import.update.empty'),
                  to: c.to,
                }),
              )
              .join('；')}
          </li>
        ))}
      </ul>
    </div>
  );
}

function previewColumns(preview: Preview, t: TFunction): TableColumnsType<PreviewRow> {
  const cell = (col: CsvColumn) => ({
    title: t(`import.columns.${col}`),
    key: col,
    ellipsis: true,
    render: (_: unknown, r: PreviewRow) => r.cells[col] ?? '',
  });
  const shownColumns = preview.columns.filter((c) => c !== 'note');
  return [
    { title: t('import.line'), dataIndex: 'line', width: 64 },
    ...shownColumns.map(cell),
    importStatusColumn<PreviewRow>(NAMES, t, {
      width: 280,
      errorText: (e) => rowErrorText(e, t),
      warningText: (w) => t(`import.rowWarnings.${w.code}`, { ...w }),
    }),
  ];
}

function rowErrorText(e: CsvRowError, t: TFunction): string {
  const field = e.field ? t(`import.columns.${e.field}`, { defaultValue: e.field }) : '';
  return t(`import.rowErrors.${e.code}`, { field, max: e.max, firstLine: e.firstLine });
}

function fileErrorText(error: CsvFileError, t: TFunction): string {
  switch (error.code) {
    case 'missing-columns':
      return t('import.fileErrors.missing-columns', {
        columns: error.columns.map((c) => t(`import.columns.${c}`)).join('、'),
        headers: error.headers.join('、') || t('common.none'),
      });
    case 'duplicate-columns':
      return t('import.fileErrors.duplicate-columns', {
        columns: error.columns.map((c) => t(`import.columns.${c}`)).join('、'),
      });
    case 'unreadable':
      return t('import.fileErrors.unreadable', { detail: error.detail });
    case 'encoding':
      return t('import.fileErrors.encoding', { line: error.line });
    case 'empty':
      return t('import.fileErrors.empty');
  }
}
