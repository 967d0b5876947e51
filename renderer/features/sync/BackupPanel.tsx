// The backups screen (Settings → Backups): back up now (written, read back and verified by the
// main process), this PC's choice whether its own backups include device passwords (off by
// default), the backups kept on this PC, exporting a backup file (passwords only when ticked,
// each time), and importing a backup file: pick → check → preview (which says whether it holds
// device passwords) → choose "into an empty ledger" or "merge" → import with progress → summary.
// A backup file of any size: it is read in pieces twice (check, then import; renderer/db/backup-stream.ts),
// never as one string, and the export is saved from a Blob of parts.
// Test ids: backup-now, backup-include-secrets, backup-list, backup-row (data-secrets),
// backup-export, backup-export-secrets, backup-export-go, backup-import-file, backup-preview,
// backup-preview-secrets (data-included), backup-import-mode, backup-import-start,
// backup-import-summary, backup-import-error.
import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Modal,
  Progress,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupCheckResult, BackupPreview } from '../../../shared/backup-check';
import type { BackupListResult } from '../../../shared/sync-ipc';
import { getNetdesk } from '../../api/netdesk';
import { useLedger } from '../../app/ledger';
import { FileUpload } from '../../components/FileUpload';
import type { ImportMode, ImportSummary } from '../../db/backup';
import { checkBackupFile, restoreBackupFile, type CheckProgress } from '../../db/backup-stream';
import { describeError } from '../../i18n/errors';
import {
  exportBackupFile,
  readBackupSecretsChoice,
  saveBackupSecretsChoice,
  saveLedgerBackup,
} from '../../sync/backup';
import { formatBytes, formatWhen } from './format';
import { usePcName, useSyncController } from './SyncProvider';
import { EmptyState } from '../../components/EmptyState';

export function BackupPanel() {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <BackupsCard />
      <ImportCard />
    </Space>
  );
}

function BackupsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { db } = useLedger();
  const name = usePcName();
  const [list, setList] = useState<BackupListResult | null>(null);
  const [running, setRunning] = useState(false);

  const [exporting, setExporting] = useState(false);
  const includeSecrets = useLiveQuery(() => readBackupSecretsChoice(db), [db]);

  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  useEffect(() => {
    let live = true;
    getNetdesk()
      .listBackups()
      .then(
        (found) => {
          if (live) setList(found);
        },
        (err: unknown) => void message.error(describeError(err, t)),
      );
    return () => {
      live = false;
    };
  }, [version, message, t]);

  const backupNow = async () => {
    setRunning(true);
    try {
      const result = await saveLedgerBackup(db, getNetdesk(), { sourceName: name });
      void message.success(t('backup.saved', { path: result.path ?? '' }));
      if (result.sharedPath) void message.info(t('backup.sharedCopy', { path: result.sharedPath }));
      if (result.sharedProblem)
        void message.warning(t('backup.sharedProblem', { detail: result.sharedProblem }));
    } catch (err) {
      void message.error(t('backup.failed', { detail: describeError(err, t) }));
    } finally {
      setRunning(false);
      reload();
    }
  };

  return (
    <Card
      title={t('backup.title')}
      extra={
        <Space>
          <Button data-testid="backup-export" onClick={() => setExporting(true)}>
            {t('backup.export.button')}
          </Button>
          <Button type="primary" data-testid="backup-now" loading={running} onClick={() => void backupNow()}>
            {running ? t('backup.running') : t('backup.now')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('backup.hint')}</Typography.Paragraph>
      <Typography.Paragraph>
        <Checkbox
          data-testid="backup-include-secrets"
          checked={includeSecrets === true}
          disabled={includeSecrets === undefined}
          onChange={(e) => {
            const on = e.target.checked;
            saveBackupSecretsChoice(db, on).then(
              () => void message.info(on ? t('backup.includeSecretsOn') : t('backup.includeSecretsOff')),
              (err: unknown) => void message.error(describeError(err, t)),
            );
          }}
        >
          {t('backup.includeSecrets')}
        </Checkbox>
        <br />
        <Typography.Text type="secondary">{t('backup.includeSecretsHelp')}</Typography.Text>
      </Typography.Paragraph>
      {list && (
        <Typography.Paragraph>
          <Typography.Text copyable={{ text: list.dir }}>
            {t('backup.dir', { dir: list.dir })}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      <Table
        data-testid="backup-list"
        size="small"
        rowKey="name"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState message={t('emptyState.backups')} /> }}
        dataSource={list?.backups ?? []}
        onRow={(b) => ({ 'data-testid': 'backup-row', 'data-secrets': String(b.includesSecrets) }) as object}
        columns={[
          { title: t('backup.takenAt'), dataIndex: 'takenAt' },
          {
            title: t('backup.name'),
            dataIndex: 'name',
            render: (v: string, b) => (
              <span>
                {v} {b.includesSecrets && <Tag color="orange">{t('backup.secretsTag')}</Tag>}
              </span>
            ),
          },
          { title: t('backup.size'), dataIndex: 'size', render: (v: number) => formatBytes(v) },
        ]}
      />
      {exporting && <ExportDialog sourceName={name} onClose={() => setExporting(false)} />}
    </Card>
  );
}

