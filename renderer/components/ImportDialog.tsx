// The parts every import dialog shares (people and departments from CSV, devices from CSV or
// XLSX), so that they look and answer the keyboard alike: choose a file, (the feature's own steps,
// such as the device column mapping), a preview of every row with what is wrong with it, confirm,
// a progress bar while it is written, and a report. Each feature keeps its own parsing, mapping,
// preview columns, write and report text; nothing here knows what is imported.
//
// Test ids, under the feature's prefix P (e.g. "import", "device-import"): P-dialog, P-file (the
// <input type=file>), P-pick, P-file-error, P-only-errors, P-preview-table, P-row (data-status,
// data-line), P-write-error, P-confirm, P-progress, P-another.
// Texts, under the feature's i18n prefix K: K.intro, K.pick, K.counts, K.onlyErrors, K.confirm,
// K.nothingToImport, K.status, K.ok, K.writing, K.anotherFile.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FileUpload } from './FileUpload';

/** Where a feature's import dialog keeps its test ids and texts. */
export interface ImportNames {
  /** Test-id prefix, e.g. "device-import". */
  testId: string;
  /** i18n key prefix, e.g. "deviceImport". */
  i18n: string;
}

/** What the shared preview needs of a checked row. */
export interface ImportRow {
  /** The row's line in the file, as the user sees it in a spreadsheet. */
  line: number;
  errors: readonly unknown[];
  warnings: readonly unknown[];
}

/**
 * The dialog's state: the feature's current step (its union must name the step that writes
 * "writing"), the "only rows with errors" switch and the last write's error. close() does nothing
 * while writing, and otherwise starts the next opening afresh from `first`.
 */
export function useImportSteps<Step extends { kind: string }>(first: Step, onClose: () => void) {
  const [step, setStep] = useState<Step>(first);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [writeError, setWriteError] = useState<string | null>(null);
  const writing = step.kind === 'writing';
  const close = () => {
    if (writing) return; // the write finishes (or rolls back) first
    setStep(first);
    setWriteError(null);
    setOnlyErrors(false);
    onClose();
  };
  return { step, setStep, onlyErrors, setOnlyErrors, writeError, setWriteError, writing, close };
}

/** Percent of the rows written so far, for the progress bar. */
export const importPercent = (done: number, total: number) =>
  total ? Math.round((done / total) * 100) : 100;

/**
 * The modal and its hidden file input. Esc and the close button do nothing while the import is
 * written: the write finishes (or rolls back) first. `children` gets the function that opens
 * the file chooser, for the "choose a file" and "another file" buttons.
 */
export function ImportDialog(props: {
  names: ImportNames;
  open: boolean;
  title: ReactNode;
  width: number;
  /** The file chooser's filter, e.g. ".csv,text/csv". */
  accept: string;
  writing: boolean;
  onFile: (file: File) => void;
  onClose: () => void;
  children: (pickFile: () => void) => ReactNode;
}) {
  // Held as state, not a ref: the chooser function is handed to the steps while rendering.
  // The screens' own buttons open the chooser of the Upload kept out of sight here.
  const [fileBox, setFileBox] = useState<HTMLDivElement | null>(null);
  const pickFile = () => fileBox?.querySelector<HTMLInputElement>('input[type="file"]')?.click();
  const { testId } = props.names;
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      footer={null}
      width={props.width}
      destroyOnHidden
      mask={{ closable: false }}
      keyboard={!props.writing}
      closable={!props.writing}
    >
      <div data-testid={`${testId}-dialog`}>
        <div ref={setFileBox} style={{ display: 'none' }}>
          <FileUpload accept={props.accept} testId={`${testId}-file`} onFile={props.onFile}>
            <span />
          </FileUpload>
        </div>
        {props.children(pickFile)}
      </div>
    </Modal>
  );
}

/** The first step: what the file should hold (`hints`, one list item each), and the button. */
export function ImportPickStep(props: {
  names: ImportNames;
  hints: ReactNode[];
  fileError: string | undefined;
  onPick: () => void;
}) {
  const { t } = useTranslation();
  const { testId, i18n } = props.names;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>{t(`${i18n}.intro`)}</Typography.Paragraph>
      <ul style={{ marginTop: 0 }}>
        {props.hints.map((hint, i) => (
          <li key={i}>{hint}</li>
        ))}
      </ul>
      {props.fileError && (
        <Alert type="error" showIcon data-testid={`${testId}-file-error`} title={props.fileError} />
      )}
      <Button
        type="primary"
        icon={<UploadOutlined />}
        onClick={props.onPick}
        data-testid={`${testId}-pick`}
        autoFocus
      >
        {t(`${i18n}.pick`)}
      </Button>
    </Space>
  );
}

/**
 * Every checked row before anything is written: the counts, a switch to see only the rows with
 * errors, the rows in the feature's columns, and the confirm button with how many rows import.
 */
