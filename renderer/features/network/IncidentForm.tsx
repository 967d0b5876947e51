// Logging or changing a network incident: start, restore time (empty while ongoing), cause,
// scope, what happened and what was done, and the KPI exclusion with its reason. The restore
// action opens it with the restore time set to now. What the rules refuse (an end before the
// start, a time in the future, an exclusion without a reason) is shown and nothing is saved.
// Test ids: incident-form, incident-save, incident-form-cancel, incident-start, incident-end,
// incident-cause, incident-scope, incident-description, incident-actions, incident-excluded,
// incident-reason, incident-carrier-excluded (the note under a carrier fault), incident-refused.
import { Checkbox, Input, Select, Space, Typography } from 'antd';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_CAUSES } from '../../../shared/schemas/records';
import type { NetworkIncident } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { ChinaTimeField } from '../../components/ChinaTimeField';
import { FormField } from '../../components/FormField';
import { RefusedAlert, useRefusableSave } from '../../components/useRefusableSave';
import { FormModal } from '../../components/FormModal';
import { useSettingsStore } from '../../store/settings';
import { IncidentRefused, saveIncident } from './data';

type Cause = (typeof INCIDENT_CAUSES)[number];

export function IncidentForm(props: {
  incident: NetworkIncident | null;
  /** Open with the restore time set to now (the "restored" action). */
  restoring?: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { repo } = useLedger();
  const operatorName = useSettingsStore((s) => s.settings.operatorName);
  const inc = props.incident;
  const [startAt, setStartAt] = useState<string | null>(() => inc?.startAt ?? new Date().toISOString());
  const [endAt, setEndAt] = useState<string | null>(() =>
    props.restoring ? new Date().toISOString() : (inc?.endAt ?? null),
  );
  const [cause, setCause] = useState<Cause>(inc?.cause ?? 'equipment');
  const [scope, setScope] = useState(inc?.scope ?? '');
  const [description, setDescription] = useState(inc?.description ?? '');
  const [actions, setActions] = useState(inc?.actions ?? '');
  const [excluded, setExcluded] = useState(inc?.excluded ?? false);
  const [exclusionReason, setExclusionReason] = useState(inc?.exclusionReason ?? '');
  const { refused, saving, save } = useRefusableSave((err) =>
    err instanceof IncidentRefused ? err.problems.map((p) => t(`network.refused.${p.code}`)) : null,
  );

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await save(() =>
      saveIncident(
        repo,
        {
          startAt: startAt ?? new Date().toISOString(),
          endAt,
          cause,
          excluded: excluded || cause === 'carrier',
          exclusionReason,
          scope,
          description,
          actions,
          ...(inc ? {} : { by: operatorName }),
        },
        inc?.id ?? null,
      ),
    );
    if (saved) props.onSaved();
  };

  return (
    <FormModal
      open
      title={inc ? t('network.form.titleEdit') : t('network.form.titleNew')}
      formId="incident-form"
      submitting={saving}
      onSubmit={(e) => void onSubmit(e)}
      onCancel={props.onClose}
      onOpened={() => document.getElementById(props.restoring ? 'field-endAt' : 'field-startAt')?.focus()}
      submitTestId="incident-save"
      width={640}
    >
      <RefusedAlert refused={refused} testId="incident-refused" />
      <Space wrap align="start">
        <FormField name="startAt" label={t('network.form.startAt')}>
          <ChinaTimeField
            id="field-startAt"
            testId="incident-start"
            value={startAt}
            onChange={setStartAt}
            width={200}
          />
        </FormField>
        <FormField name="endAt" label={t('network.form.endAt')}>
          <ChinaTimeField
            id="field-endAt"
            testId="incident-end"
            value={endAt}
            onChange={setEndAt}
            width={200}
          />
        </FormField>
        <FormField name="cause" label={t('network.form.cause')}>
          <Select
            id="field-cause"
            data-testid="incident-cause"
            value={cause}
            onChange={(value: Cause) => setCause(value)}
            style={{ width: 140 }}
            options={INCIDENT_CAUSES.map((c) => ({ value: c, label: t(`network.causes.${c}`) }))}
          />
        </FormField>
      </Space>
      <FormField name="scope" label={t('network.form.scope')}>
        <Input
          id="field-scope"
          data-testid="incident-scope"
          maxLength={200}
          value={scope}
          onChange={(e) => setScope(e.target.value)}
        />
      </FormField>
      <FormField name="description" label={t('network.form.description')}>
        <Input.TextArea
          id="field-description"
          data-testid="incident-description"
          rows={2}
          maxLength={2000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </FormField>
      <FormField name="actions" label={t('network.form.actions')}>
        <Input.TextArea
          id="field-actions"
          data-testid="incident-actions"
          rows={2}
          maxLength={2000}
          value={actions}
          onChange={(e) => setActions(e.target.value)}
        />
      </FormField>
      {/* A carrier fault is left out of the KPI whatever the box says: ticked and fixed. */}
      <Checkbox
        data-testid="incident-excluded"
        checked={excluded || cause === 'carrier'}
        disabled={cause === 'carrier'}
        onChange={(e) => setExcluded(e.target.checked)}
      >
        {t('network.form.excluded')}
      </Checkbox>
      {cause === 'carrier' && (
        <Typography.Text type="secondary" data-testid="incident-carrier-excluded">
          {t('network.form.carrierExcluded')}
        </Typography.Text>
      )}
      {(excluded || cause === 'carrier') && (
        <FormField name="exclusionReason" label={t('network.form.exclusionReason')}>
          <Input
            id="field-exclusionReason"
            data-testid="incident-reason"
            maxLength={500}
            value={exclusionReason}
            onChange={(e) => setExclusionReason(e.target.value)}
          />
        </FormField>
      )}
    </FormModal>
  );
}
