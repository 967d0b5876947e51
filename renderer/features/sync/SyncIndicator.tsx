// The sync status in the header, always visible: connected or not, changes waiting, conflicts
// to review; its tooltip gives the reason and the last sync. A click opens the sync screen.
// Test ids: sync-indicator (data-state: off | connected | not-connected | running),
// sync-indicator-conflicts.
import { CloudOutlined, CloudSyncOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/ui';
import { useSyncStore } from '../../sync/controller';
import { formatWhen } from './format';

export function SyncIndicator() {
  const { t } = useTranslation();
  const navigate = useUiStore((s) => s.navigate);
  const { status, folderSet, running } = useSyncStore();
  const state = !folderSet ? 'off' : running ? 'running' : status?.connected ? 'connected' : 'not-connected';
  const label =
    state === 'off'
      ? t('sync.indicator.off')
      : state === 'running'
        ? t('sync.indicator.running')
        : state === 'connected'
          ? t('sync.indicator.connected')
          : t('sync.indicator.notConnected');
  const reason = status && !status.connected && status.reason ? t(`sync.status.reason.${status.reason}`) : '';
  const tip = [
    reason,
    status ? `${t('sync.status.lastSync')}: ${formatWhen(status.lastSyncAt) ?? t('sync.status.never')}` : '',
    t('sync.indicator.hint'),
  ]
    .filter(Boolean)
    .join(' · ');
  const icon =
    state === 'running' ? (
      <CloudSyncOutlined spin />
    ) : state === 'connected' ? (
      <CloudOutlined />
    ) : (
      <DisconnectOutlined />
    );
  return (
    <Tooltip title={tip}>
      <Button
        type="text"
        size="small"
        icon={icon}
        data-testid="sync-indicator"
        data-state={state}
        danger={state === 'not-connected'}
        onClick={() => navigate('settings', 'sync')}
      >
        {label}
        {status && status.waiting > 0 && folderSet && (
          <span style={{ marginInlineStart: 6, opacity: 0.75 }}>
            {t('sync.indicator.waiting', { count: status.waiting })}
          </span>
        )}
        {status && status.conflicts > 0 && (
          <Badge
            data-testid="sync-indicator-conflicts"
            count={t('sync.indicator.conflicts', { count: status.conflicts })}
            style={{ marginInlineStart: 6, backgroundColor: '#fa8c16' }}
          />
        )}
      </Button>
    </Tooltip>
  );
}