/** Export a backup file; device passwords only when ticked, off each time the dialog opens. */
function ExportDialog({ sourceName, onClose }: { sourceName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { db } = useLedger();
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [busy, setBusy] = useState(false);

  const go = async () => {
    setBusy(true);
    try {
      const { fileName, blob } = await exportBackupFile(db, { includeSecrets, sourceName });
      downloadBlob(blob, fileName);
      void message.success(t('backup.export.done', { file: fileName }));
      onClose();
    } catch (err) {
      void message.error(t('backup.export.failed', { detail: describeError(err, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('backup.export.title')}
      okText={t('backup.export.go')}
      okButtonProps={{ 'data-testid': 'backup-export-go', loading: busy, danger: includeSecrets }}
      cancelText={t('backup.import.cancel')}
      onOk={() => void go()}
      onCancel={onClose}
    >
      <Typography.Paragraph>{t('backup.export.body')}</Typography.Paragraph>
      <Checkbox
        data-testid="backup-export-secrets"
        checked={includeSecrets}
        onChange={(e) => setIncludeSecrets(e.target.checked)}
      >
        {t('backup.export.includeSecrets')}
      </Checkbox>
      {includeSecrets && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('backup.export.secretsWarning')} />
      )}
    </Modal>
  );
}

/** Offer a file download from the page (Electron window and browser mode alike). */
function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type CheckedBackup = Extract<BackupCheckResult, { ok: true }>;

type ImportState =
  | { step: 'idle' }
  | { step: 'checking'; progress: CheckProgress | null }
  | { step: 'invalid'; problems: string[] }
  | { step: 'preview'; checked: CheckedBackup; file: File }
  | { step: 'importing'; done: number; total: number }
  | { step: 'done'; summary: ImportSummary }
  | { step: 'failed'; detail: string };

function ImportCard() {
  const { t } = useTranslation();
  const { db } = useLedger();
  const controller = useSyncController();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [mode, setMode] = useState<ImportMode>('merge');
  // A file picked while another is still being checked wins: the older check's reports are dropped.
  const picked = useRef(0);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    const turn = ++picked.current;
    const show = (next: ImportState) => {
      if (picked.current === turn) setState(next);
    };
    show({ step: 'checking', progress: null });
    try {
      const checked = await checkBackupFile(file, {
        onProgress: (progress) => show({ step: 'checking', progress }),
      });
      if (!checked.ok) show({ step: 'invalid', problems: checked.problems });
      else show({ step: 'preview', checked, file });
    } catch (err) {
      // The file could not be read at all (removed, unreadable share).
      show({ step: 'failed', detail: describeError(err, t) });
    }
  };

  const start = async (checked: CheckedBackup, file: File) => {
    const total = checked.preview.totalRecords + checked.preview.attachments;
    setState({ step: 'importing', done: 0, total });
    try {
      const summary = await restoreBackupFile(db, file, checked, {
        mode,
        onProgress: ({ done, total }) => setState({ step: 'importing', done, total }),
      });
      setState({ step: 'done', summary });
      void controller?.refreshStatus();
    } catch (err) {
      setState({ step: 'failed', detail: describeError(err, t) });
    }
  };

  return (
    <Card title={t('backup.import.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <FileUpload
          accept=".json,application/json"
          testId="backup-import-file"
          onFile={(file) => void pick(file)}
        >
          <Button icon={<UploadOutlined />} data-testid="backup-import-choose">
            {t('backup.import.choose')}
          </Button>
        </FileUpload>
        {state.step === 'checking' && <Checking progress={state.progress} />}
        {state.step === 'invalid' && (
          <Alert
            data-testid="backup-import-error"
            type="error"
            showIcon
            title={t('backup.import.invalid', { detail: state.problems.slice(0, 3).join('; ') })}
          />
        )}
        {state.step === 'preview' && (
          <Preview
            preview={state.checked.preview}
            mode={mode}
            setMode={setMode}
            onStart={() => void start(state.checked, state.file)}
            onCancel={() => setState({ step: 'idle' })}
          />
        )}
        {state.step === 'importing' && (
          <div>
            <Progress percent={Math.round((100 * state.done) / Math.max(1, state.total))} />
            <Typography.Text>
              {t('backup.import.progress', { done: state.done, total: state.total })}
            </Typography.Text>
          </div>
        )}
        {state.step === 'done' && (
          <Alert
            data-testid="backup-import-summary"
            type="success"
            showIcon
            title={t('backup.import.summary', {
              added: state.summary.added,
              updated: state.summary.updated,
              unchanged: state.summary.unchanged,
              attachments: state.summary.attachmentsAdded,
            })}
            description={
              <>
                {state.summary.duplicates.length > 0 && (
                  <div>{t('backup.import.duplicates', { count: state.summary.duplicates.length })}</div>
                )}
                {state.summary.problems.length > 0 && (
                  <div>{t('backup.import.problems', { count: state.summary.problems.length })}</div>
                )}
              </>
            }
          />
        )}
        {state.step === 'failed' && (
          <Alert
            data-testid="backup-import-error"
            type="error"
            showIcon
            title={t('backup.import.failed', { detail: state.detail })}
          />
        )}
      </Space>
    </Card>
  );
}

/** The check pass: the file read so far, and the records checked. */
function Checking({ progress }: { progress: CheckProgress | null }) {
  const { t } = useTranslation();
  if (!progress) return <Typography.Text>{t('backup.import.reading')}</Typography.Text>;
  const { bytes, totalBytes, records } = progress;
  return (
    <div>
      {totalBytes ? <Progress percent={Math.floor((100 * bytes) / Math.max(1, totalBytes))} /> : null}
      <Typography.Text>
        {t('backup.import.checking', {
          done: formatBytes(bytes),
          total: totalBytes === null ? '?' : formatBytes(totalBytes),
          records,
        })}
      </Typography.Text>
    </div>
  );
}

function Preview({
  preview,
  mode,
  setMode,
  onStart,
  onCancel,
}: {
  preview: BackupPreview;
  mode: ImportMode;
  setMode: (mode: ImportMode) => void;
  onStart: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const tables = Object.entries(preview.tables).filter(([, n]) => n.live + n.deleted > 0);
  return (
    <div data-testid="backup-preview">
      <Typography.Title level={5}>{t('backup.import.preview')}</Typography.Title>
      <Descriptions
        column={2}
        size="small"
        items={[
          { key: 'at', label: t('backup.import.exportedAt'), children: formatWhen(preview.exportedAt) },
          {
            key: 'source',
            label: t('backup.import.source'),
            children: preview.source?.name ?? preview.source?.nodeId ?? '—',
          },
          { key: 'records', label: t('backup.import.records'), children: preview.totalRecords },
          {
            key: 'attachments',
            label: t('backup.import.attachments'),
            children: `${preview.attachments} (${formatBytes(preview.attachmentBytes)})`,
          },
          {
            key: 'secrets',
            label: t('backup.import.secrets'),
            span: 2,
            children: (
              <Typography.Text
                data-testid="backup-preview-secrets"
                data-included={String(preview.includesSecrets)}
                type={preview.includesSecrets ? 'warning' : 'secondary'}
              >
                {preview.includesSecrets ? t('backup.import.secretsYes') : t('backup.import.secretsNo')}
              </Typography.Text>
            ),
          },
          ...tables.map(([table, n]) => ({
            key: table,
            label: table,
            children: t('backup.import.tableLive', { live: n.live, deleted: n.deleted }),
          })),
        ]}
      />
      <Typography.Text strong>{t('backup.import.mode')}</Typography.Text>
      <Radio.Group
        data-testid="backup-import-mode"
        value={mode}
        onChange={(e) => setMode(e.target.value as ImportMode)}
        style={{ display: 'flex', flexDirection: 'column', margin: '8px 0 12px' }}
      >
        <Radio value="empty">{t('backup.import.modeEmpty')}</Radio>
        <Radio value="merge">{t('backup.import.modeMerge')}</Radio>
      </Radio.Group>
      <Space>
        <Button type="primary" data-testid="backup-import-start" onClick={onStart}>
          {t('backup.import.start')}
        </Button>
        <Button onClick={onCancel}>{t('backup.import.cancel')}</Button>
      </Space>
    </div>
  );
}
