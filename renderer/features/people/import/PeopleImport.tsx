// The CSV import dialog: pick a file, see a preview of every row (ok, or what is wrong with it),
// the departments that will be created and the heads that will be set; nothing is written until
// the user confirms. Then everything is written at once (write-import.ts) with a progress bar,
// and a summary says what was imported and what was skipped.
// Test ids: import-dialog, import-file (the <input type=file>), import-pick, import-file-error,
// import-summary-counts, import-new-departments, import-only-errors, import-preview-table,
// import-row (each row; data-status ok|error), import-confirm, import-progress, import-done,
// import-another.
import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Modal,
  Progress,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useRef, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  decodeCsvBytes,
  parsePeopleCsv,
  type CsvColumn,
  type CsvEncoding,
  type CsvFileError,
  type CsvRowError,
  type CsvRowWarning,
  type PeopleCsvContext,
  type PeopleCsvResult,
} from '../../../../shared/import/people-csv';
import { useLedger } from '../../../app/ledger';
import { describeError } from '../../../i18n/errors';
import type { Directory } from '../directory';
import { describeHeads, writeImport, type ImportSummary } from './write-import';

const MAX_FILE_MB = 20;

type Preview = Extract<PeopleCsvResult, { ok: true }>;
type Step =
  | { kind: 'pick'; fileError?: string }
  | { kind: 'preview'; file: string; encoding: CsvEncoding; preview: Preview; context: PeopleCsvContext }
  | { kind: 'writing'; percent: number }
  | { kind: 'done'; summary: ImportSummary };

interface PreviewRow {
  line: number;
  cells: Partial<Record<CsvColumn, string>>;
  errors: CsvRowError[];
  warnings: CsvRowWarning[];
}

export function PeopleImport(props: { open: boolean; directory: Directory; onClose: () => void }) {
  const { t } = useTranslation();
  const { db, repo } = useLedger();
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [writeError, setWriteError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const close = () => {
    if (step.kind === 'writing') return; // the write finishes (or rolls back) first
    setStep({ kind: 'pick' });
    setWriteError(null);
    setOnlyErrors(false);
    props.onClose();
  };

  const readFile = async (file: File) => {
    if (file.size > MAX_FILE_MB * 1024 * 1024) {
      setStep({
        kind: 'pick',
        fileError: t('import.fileErrors.tooLarge', { size: (file.size / 1048576).toFixed(1) }),
      });
      return;
    }
    try {
      const { text, encoding } = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
      // The preview is checked against the directory as it is now; the write re-checks.
      const context: PeopleCsvContext = {
        existingPeople: props.directory.people,
        existingDepartments: props.directory.departments,
      };
      const result = parsePeopleCsv(text, context);
      if (!result.ok) setStep({ kind: 'pick', fileError: fileErrorText(result.error, t) });
      else setStep({ kind: 'preview', file: file.name, encoding, preview: result, context });
    } catch (err) {
      setStep({
        kind: 'pick',
        fileError: t('import.fileErrors.unreadable', { detail: describeError(err, t) }),
      });
    }
  };

  const confirm = async () => {
    if (step.kind !== 'preview') return;
    const { preview, context } = step;
    setWriteError(null);
    setStep({ kind: 'writing', percent: 0 });
    try {
      const summary = await writeImport(db, repo, preview, context, (done, total) =>
        setStep({ kind: 'writing', percent: total ? Math.round((done / total) * 100) : 100 }),
      );
      setStep({ kind: 'done', summary });
    } catch (err) {
      setWriteError(t('import.failed', { detail: describeError(err, t) }));
      setStep(step);
    }
  };

  return (
    <Modal
      open={props.open}
      title={t('import.title')}
      onCancel={close}
      footer={null}
      width={1000}
      destroyOnHidden
      mask={{ closable: false }}
      keyboard={step.kind !== 'writing'}
      closable={step.kind !== 'writing'}
    >
      <div data-testid="import-dialog">
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv"
          data-testid="import-file"
          style={{ display: 'none' }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // choosing the same file again must fire again
            if (file) void readFile(file);
          }}
        />
        {step.kind === 'pick' && (
          <PickStep fileError={step.fileError} onPick={() => fileInput.current?.click()} />
        )}
        {step.kind === 'preview' && (
          <PreviewStep
            step={step}
            onlyErrors={onlyErrors}
            setOnlyErrors={setOnlyErrors}
            writeError={writeError}
            onConfirm={() => void confirm()}
            onAnother={() => fileInput.current?.click()}
          />
        )}
        {step.kind === 'writing' && (
          <div data-testid="import-progress" style={{ padding: '24px 0' }}>
            <Typography.Text>{t('import.writing')}</Typography.Text>
            <Progress percent={step.percent} />
          </div>
        )}
        {step.kind === 'done' && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert
              type="success"
              showIcon
              data-testid="import-done"
              title={t('import.done', {
                people: step.summary.people,
                departments: step.summary.departments,
                skipped: step.summary.skipped,
              })}
            />
            <Space>
              <Button type="primary" onClick={close} autoFocus>
                {t('common.close')}
              </Button>
              <Button data-testid="import-another" onClick={() => setStep({ kind: 'pick' })}>
                {t('import.anotherFile')}
              </Button>
            </Space>
          </Space>
        )}
      </div>
    </Modal>
  );
}

