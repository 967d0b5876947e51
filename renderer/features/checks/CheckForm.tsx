// Doing a check: the checklist of its template, for the devices it covers (every server in
// service, every CCTV recorder and camera), each item OK unless marked otherwise. Everything starts
// OK and the save button has focus, so a check with nothing wrong is one key (Enter); Space on an
// item's switch turns it into a problem, whose note is then asked for. A machine-room round opens
// on the round due now. What the rules refuse (a future time, a retired device) is shown in the
// form and nothing is saved.
// Test ids: check-form (the form), check-save, check-form-cancel, check-at, check-for-day,
// check-slot, check-site, check-devices, check-item (each; data-label, data-result),
// check-item-toggle, check-item-note, check-all-ok, check-refused, check-findings, check-actions.
import { Alert, Button, Input, Select, Space, Switch, Typography } from 'antd';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { snapshotItems, templateOf, type CheckKind } from '../../../shared/checks/templates';
import { MACHINE_ROOM_SLOTS } from '../../../shared/schemas/records';
import type { Device } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { ChinaTimeField } from '../../components/ChinaTimeField';
import { DayInput } from '../../components/DateInputs';
import { FormField } from '../../components/FormField';
import { RefusedAlert, useRefusableSave } from '../../components/useRefusableSave';
import { FormModal } from '../../components/FormModal';
import { useLedgerSetting } from '../../db/ledger-settings';
import { useSettingsStore } from '../../store/settings';
import { CheckRefused, saveCheck, type CheckItemResult } from './data';
import type { MachineRoomSlot } from '../../../shared/checks/schedule';

export interface CheckFormProps {
  kind: CheckKind;
  /** Devices the check may cover (servers or CCTV in service); all are covered by default. */
  devices: Device[];
  /** The round to preselect (the one due now). */
  slot?: MachineRoomSlot;
  onClose: () => void;
  onSaved: (kind: CheckKind) => void;
}

const deviceLabel = (d: Device) => (d.name ? `${d.assetTag} ${d.name}` : d.assetTag);