export function ImportPreviewStep<Row extends ImportRow>(props: {
  names: ImportNames;
  /** Above the counts: which file, which encoding or format. */
  fileInfo: ReactNode;
  /** The parse's counts; all of them reach the K.counts text. */
  counts: { ok: number; error: number };
  countsTestId: string;
  /** Under the counts, e.g. the departments the import will create. */
  countsDetail?: ReactNode;
  writeError: string | null;
  onlyErrors: boolean;
  onOnlyErrorsChange: (onlyErrors: boolean) => void;
  rows: readonly Row[];
  columns: TableColumnsType<Row>;
  scroll: TableProps<Row>['scroll'];
  /** data-status of a row; by default "error" or "ok". */
  rowStatus?: (row: Row) => string;
  onConfirm: () => void;
  /** The button beside confirm: another file, or back to the mapping. */
  secondary: ReactNode;
}) {
  const { t } = useTranslation();
  const { testId, i18n } = props.names;
  const { counts, rows, onlyErrors } = props;
  const shown = useMemo(
    () => (onlyErrors ? rows.filter((r) => r.errors.length > 0) : rows),
    [rows, onlyErrors],
  );
  const rowStatus = props.rowStatus ?? ((r: Row) => (r.errors.length ? 'error' : 'ok'));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {props.fileInfo}
      <Alert
        data-testid={props.countsTestId}
        type={counts.error > 0 ? 'warning' : 'info'}
        showIcon
        title={t(`${i18n}.counts`, { ...counts })}
        description={props.countsDetail}
      />
      {props.writeError && (
        <Alert type="error" showIcon title={props.writeError} data-testid={`${testId}-write-error`} />
      )}
      <Space>
        <Switch
          size="small"
          checked={onlyErrors}
          onChange={props.onOnlyErrorsChange}
          data-testid={`${testId}-only-errors`}
          disabled={counts.error === 0}
        />
        <Typography.Text>{t(`${i18n}.onlyErrors`)}</Typography.Text>
      </Space>
      <Table<Row>
        data-testid={`${testId}-preview-table`}
        size="small"
        rowKey="line"
        columns={props.columns}
        dataSource={shown}
        pagination={{ defaultPageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={props.scroll}
        onRow={(r) =>
          ({
            'data-testid': `${testId}-row`,
            'data-status': rowStatus(r),
            'data-line': r.line,
          }) as HTMLAttributes<HTMLElement>
        }
      />
      <Space>
        <Button
          type="primary"
          data-testid={`${testId}-confirm`}
          disabled={counts.ok === 0}
          onClick={props.onConfirm}
          autoFocus
        >
          {counts.ok === 0 ? t(`${i18n}.nothingToImport`) : t(`${i18n}.confirm`, { count: counts.ok })}
        </Button>
        {props.secondary}
      </Space>
    </Space>
  );
}

/** The preview's last column: "ok", or each error (red) and warning (amber) of the row. */
export function importStatusColumn<Row extends ImportRow>(
  names: ImportNames,
  t: TFunction,
  options: {
    width: number;
    errorText: (error: Row['errors'][number]) => string;
    warningText: (warning: Row['warnings'][number]) => string;
  },
): TableColumnsType<Row>[number] {
  return {
    title: t(`${names.i18n}.status`),
    key: 'status',
    width: options.width,
    render: (_: unknown, r: Row) => (
      <div>
        {r.errors.length === 0 && <Tag color="green">{t(`${names.i18n}.ok`)}</Tag>}
        {r.errors.map((e, i) => (
          <div key={`e${i}`}>
            <Typography.Text type="danger">{options.errorText(e)}</Typography.Text>
          </div>
        ))}
        {r.warnings.map((w, i) => (
          <div key={`w${i}`}>
            <Typography.Text type="warning">{options.warningText(w)}</Typography.Text>
          </div>
        ))}
      </div>
    ),
  };
}

/** While the confirmed rows are written. */
export function ImportProgress(props: { names: ImportNames; percent: number }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`${props.names.testId}-progress`} style={{ padding: '24px 0' }}>
      <Typography.Text>{t(`${props.names.i18n}.writing`)}</Typography.Text>
      <Progress percent={props.percent} />
    </div>
  );
}

/** The report (`children`), then close (focused, so Enter closes) or import another file. */
export function ImportDoneStep(props: {
  names: ImportNames;
  onClose: () => void;
  onAnother: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {props.children}
      <Space>
        <Button type="primary" onClick={props.onClose} autoFocus>
          {t('common.close')}
        </Button>
        <Button data-testid={`${props.names.testId}-another`} onClick={props.onAnother}>
          {t(`${props.names.i18n}.anotherFile`)}
        </Button>
      </Space>
    </Space>
  );
}
