// After a computer changes hands: the IM permissions its old holder(s) had on it. Each is listed
// with a box "move to <new user>", unticked — a permission follows the computer only when the
// supervisor ticks it; the rest are taken back ("电脑已交接"), since none may stay with someone
// who no longer has the computer. The handover is already saved, so the dialog has no cancel:
// its one button applies the answers. Shown by the devices handover form; when the computer had
// no live permission it calls onDone at once and shows nothing.
// Test ids: handover-permissions, handover-permission-<software>, handover-permissions-apply.
import { App, Button, Checkbox, Modal, Space, Typography } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImPermission } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { describeError } from '../../i18n/errors';
import { permissionsAfterHandover, settlePermissionsAfterHandover } from './permissions-data';

export function HandoverPermissions(props: {
  deviceId: string;
  assetTag: string;
  newHolderId: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { db, repo } = useLedger();
  const { deviceId, newHolderId, onDone } = props;
  const [rows, setRows] = useState<{ permission: ImPermission; holder: string }[] | null>(null);
  const [newHolder, setNewHolder] = useState('');
  const [move, setMove] = useState<Set<string>>(new Set());
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  // The form's close callback may be a new function each render; the reading must not restart.
  const nothingToAsk = useEffectEvent(() => onDone());

  useEffect(() => {
    let live = true;
    void (async () => {
      const found = await permissionsAfterHandover(db, deviceId, newHolderId);
      if (!live) return;
      if (found.length === 0) return nothingToAsk();
      const people = await db.people.bulkGet([...found.map((p) => p.personId), newHolderId ?? '']);
      const nameOf = (id: string | null) => people.find((p) => p && p.id === id)?.name ?? '';
      setNewHolder(nameOf(newHolderId));
      setRows(found.map((permission) => ({ permission, holder: nameOf(permission.personId) })));
    })();
    return () => {
      live = false;
    };
  }, [db, deviceId, newHolderId]);

  if (!rows) return null;

  const apply = async () => {
    setSaving(true);
    try {
      await settlePermissionsAfterHandover(db, repo, deviceId, newHolderId, move);
      void message.success(t('network.permissions.handover.done'));
      onDone();
    } catch (err) {
      void message.error(describeError(err, t));
      // The handover itself is saved; when settling fails the supervisor is not kept in the dialog
      // but may leave it and revoke or grant by hand in the permissions list.
      setFailed(true);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('network.permissions.handover.title', { tag: props.assetTag })}
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      footer={[
        failed ? (
          <Button key="later" onClick={onDone} data-testid="handover-permissions-later">
            {t('network.permissions.handover.later')}
          </Button>
        ) : null,
        <Button
          key="apply"
          type="primary"
          autoFocus
          loading={saving}
          onClick={() => void apply()}
          data-testid="handover-permissions-apply"
        >
          {t('network.permissions.handover.apply')}
        </Button>,
      ]}
    >
      <div data-testid="handover-permissions">
        <Typography.Paragraph type="secondary">
          {newHolderId
            ? t('network.permissions.handover.explain')
            : t('network.permissions.handover.explainReturned')}
        </Typography.Paragraph>
        <Space orientation="vertical">
          {rows.map(({ permission, holder }) =>
            newHolderId ? (
              <div key={permission.id} data-testid={`handover-permission-${permission.software}`}>
                <Checkbox
                  checked={move.has(permission.id)}
                  onChange={(e) => {
                    const next = new Set(move);
                    if (e.target.checked) next.add(permission.id);
                    else next.delete(permission.id);
                    setMove(next);
                  }}
                >
                  {t('network.permissions.handover.move', {
                    software: permission.software,
                    from: holder,
                    to: newHolder,
                  })}
                </Checkbox>
              </div>
            ) : (
              <Typography.Text key={permission.id} data-testid={`handover-permission-${permission.software}`}>
                {t('network.permissions.handover.revoked', { software: permission.software, from: holder })}
              </Typography.Text>
            ),
          )}
        </Space>
      </div>
    </Modal>
  );
}
