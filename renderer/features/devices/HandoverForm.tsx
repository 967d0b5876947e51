// 交接: hand a computer to another person (or take it back). Writes the handover record and the
// computer's new user in one transaction (data.ts); the printers and peripherals
// attached to it are listed here because their responsible person follows by the derived rule.
// The computer's name and place are offered for change: a name that says whose it was
// ("卢敏琪的电脑") is proposed with the new user's name, until the supervisor types their own.
// Test ids: handover-form, handover-current, handover-to, handover-name, handover-location,
// handover-note, handover-move-department, handover-followers, handover-submit,
// handover-form-cancel, error-toPersonId. Once saved, the computer's IM permissions are settled
// (network/HandoverPermissions) before the form closes.
import { App, Checkbox, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nameForNewUser } from '../../../shared/devices/person-computers';
import type { Device } from '../../../shared/schemas';
import { FormField } from '../../components/FormField';
import { FormModal } from '../../components/FormModal';
import { deviceErrorText } from './device-format';
import { DeviceWriteError, handOverDevice } from './data';
import { PersonSelect } from '../../components/pickers';
import { useDeviceContext, type DeviceLedger } from './use-device-ledger';
import { HandoverPermissions } from '../network/HandoverPermissions';

/** Mount with `key={device.id}`: each handover starts from an empty form. */
export function HandoverForm(props: { device: Device | null; ledger: DeviceLedger; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ctx = useDeviceContext();
  const { device, ledger } = props;
  const [toPersonId, setToPersonId] = useState<string | null>(null);
  /** The name typed by the supervisor; null while the proposed one stands. */
  const [typedName, setTypedName] = useState<string | null>(null);
  const [location, setLocation] = useState(device?.location ?? '');
  const [note, setNote] = useState('');
  const [moveDepartment, setMoveDepartment] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [submitting, setSubmitting] = useState(false);
  /** Saved: the computer's IM permissions are settled next (network feature), then the form closes. */
  const [handedTo, setHandedTo] = useState<{ personId: string | null } | null>(null);

  if (!device) return null;
  if (handedTo)
    return (
      <HandoverPermissions
        deviceId={device.id}
        assetTag={device.assetTag}
        newHolderId={handedTo.personId}
        onDone={props.onClose}
      />
    );
  const { personById } = ledger.directory;
  const current = device.userPersonId ? personById.get(device.userPersonId)?.name : undefined;
  const followers = ledger.index.attachedTo.get(device.id) ?? [];
  const newUser = toPersonId ? personById.get(toPersonId)?.name : undefined;
  const name = typedName ?? nameForNewUser(device.name, current, newUser);

  const submit = async () => {
    setSubmitting(true);
    try {
      await handOverDevice(ctx, {
        deviceId: device.id,
        toPersonId,
        note,
        moveDepartment,
        // Only what changed is written: an untouched name or place is not an edit.
        ...(name !== device.name ? { name } : {}),
        ...(location !== device.location ? { location } : {}),
      });
      void message.success(
        newUser
          ? t('devices.handover.done', { tag: device.assetTag, name: newUser })
          : t('devices.handover.returned', { tag: device.assetTag }),
      );
      setHandedTo({ personId: toPersonId });
    } catch (err) {
      if (err instanceof DeviceWriteError && err.field === 'toPersonId') setError(deviceErrorText(err, t));
      else void message.error(deviceErrorText(err, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <FormModal
      open
      title={t('devices.handover.title', { tag: device.assetTag })}
      formId="handover-form"
      submitTestId="handover-submit"
      submitting={submitting}
      onCancel={props.onClose}
      onOpened={() => document.getElementById('field-toPersonId')?.focus()}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FormField name="current" label={t('devices.handover.current')}>
        <Typography.Text data-testid="handover-current">
          {current ?? t('devices.handover.nobody')}
        </Typography.Text>
      </FormField>
      <FormField
        name="toPersonId"
        label={t('devices.handover.to')}
        error={error ? { type: 'rule', message: error } : undefined}
      >
        <PersonSelect
          id="field-toPersonId"
          testId="handover-to"
          directory={ledger.directory}
          value={toPersonId}
          onChange={(v) => {
            setToPersonId(v);
            setError(undefined);
          }}
          placeholder={t('devices.handover.toPlaceholder')}
        />
      </FormField>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
        <FormField name="name" label={t('devices.handover.name')}>
          <Input
            id="field-name"
            data-testid="handover-name"
            value={name}
            onChange={(e) => setTypedName(e.target.value)}
          />
        </FormField>
        <FormField name="location" label={t('devices.handover.location')}>
          <Input
            id="field-location"
            data-testid="handover-location"
            value={location}
            onChange={(e) => setLocation(e.target.value)}
          />
        </FormField>
      </div>
      <FormField name="note" label={t('devices.handover.note')}>
        <Input
          id="field-note"
          data-testid="handover-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </FormField>
      <Checkbox
        data-testid="handover-move-department"
        checked={moveDepartment}
        onChange={(e) => setMoveDepartment(e.target.checked)}
        style={{ marginBottom: 12 }}
      >
        {t('devices.handover.moveDepartment')}
      </Checkbox>
      {followers.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="handover-followers">
          {t('devices.handover.followers', { tags: followers.map((d) => d.assetTag).join('、') })}
        </Typography.Paragraph>
      )}
    </FormModal>
  );
}