function PickStep({ fileError, onPick }: { fileError: string | undefined; onPick: () => void }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>{t('import.intro')}</Typography.Paragraph>
      <ul style={{ marginTop: 0 }}>
        <li>{t('import.columnsPeople')}</li>
        <li>{t('import.columnsDepartments')}</li>
      </ul>
      {fileError && <Alert type="error" showIcon data-testid="import-file-error" title={fileError} />}
      <Button type="primary" icon={<UploadOutlined />} onClick={onPick} data-testid="import-pick" autoFocus>
        {t('import.pick')}
      </Button>
    </Space>
  );
}

function PreviewStep(props: {
  step: Extract<Step, { kind: 'preview' }>;
  onlyErrors: boolean;
  setOnlyErrors: (v: boolean) => void;
  writeError: string | null;
  onConfirm: () => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const { preview, context, file, encoding } = props.step;
  const newDepartments = preview.departments.filter((d) => d.existingId === null).map((d) => d.name);
  const heads = describeHeads(preview.departments, preview, context);
  const rows: PreviewRow[] = preview.rows;
  const shown = useMemo(
    () => (props.onlyErrors ? rows.filter((r) => r.errors.length > 0) : rows),
    [rows, props.onlyErrors],
  );
  const columns = previewColumns(preview, t);
  const importable = preview.counts.ok;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {t('import.fileInfo', { file, encoding: encoding.toUpperCase() })} ·{' '}
        {t(`import.kind.${preview.kind}`)}
      </Typography.Text>
      <Alert
        data-testid="import-summary-counts"
        type={preview.counts.error > 0 ? 'warning' : 'info'}
        showIcon
        title={t('import.counts', preview.counts)}
        description={
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
          </div>
        }
      />
      {props.writeError && (
        <Alert type="error" showIcon title={props.writeError} data-testid="import-write-error" />
      )}
      <Space>
        <Switch
          size="small"
          checked={props.onlyErrors}
          onChange={props.setOnlyErrors}
          data-testid="import-only-errors"
          disabled={preview.counts.error === 0}
        />
        <Typography.Text>{t('import.onlyErrors')}</Typography.Text>
      </Space>
      <Table<PreviewRow>
        data-testid="import-preview-table"
        size="small"
        rowKey="line"
        columns={columns}
        dataSource={shown}
        pagination={{ defaultPageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ y: 360 }}
        onRow={(r) =>
          ({
            'data-testid': 'import-row',
            'data-status': r.errors.length ? 'error' : 'ok',
          }) as HTMLAttributes<HTMLElement>
        }
      />
      <Space>
        <Button
          type="primary"
          data-testid="import-confirm"
          disabled={importable === 0}
          onClick={props.onConfirm}
          autoFocus
        >
          {importable === 0 ? t('import.nothingToImport') : t('import.confirm', { count: importable })}
        </Button>
        <Button onClick={props.onAnother} data-testid="import-another">
          {t('import.anotherFile')}
        </Button>
      </Space>
    </Space>
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
    {
      title: t('import.status'),
      key: 'status',
      width: 280,
      render: (_: unknown, r: PreviewRow) => (
        <div>
          {r.errors.length === 0 && <Tag color="green">{t('import.ok')}</Tag>}
          {r.errors.map((e, i) => (
            <div key={`e${i}`}>
              <Typography.Text type="danger">{rowErrorText(e, t)}</Typography.Text>
            </div>
          ))}
          {r.warnings.map((w, i) => (
            <div key={`w${i}`}>
              <Typography.Text type="warning">{t(`import.rowWarnings.${w.code}`, { ...w })}</Typography.Text>
            </div>
          ))}
        </div>
      ),
    },
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
    case 'empty':
      return t('import.fileErrors.empty');
  }
}