export function CheckForm(props: CheckFormProps) {
  const { t } = useTranslation();
  const { db, repo } = useLedger();
  const operatorName = useSettingsStore((s) => s.settings.operatorName);
  const templates = useLedgerSetting(db, 'checkTemplates');
  const template = templateOf(templates, props.kind);

  const [at, setAt] = useState<string | null>(() => new Date().toISOString());
  const [forDay, setForDay] = useState('');
  const [slot, setSlot] = useState<MachineRoomSlot | undefined>(props.slot);
  const [site, setSite] = useState('');
  const [deviceIds, setDeviceIds] = useState<string[]>(() => props.devices.map((d) => d.id));
  const [findings, setFindings] = useState('');
  const [actions, setActions] = useState('');
  // Results by line key (device + label), so changing the devices keeps what was already marked.
  const [marks, setMarks] = useState<Record<string, { problem: boolean; note: string }>>({});
  const [missingNotes, setMissingNotes] = useState<Set<string>>(new Set());
  const { refused, saving, save } = useRefusableSave((err) =>
    err instanceof CheckRefused
      ? err.problems.map((p) => t(`checks.refused.${p.code}`, { tag: p.tag ?? '' }))
      : null,
  );

  const byId = useMemo(() => new Map(props.devices.map((d) => [d.id, d])), [props.devices]);
  const lines = useMemo(
    () =>
      snapshotItems(
        template,
        deviceIds.flatMap((id) => {
          const d = byId.get(id);
          return d ? [{ id, label: deviceLabel(d) }] : [];
        }),
      ).map((line) => ({ ...line, key: `${line.deviceId ?? ''}|${line.label}` })),
    [template, deviceIds, byId],
  );

  // The save button takes focus once the dialog is open: Enter then saves an all-OK check.
  const focusSave = () => document.querySelector<HTMLButtonElement>('[data-testid="check-save"]')?.focus();

  const mark = (key: string, change: Partial<{ problem: boolean; note: string }>) =>
    setMarks((m) => ({ ...m, [key]: { problem: false, note: '', ...m[key], ...change } }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = new Set(
      lines.filter((l) => marks[l.key]?.problem && !marks[l.key]?.note.trim()).map((l) => l.key),
    );
    setMissingNotes(missing);
    if (missing.size > 0) {
      document.querySelector<HTMLInputElement>(`[data-note-key="${CSS.escape([...missing][0]!)}"]`)?.focus();
      return;
    }
    const items: CheckItemResult[] = lines.map((l) => ({
      label: l.label,
      deviceId: l.deviceId,
      result: marks[l.key]?.problem ? 'problem' : 'ok',
      note: marks[l.key]?.problem ? marks[l.key]!.note.trim() : '',
    }));
    const saved = await save(() =>
      saveCheck(db, repo, {
        kind: props.kind,
        at: at ?? new Date().toISOString(),
        by: operatorName,
        slot: props.kind === 'machine-room' ? (slot ?? null) : null,
        forDay: forDay || null,
        deviceIds: props.kind === 'server-maintenance' || props.kind === 'cctv' ? deviceIds : [],
        site,
        items,
        findings,
        actions,
      }),
    );
    if (saved) props.onSaved(props.kind);
  };

  const needsDevices = props.kind === 'server-maintenance' || props.kind === 'cctv';
  const isWebsite = props.kind === 'website-security' || props.kind === 'website-backup';
  const kindName = t(`checks.kinds.${props.kind}`);

  return (
    <FormModal
      open
      title={kindName}
      formId="check-form"
      submitting={saving}
      onSubmit={(e) => void onSubmit(e)}
      onCancel={props.onClose}
      onOpened={focusSave}
      submitTestId="check-save"
      width={720}
    >
      <Typography.Paragraph type="secondary">{t('checks.form.hint')}</Typography.Paragraph>
      <RefusedAlert refused={refused} testId="check-refused" />
      <Space wrap align="start">
        <FormField name="at" label={t('checks.form.at')}>
          <ChinaTimeField id="field-at" testId="check-at" value={at} onChange={setAt} width={200} />
        </FormField>
        <FormField name="forDay" label={t('checks.form.forDay')} help={t('checks.form.forDayHelp')}>
          <DayInput
            id="field-forDay"
            testId="check-for-day"
            value={forDay}
            onChange={setForDay}
            width={160}
          />
        </FormField>
        {props.kind === 'machine-room' && (
          <FormField name="slot" label={t('checks.form.slot')}>
            <Select
              id="field-slot"
              data-testid="check-slot"
              value={slot}
              onChange={setSlot}
              style={{ width: 120 }}
              options={MACHINE_ROOM_SLOTS.map((s) => ({ value: s, label: s }))}
            />
          </FormField>
        )}
        {isWebsite && (
          <FormField name="site" label={t('checks.form.site')}>
            <Input
              id="field-site"
              data-testid="check-site"
              value={site}
              onChange={(e) => setSite(e.target.value)}
            />
          </FormField>
        )}
      </Space>
      {needsDevices && (
        <FormField name="deviceIds" label={t('checks.form.devices')}>
          {props.devices.length === 0 ? (
            <Alert
              type="warning"
              showIcon
              title={t(props.kind === 'cctv' ? 'checks.form.noCctv' : 'checks.form.noServers')}
            />
          ) : (
            <Select
              id="field-deviceIds"
              data-testid="check-devices"
              mode="multiple"
              value={deviceIds}
              onChange={setDeviceIds}
              options={props.devices.map((d) => ({ value: d.id, label: deviceLabel(d) }))}
            />
          )}
        </FormField>
      )}
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Text strong>{t('checks.form.items')}</Typography.Text>
        <Button size="small" data-testid="check-all-ok" onClick={() => setMarks({})}>
          {t('checks.form.allOk')}
        </Button>
      </div>
      <div style={{ maxHeight: 320, overflowY: 'auto', margin: '8px 0' }}>
        {lines.map((line) => {
          const m = marks[line.key];
          const problem = m?.problem ?? false;
          return (
            <div
              key={line.key}
              data-testid="check-item"
              data-label={line.label}
              data-result={problem ? 'problem' : 'ok'}
              style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '2px 0' }}
            >
              <Switch
                data-testid="check-item-toggle"
                checked={!problem}
                checkedChildren={t('checks.form.ok')}
                unCheckedChildren={t('checks.form.problem')}
                onChange={(ok) => {
                  mark(line.key, { problem: !ok });
                  if (!ok)
                    setTimeout(
                      () =>
                        document
                          .querySelector<HTMLInputElement>(`[data-note-key="${CSS.escape(line.key)}"]`)
                          ?.focus(),
                      0,
                    );
                }}
              />
              <span style={{ minWidth: 180 }}>{line.label}</span>
              {problem && (
                <Input
                  data-testid="check-item-note"
                  data-note-key={line.key}
                  placeholder={t('checks.form.note')}
                  status={missingNotes.has(line.key) ? 'error' : undefined}
                  value={m?.note ?? ''}
                  maxLength={500}
                  onChange={(e) => mark(line.key, { note: e.target.value })}
                />
              )}
              {problem && missingNotes.has(line.key) && (
                <Typography.Text type="danger">{t('checks.form.noteRequired')}</Typography.Text>
              )}
            </div>
          );
        })}
      </div>
      <FormField name="findings" label={t('checks.form.findings')}>
        <Input.TextArea
          id="field-findings"
          data-testid="check-findings"
          rows={2}
          maxLength={2000}
          value={findings}
          onChange={(e) => setFindings(e.target.value)}
        />
      </FormField>
      <FormField name="actions" label={t('checks.form.actions')}>
        <Input.TextArea
          id="field-actions"
          data-testid="check-actions"
          rows={2}
          maxLength={2000}
          value={actions}
          onChange={(e) => setActions(e.target.value)}
        />
      </FormField>
    </FormModal>
  );
}
