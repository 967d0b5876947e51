// The sync screen (Settings → Sync): the shared folder, "Sync" on demand, initialising a new
// sync folder (first PC only, explicit), the full status (reason, last sync, changes waiting,
// conflicts, set-aside changes, PCs seen, skipped files) and the conflicts to review. Problems
// read in the UI language (sync-errors.ts); an unknown one keeps its technical detail.
// Test ids: sync-folder, sync-folder-save, sync-folder-error, sync-now, sync-init, sync-join,
// sync-status (data-connected), sync-status-reason, sync-error, sync-problem-known,
// sync-problem-detail, sync-progress (a join over several rounds), sync-waiting,
// sync-conflict-count, sync-peers, conflict-row,
// conflict-record (conflict-table: the kind of record, conflict-record-name: its number or name),
// conflict-field (the field's label), conflict-losing, conflict-winning, conflict-restore,
// conflict-keep.
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getNetdesk } from '../../api/netdesk';
import { useLedger } from '../../app/ledger';
import type { StoredSyncConflict } from '../../db/schema';
import { describeError } from '../../i18n/errors';
import { syncFailedLine, syncProblemText } from './sync-errors';
import { useSettingsStore } from '../../store/settings';
import { useSyncStore } from '../../sync/controller';
import {
  CONFLICT_PARENT,
  conflictFieldKeys,
  conflictRecordName,
  formatByteProgress,
  formatWhen,
  isSecretField,
} from './format';

type Fields = Record<string, unknown> | undefined;
import { usePcName, useSyncController } from './SyncProvider';
import { EmptyState } from '../../components/EmptyState';
import { SyncViaCard } from './WebDavCard';

/** Absolute path: a drive (C:\ or C:/), a UNC path (\\server\share), or a POSIX path (/mnt/…). */
export function isAbsoluteFolder(path: string): boolean {
  return (
    /^[a-zA-Z]:[\\/]/.test(path) ||
    /^\\\\[^\\]+\\[^\\]+/.test(path) ||
    /^\/\/[^/]+\/[^/]+/.test(path) ||
    /^\/(?!\/)/.test(path)
  );
}

export function SyncPanel() {
  const saved = useSettingsStore((s) => s.settings.syncFolder);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <SyncViaCard folderCard={<FolderCard key={saved} saved={saved} />} />
      <StatusCard />
      <ConflictsCard />
    </Space>
  );
}

/**
 * The shared folder in force. It is never typed here (the page may not send a path): the desktop
 * app asks the main process to show its folder dialog; browser mode takes it from the terminal
 * that starts NetDesk (npm start -- --sync-folder PATH). Either can turn sync off.
 */
function FolderCard({ saved }: { saved: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mode = useSettingsStore((s) => s.appInfo?.mode);
  const chooseFolder = useSettingsStore((s) => s.chooseFolder);
  const [error, setError] = useState<string | null>(null);

  const choose = async (choice: 'dialog' | 'off') => {
    setError(null);
    try {
      if (await chooseFolder(getNetdesk(), { which: 'sync', choice }))
        void message.success(t('sync.folderSaved'));
    } catch (err) {
      setError(describeError(err, t));
    }
  };

  return (
    <Card title={t('sync.folder')}>
      <Typography.Paragraph type="secondary">{t('sync.folderHelp')}</Typography.Paragraph>
      <Typography.Paragraph data-testid="sync-folder" copyable={saved !== ''}>
        {saved || t('sync.folderNone')}
      </Typography.Paragraph>
      <Space wrap>
        {mode === 'electron' && (
          <Button data-testid="sync-folder-choose" onClick={() => void choose('dialog')}>
            {t('settings.folderChoose')}
          </Button>
        )}
        {saved !== '' && (
          <Popconfirm title={t('sync.folderOffConfirm')} onConfirm={() => void choose('off')}>
            <Button data-testid="sync-folder-off">{t('sync.folderOff')}</Button>
          </Popconfirm>
        )}
      </Space>
      {mode === 'browser' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('sync.folderBrowserHelp')}
        </Typography.Paragraph>
      )}
      {error && (
        <Typography.Text type="danger" data-testid="sync-folder-error">
          {error}
        </Typography.Text>
      )}
    </Card>
  );
}

