// An IM software permission: the employee and the computer (their own, by default), the program,
// the reason, the dates the guarantee and the department head were signed, when it was granted
// and when and why it was revoked, and a note. "Revoke" opens it with the revocation time set to
// now; "Enable" on a request whose guarantee is not yet signed opens it with the grant time set to
// now and the signing dates to fill (a grant needs both: shared/network/guarantee.ts).
// Test ids: permission-form, permission-save, permission-form-cancel, permission-person,
// permission-computer, permission-software, permission-reason, permission-guarantee-on,
// permission-head-on, permission-granted, permission-revoked, permission-revoke-reason,
// permission-note, permission-refused.
import { AutoComplete, Input, Select, Space } from 'antd';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImPermission } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { ChinaTimeField } from '../../components/ChinaTimeField';
import { DayInput } from '../../components/DateInputs';
import { FormField } from '../../components/FormField';
import { RefusedAlert, useRefusableSave } from '../../components/useRefusableSave';
import { FormModal } from '../../components/FormModal';
import { PermissionRefused, savePermission, type PermissionDirectory } from './permissions-data';

const SOFTWARE = ['QQ', '微信电脑版', '钉钉', '企业微信'];

export function PermissionForm(props: {
  permission: ImPermission | null;
  directory: PermissionDirectory;
  revoking?: boolean;
  granting?: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { repo } = useLedger();
  const p = props.permission;
  const { people, computers } = props.directory;
  const [personId, setPersonId] = useState<string | undefined>(p?.personId);
  const [deviceId, setDeviceId] = useState<string | null>(p?.deviceId ?? null);
  const [software, setSoftware] = useState(p?.software ?? 'QQ');
  const [reason, setReason] = useState(p?.reason ?? '');
  const [guaranteeSignedOn, setGuaranteeOn] = useState(p?.guaranteeSignedOn ?? '');
  const [deptHeadSignedOn, setHeadOn] = useState(p?.deptHeadSignedOn ?? '');
  const [grantedAt, setGrantedAt] = useState<string | null>(() =>
    props.granting && !p?.grantedAt ? new Date().toISOString() : (p?.grantedAt ?? null),
  );
  const [revokedAt, setRevokedAt] = useState<string | null>(() =>
    props.revoking ? new Date().toISOString() : (p?.revokedAt ?? null),
  );
  const [revokeReason, setRevokeReason] = useState(p?.revokeReason ?? '');
  const [note, setNote] = useState(p?.note ?? '');
  const { refused, saving, save, refuse } = useRefusableSave((err) =>
    err instanceof PermissionRefused
      ? err.problems.map((x) => t(`network.permissions.refused.${x.code}`))
      : null,
  );

  const choosePerson = (id: string) => {
    setPersonId(id);
    // The employee's own computer, as the register says.
    const own = computers.find((c) => c.userPersonId === id);
    if (own) setDeviceId(own.id);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = [
      !personId ? t('network.permissions.form.personRequired') : '',
      !software.trim() ? t('network.permissions.form.softwareRequired') : '',
    ].filter(Boolean);
    if (missing.length) {
      refuse(missing);
      return;
    }
    const saved = await save(() =>
      savePermission(
        repo,
        {
          personId: personId!,
          deviceId,
          software,
          reason,
          guaranteeSignedOn: guaranteeSignedOn || null,
          deptHeadSignedOn: deptHeadSignedOn || null,
          grantedAt,
          revokedAt,
          revokeReason,
          note,
        },
        p?.id ?? null,
      ),
    );
    if (saved) props.onSaved();
  };

  return (
    <FormModal
      open
      title={p ? t('network.permissions.form.titleEdit') : t('network.permissions.form.titleNew')}
      formId="permission-form"
      submitting={saving}
      onSubmit={(e) => void onSubmit(e)}
      onCancel={props.onClose}
      onOpened={() =>
        document
          .getElementById(
            props.revoking
              ? 'field-revokeReason'
              : props.granting
                ? guaranteeSignedOn
                  ? 'field-deptHeadSignedOn'
                  : 'field-guaranteeSignedOn'
                : 'field-personId',
          )
          ?.focus()
      }
      submitTestId="permission-save"
      width={680}
    >
      <RefusedAlert refused={refused} testId="permission-refused" />
      <Space wrap align="start">
        <FormField name="personId" label={t('network.permissions.form.person')} required>
          <Select
            id="field-personId"
            data-testid="permission-person"
            showSearch={{ optionFilterProp: 'label' }}
            value={personId}
            onChange={choosePerson}
            style={{ width: 200 }}
            options={[...people.values()]
              .filter((x) => x.active || x.id === personId)
              .map((x) => ({ value: x.id, label: `${x.name} ${x.employeeNo}` }))}
          />
        </FormField>
        <FormField name="deviceId" label={t('network.permissions.form.computer')}>
          <Select
            id="field-deviceId"
            data-testid="permission-computer"
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            value={deviceId ?? undefined}
            onChange={(v?: string) => setDeviceId(v ?? null)}
            style={{ width: 180 }}
            options={computers.map((c) => ({ value: c.id, label: c.assetTag }))}
          />
        </FormField>
        <FormField name="software" label={t('network.permissions.form.software')} required>
          <AutoComplete
            id="field-software"
            data-testid="permission-software"
            value={software}
            onChange={setSoftware}
            style={{ width: 140 }}
            options={SOFTWARE.map((s) => ({ value: s }))}
          />
        </FormField>
      </Space>
      <FormField name="reason" label={t('network.permissions.form.reason')}>
        <Input
          id="field-reason"
          data-testid="permission-reason"
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </FormField>
      <Space wrap align="start">
        <FormField name="guaranteeSignedOn" label={t('network.permissions.form.guaranteeSignedOn')}>
          <DayInput
            id="field-guaranteeSignedOn"
            testId="permission-guarantee-on"
            value={guaranteeSignedOn}
            onChange={setGuaranteeOn}
            width={160}
          />
        </FormField>
        <FormField name="deptHeadSignedOn" label={t('network.permissions.form.deptHeadSignedOn')}>
          <DayInput
            id="field-deptHeadSignedOn"
            testId="permission-head-on"
            value={deptHeadSignedOn}
            onChange={setHeadOn}
            width={160}
          />
        </FormField>
      </Space>
      <Space wrap align="start">
        <FormField name="grantedAt" label={t('network.permissions.form.grantedAt')}>
          <ChinaTimeField testId="permission-granted" value={grantedAt} onChange={setGrantedAt} width={200} />
        </FormField>
        <FormField name="revokedAt" label={t('network.permissions.form.revokedAt')}>
          <ChinaTimeField testId="permission-revoked" value={revokedAt} onChange={setRevokedAt} width={200} />
        </FormField>
      </Space>
      {(revokedAt || props.revoking) && (
        <FormField name="revokeReason" label={t('network.permissions.form.revokeReason')}>
          <Input
            id="field-revokeReason"
            data-testid="permission-revoke-reason"
            maxLength={500}
            value={revokeReason}
            onChange={(e) => setRevokeReason(e.target.value)}
          />
        </FormField>
      )}
      <FormField name="note" label={t('network.permissions.form.note')}>
        <Input
          id="field-note"
          data-testid="permission-note"
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </FormField>
    </FormModal>
  );
}
