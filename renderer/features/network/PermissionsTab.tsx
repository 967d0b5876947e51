// Who holds which IM program on which computer, per department: requests, grants and revocations,
// each with its guarantee (保证申请书) printed from the row. "Held now only" lists the permissions
// granted and not revoked, grouped by department.
// Test ids: permission-add, permission-held-only, permission-row (each; data-software,
// data-status), permission-grant, permission-revoke, permission-edit, permission-print, the scan's
// ids (GuaranteeScan.tsx); the
// form's ids are listed in PermissionForm.tsx.
import { App, Button, Card, Space, Switch, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { permissionStatus, type PermissionStatus } from '../../../shared/network/guarantee';
import type { ImPermission } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { describeError } from '../../i18n/errors';
import { formatTime } from '../../i18n/dates';
import { GuaranteeScan } from './GuaranteeScan';
import { PermissionForm } from './PermissionForm';
import { printGuarantee, readPermissionDirectory, savePermission } from './permissions-data';
import { EmptyState } from '../../components/EmptyState';

const STATUS_COLORS: Record<PermissionStatus, string> = {
  requested: 'gold',
  granted: 'green',
  revoked: 'default',
};

export function PermissionsTab() {
  const { t } = useTranslation();
  const { db, repo } = useLedger();
  const { message, modal } = App.useApp();
  const directory = useLiveQuery(() => readPermissionDirectory(db), [db]);
  const [heldOnly, setHeldOnly] = useState(false);
  const [editing, setEditing] = useState<{
    permission: ImPermission | null;
    revoking?: boolean;
    granting?: boolean;
  } | null>(null);

  const personOf = (p: ImPermission) => directory?.people.get(p.personId);
  const departmentOf = (p: ImPermission) => {
    const dept = personOf(p)?.departmentId;
    return dept ? (directory?.departments.get(dept)?.name ?? '') : '';
  };
  const computerOf = (p: ImPermission) =>
    directory?.computers.find((c) => c.id === p.deviceId)?.assetTag ?? '';

  const rows = useMemo(() => {
    const all = directory?.permissions ?? [];
    if (!heldOnly) return all;
    return all
      .filter((p) => permissionStatus(p) === 'granted')
      .sort((a, b) => departmentOf(a).localeCompare(departmentOf(b), 'zh-CN'));
  }, [directory, heldOnly]); // eslint-disable-line react-hooks/exhaustive-deps -- departmentOf reads directory

  const grant = async (p: ImPermission) => {
    // Not yet signed on paper: the form asks for the signing dates with the grant time filled in.
    if (!p.guaranteeSignedOn || !p.deptHeadSignedOn) {
      setEditing({ permission: p, granting: true });
      return;
    }
    try {
      await savePermission(repo, { ...p, grantedAt: new Date().toISOString() }, p.id);
      void message.success(t('network.permissions.saved'));
    } catch (err) {
      void message.error(describeError(err, t));
    }
  };

  const print = async (p: ImPermission) => {
    try {
      const printed = await printGuarantee(
        db,
        p,
        personOf(p)?.name ?? '',
        async (chars) =>
          await modal.confirm({
            title: t('network.permissions.missingTitle'),
            content: t('network.permissions.missingBody', { chars: chars.join('、') }),
            okText: t('network.permissions.printAnyway'),
            cancelText: t('common.cancel'),
          }),
      );
      if (printed?.ok && printed.saved)
        void message.success(t('network.permissions.printed', { file: printed.fileName ?? '' }));
    } catch (err) {
      void message.error(t('network.permissions.printFailed', { detail: describeError(err, t) }));
    }
  };

  return (
    <Card>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" data-testid="permission-add" onClick={() => setEditing({ permission: null })}>
          {t('network.permissions.add')}
        </Button>
        <Switch data-testid="permission-held-only" checked={heldOnly} onChange={setHeldOnly} />
        <Typography.Text>{t('network.permissions.heldOnly')}</Typography.Text>
      </Space>
      <Table<ImPermission>
        size="small"
        rowKey="id"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={rows}
        loading={directory === undefined}
        locale={{ emptyText: <EmptyState message={t('emptyState.permissions')} /> }}
        onRow={(p) =>
          ({
            'data-testid': 'permission-row',
            'data-software': p.software,
            'data-status': permissionStatus(p),
          }) as never
        }
        columns={[
          {
            key: 'department',
            title: t('network.permissions.columns.department'),
            render: (_, p) => departmentOf(p),
          },
          {
            key: 'person',
            title: t('network.permissions.columns.person'),
            render: (_, p) => personOf(p)?.name ?? '',
          },
          {
            key: 'computer',
            title: t('network.permissions.columns.computer'),
            render: (_, p) => computerOf(p),
          },
          { key: 'software', title: t('network.permissions.columns.software'), dataIndex: 'software' },
          {
            key: 'status',
            title: t('network.permissions.columns.status'),
            render: (_, p) => {
              const s = permissionStatus(p);
              return <Tag color={STATUS_COLORS[s]}>{t(`network.permissions.status.${s}`)}</Tag>;
            },
          },
          {
            key: 'granted',
            title: t('network.permissions.columns.granted'),
            render: (_, p) => formatTime(p.grantedAt),
          },
          {
            key: 'revoked',
            title: t('network.permissions.columns.revoked'),
            render: (_, p) => (p.revokedAt ? `${formatTime(p.revokedAt)} ${p.revokeReason}` : ''),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, p) => {
              const s = permissionStatus(p);
              return (
                <Space wrap>
                  {s === 'requested' && (
                    <Button size="small" data-testid="permission-grant" onClick={() => void grant(p)}>
                      {t('network.permissions.grant')}
                    </Button>
                  )}
                  {s === 'granted' && (
                    <Button
                      size="small"
                      data-testid="permission-revoke"
                      onClick={() => setEditing({ permission: p, revoking: true })}
                    >
                      {t('network.permissions.revoke')}
                    </Button>
                  )}
                  <Button size="small" data-testid="permission-print" onClick={() => void print(p)}>
                    {t('network.permissions.print')}
                  </Button>
                  <GuaranteeScan permission={p} />
                  <Button
                    size="small"
                    data-testid="permission-edit"
                    onClick={() => setEditing({ permission: p })}
                  >
                    {t('network.edit')}
                  </Button>
                </Space>
              );
            },
          },
        ]}
      />
      {editing && directory && (
        <PermissionForm
          permission={editing.permission}
          revoking={editing.revoking}
          granting={editing.granting}
          directory={directory}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('network.permissions.saved'));
          }}
        />
      )}
    </Card>
  );
}