/** The service's detail: a known problem as a sentence, anything else as its technical detail. */
function ProblemDetail({ detail }: { detail: string }) {
  const { t } = useTranslation();
  const { known } = syncProblemText(detail, t);
  return known ? (
    <span data-testid="sync-problem-known">{known}</span>
  ) : (
    <Typography.Text type="secondary" data-testid="sync-problem-detail">
      {t('sync.errors.technical', { detail })}
    </Typography.Text>
  );
}

/** A failed sync: a headline in the UI language, the problem (or its raw detail) under it. */
function SyncErrorAlert({ detail }: { detail: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="sync-error"
      title={t('sync.errors.headline')}
      description={<ProblemDetail detail={detail} />}
      style={{ marginBottom: 12 }}
    />
  );
}

function StatusCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const controller = useSyncController();
  const name = usePcName();
  const { status, folderSet, running, error, progress } = useSyncStore();

  const run = async (options: { initFolder?: boolean; joinOtherRoot?: boolean }) => {
    if (!controller) return;
    const connected = await controller.sync({ name, ...options });
    const after = useSyncStore.getState();
    if (after.error) void message.error(syncFailedLine(after.error, t));
    else if (connected) void message.success(t('sync.syncDone'));
  };

  return (
    <Card
      title={t('sync.status.title')}
      data-testid="sync-status"
      data-connected={String(Boolean(status?.connected))}
      extra={
        <Space>
          {status?.reason === 'other-root' && (
            <Popconfirm title={t('sync.joinConfirm')} onConfirm={() => void run({ joinOtherRoot: true })}>
              <Button data-testid="sync-join">{t('sync.join')}</Button>
            </Popconfirm>
          )}
          {folderSet && (status?.reason === 'no-root' || status?.reason === 'unreachable') && (
            <Popconfirm
              title={t('sync.initConfirm')}
              okButtonProps={{ 'data-testid': 'sync-init-confirm' }}
              onConfirm={() => void run({ initFolder: true })}
            >
              <Button data-testid="sync-init">{t('sync.init')}</Button>
            </Popconfirm>
          )}
          <Button
            type="primary"
            data-testid="sync-now"
            loading={running}
            disabled={!folderSet || !controller}
            onClick={() => void run({})}
          >
            {t('sync.syncNow')}
          </Button>
        </Space>
      }
    >
      {!folderSet && <Alert type="info" showIcon title={t('sync.status.off')} style={{ marginBottom: 12 }} />}
      {error && <SyncErrorAlert detail={error} />}
      {running && progress && (
        // A PC catching up (a first join) over several rounds: bytes read of those to read.
        <div data-testid="sync-progress" style={{ marginBottom: 12 }}>
          <Typography.Text>
            {t('sync.progress', formatByteProgress(progress.doneBytes, progress.totalBytes))}
          </Typography.Text>
          <Progress percent={Math.floor((100 * progress.doneBytes) / progress.totalBytes)} size="small" />
        </div>
      )}
      {folderSet && status && !status.connected && (
        <Alert
          data-testid="sync-status-reason"
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={status.reason ? t(`sync.status.reason.${status.reason}`) : t('sync.status.notConnected')}
          description={status.detail ? <ProblemDetail detail={status.detail} /> : undefined}
        />
      )}
      {status && (
        <Descriptions
          column={2}
          size="small"
          items={[
            {
              key: 'state',
              label: t('sync.status.title'),
              children: status.connected ? (
                <Tag color="green">{t('sync.status.connected')}</Tag>
              ) : (
                <Tag color="orange">{t('sync.status.notConnected')}</Tag>
              ),
            },
            {
              key: 'last',
              label: t('sync.status.lastSync'),
              children: formatWhen(status.lastSyncAt) ?? t('sync.status.never'),
            },
            {
              key: 'waiting',
              label: t('sync.status.waiting'),
              children: <span data-testid="sync-waiting">{status.waiting}</span>,
            },
            {
              key: 'conflicts',
              label: t('sync.status.conflicts'),
              children: <span data-testid="sync-conflict-count">{status.conflicts}</span>,
            },
            {
              key: 'setAside',
              label: t('sync.status.setAside'),
              children: <span title={t('sync.status.setAsideHint')}>{status.setAside}</span>,
            },
          ]}
        />
      )}
      {status && status.peers.length > 0 && (
        <>
          <Typography.Title level={5}>{t('sync.status.peers')}</Typography.Title>
          <Table
            data-testid="sync-peers"
            size="small"
            pagination={false}
            rowKey="nodeId"
            dataSource={status.peers}
            columns={[
              {
                title: t('sync.status.peerName'),
                dataIndex: 'name',
                render: (v: string, p) => v || p.nodeId,
              },
              {
                title: t('sync.status.peerLastSync'),
                dataIndex: 'lastSyncAt',
                render: (v: string | null) => formatWhen(v) ?? t('sync.status.never'),
              },
            ]}
          />
        </>
      )}
      {status && status.warnings.length > 0 && (
        <Alert
          type="warning"
          style={{ marginTop: 12 }}
          title={t('sync.status.warnings')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {status.warnings.slice(0, 20).map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}

function ConflictsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { db, repo } = useLedger();
  const controller = useSyncController();
  const rows = useLiveQuery(async () => {
    const open = await db.syncConflicts.where('state').equals('open').toArray();
    open.sort((a, b) => (a.detectedAt < b.detectedAt ? 1 : -1));
    const names = await Promise.all(
      open.map(async (c) => {
        const record = (await db.table(c.table).get(c.recordId)) as Fields;
        const link = CONFLICT_PARENT[c.table];
        const parentId = link ? record?.[link.field] : undefined;
        const parent =
          link && typeof parentId === 'string'
            ? ((await db.table(link.table).get(parentId)) as Fields)
            : undefined;
        return conflictRecordName(c.table, record, parent);
      }),
    );
    return open.map((c, i) => ({ ...c, name: names[i] ?? null }));
  }, [db]);
  const shown = (c: StoredSyncConflict, value: unknown) =>
    isSecretField(c.table, c.field)
      ? t('sync.conflicts.secretHidden')
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);

  const resolve = async (conflict: StoredSyncConflict, restore: boolean) => {
    try {
      if (restore) {
        await repo.update(conflict.table, conflict.recordId, {
          [conflict.field]: conflict.losingValue,
        });
      }
      await db.syncConflicts.update(conflict.key, {
        state: restore ? 'restored' : 'dismissed',
        resolvedAt: new Date().toISOString(),
      });
      void message.success(restore ? t('sync.conflicts.restored') : t('sync.conflicts.kept'));
      void controller?.refreshStatus();
    } catch (err) {
      void message.error(describeError(err, t));
    }
  };

  return (
    <Card title={t('sync.conflicts.title')} data-testid="sync-conflicts">
      <Typography.Paragraph type="secondary">{t('sync.conflicts.hint')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="key"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState message={t('emptyState.conflicts')} /> }}
        dataSource={rows ?? []}
        onRow={() => ({ 'data-testid': 'conflict-row' }) as object}
        columns={[
          {
            title: t('sync.conflicts.record'),
            key: 'record',
            render: (_, c) => (
              <span data-testid="conflict-record">
                <Tag data-testid="conflict-table">{t(`sync.tables.${c.table}`)}</Tag>
                <span data-testid="conflict-record-name">
                  {c.name ?? t('sync.conflicts.notHere', { id: c.recordId.slice(0, 8) })}
                </span>
              </span>
            ),
          },
          {
            title: t('sync.conflicts.field'),
            key: 'field',
            render: (_, c) => (
              <span data-testid="conflict-field">
                {t(conflictFieldKeys(c.table, c.field), { defaultValue: c.field })}
              </span>
            ),
          },
          {
            title: t('sync.conflicts.losing'),
            key: 'losing',
            render: (_, c) => <span data-testid="conflict-losing">{shown(c, c.losingValue)}</span>,
          },
          {
            title: t('sync.conflicts.winning'),
            key: 'winning',
            render: (_, c) => <span data-testid="conflict-winning">{shown(c, c.winningValue)}</span>,
          },
          {
            title: t('sync.conflicts.detectedAt'),
            dataIndex: 'detectedAt',
            render: (v: string) => formatWhen(v),
          },
          {
            key: 'actions',
            render: (_, c) => (
              <Space>
                <Button size="small" data-testid="conflict-restore" onClick={() => void resolve(c, true)}>
                  {t('sync.conflicts.restore')}
                </Button>
                <Button
                  size="small"
                  type="text"
                  data-testid="conflict-keep"
                  onClick={() => void resolve(c, false)}
                >
                  {t('sync.conflicts.keep')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
