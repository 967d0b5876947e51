// Add or edit a work request (工作申请单) for a purchase or a replacement: who asks (department,
// requester, date), what and why, the device it replaces, and the supervisor's assessment of
// feasibility and necessity, recommendation and estimated cost. The status moves by the list's
// actions (approve, reject, bought), not here.
// Test ids: evaluation-form, evaluation-<field> (evaluation-department, evaluation-requester,
// evaluation-requested-on, evaluation-item, evaluation-reason, evaluation-replaces,
// evaluation-feasibility, evaluation-necessity, evaluation-recommendation, evaluation-cost),
// evaluation-submit, evaluation-form-cancel, error-<field>.
import { zodResolver } from '@hookform/resolvers/zod';
import { App, DatePicker, Input, InputNumber } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { chinaDay } from '../../../shared/time/china';
import { purchaseEvaluationSchema, type PurchaseEvaluation } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { FormField } from '../../components/FormField';
import { DATE_FORMAT } from '../../i18n/dates';
import { FormModal } from '../../components/FormModal';
import { showUnderField } from '../../components/refusedSave';
import { describeError, zodIssueMessage } from '../../i18n/errors';
import { DepartmentSelect, DeviceSelect, PersonSelect } from '../../components/pickers';
import type { DeviceLedger } from '../devices/use-device-ledger';

type EvaluationInput = z.input<typeof purchaseEvaluationSchema>;
type EvaluationValues = z.output<typeof purchaseEvaluationSchema>;
type EvaluationField = keyof EvaluationValues;

function emptyValues(): EvaluationValues {
  return purchaseEvaluationSchema.parse({ requestedOn: chinaDay(new Date()), item: '-', reason: '-' });
}

function toValues(evaluation: PurchaseEvaluation | null): EvaluationValues {
  const empty = emptyValues();
  if (!evaluation) return { ...empty, item: '', reason: '' };
  const values = { ...empty };
  for (const key of Object.keys(empty) as EvaluationField[])
    (values as Record<string, unknown>)[key] = evaluation[key];
  return values;
}

export function EvaluationForm(props: {
  open: boolean;
  evaluation: PurchaseEvaluation | null;
  ledger: DeviceLedger;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { repo } = useLedger();
  const { message } = App.useApp();
  const { open, evaluation, ledger } = props;

  const {
    control,
    handleSubmit,
    reset,
    setError,
    setFocus,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<EvaluationInput, unknown, EvaluationValues>({
    resolver: zodResolver(purchaseEvaluationSchema, { error: zodIssueMessage }),
    defaultValues: toValues(null),
  });

  useEffect(() => {
    if (open) reset(toValues(evaluation));
  }, [open, evaluation, reset]);

  // Picking the requester fills the department when it is still empty.
  const requesterId = useWatch({ control, name: 'requesterId' });
  useEffect(() => {
    if (!requesterId || getValues('departmentId')) return;
    const department = ledger.directory.personById.get(requesterId)?.departmentId;
    if (department) setValue('departmentId', department);
  }, [requesterId, ledger.directory, getValues, setValue]);

  const devices = useMemo(() => ledger.index.rows.map((r) => r.device), [ledger.index]);

  const onSubmit = async (values: EvaluationValues) => {
    try {
      if (evaluation) await repo.update('purchaseEvaluations', evaluation.id, values);
      else await repo.create('purchaseEvaluations', values);
      void message.success(t('common.saved'));
      props.onClose();
    } catch (err) {
      if (!showUnderField(err, t, values, setError)) void message.error(describeError(err, t));
    }
  };

  const longText = (name: 'reason' | 'feasibility' | 'necessity' | 'recommendation', testId: string) => (
    <FormField
      name={name}
      label={t(`evaluations.fields.${name}`)}
      error={errors[name]}
      required={name === 'reason'}
    >
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <Input.TextArea
            {...field}
            value={field.value ?? ''}
            id={`field-${name}`}
            data-testid={testId}
            autoSize={{ minRows: 2, maxRows: 6 }}
          />
        )}
      />
    </FormField>
  );

  return (
    <FormModal
      open={open}
      title={evaluation ? t('evaluations.editTitle') : t('evaluations.addTitle')}
      formId="evaluation-form"
      submitTestId="evaluation-submit"
      submitting={isSubmitting}
      onCancel={props.onClose}
      onOpened={() => setFocus('item')}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
      width={820}
    >
      <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr', columnGap: 16 }}>
        <FormField name="item" label={t('evaluations.fields.item')} error={errors.item} required>
          <Controller
            control={control}
            name="item"
            render={({ field }) => (
              <Input {...field} value={field.value ?? ''} id="field-item" data-testid="evaluation-item" />
            )}
          />
        </FormField>
        <FormField
          name="requestedOn"
          label={t('evaluations.fields.requestedOn')}
          error={errors.requestedOn}
          required
        >
          <Controller
            control={control}
            name="requestedOn"
            render={({ field }) => (
              <DatePicker
                ref={field.ref}
                id="field-requestedOn"
                data-testid="evaluation-requested-on"
                value={field.value ? dayjs(field.value) : null}
                onChange={(d) => field.onChange(d ? d.format(DATE_FORMAT) : '')}
                onBlur={field.onBlur}
                format={DATE_FORMAT}
                style={{ width: '100%' }}
              />
            )}
          />
        </FormField>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 16 }}>
        <FormField name="requesterId" label={t('evaluations.fields.requesterId')} error={errors.requesterId}>
          <Controller
            control={control}
            name="requesterId"
            render={({ field }) => (
              <PersonSelect
                selectRef={field.ref}
                id="field-requesterId"
                testId="evaluation-requester"
                directory={ledger.directory}
                value={field.value ?? null}
                onChange={field.onChange}
                onBlur={field.onBlur}
                placeholder={t('devices.pickPerson')}
              />
            )}
          />
        </FormField>
        <FormField
          name="departmentId"
          label={t('evaluations.fields.departmentId')}
          error={errors.departmentId}
        >
          <Controller
            control={control}
            name="departmentId"
            render={({ field }) => (
              <DepartmentSelect
                selectRef={field.ref}
                id="field-departmentId"
                testId="evaluation-department"
                departments={ledger.directory.departments}
                value={field.value ?? null}
                onChange={field.onChange}
                onBlur={field.onBlur}
                placeholder={t('devices.pickDepartment')}
              />
            )}
          />
        </FormField>
        <FormField
          name="estimatedCost"
          label={t('evaluations.fields.estimatedCost')}
          error={errors.estimatedCost}
        >
          <Controller
            control={control}
            name="estimatedCost"
            render={({ field }) => (
              <InputNumber<number>
                ref={field.ref}
                id="field-estimatedCost"
                data-testid="evaluation-cost"
                value={field.value ?? null}
                onChange={(v) => field.onChange(v ?? null)}
                onBlur={field.onBlur}
                min={0}
                precision={2}
                style={{ width: '100%' }}
              />
            )}
          />
        </FormField>
      </div>
      <FormField
        name="replacesDeviceId"
        label={t('evaluations.fields.replacesDeviceId')}
        error={errors.replacesDeviceId}
      >
        <Controller
          control={control}
          name="replacesDeviceId"
          render={({ field }) => (
            <DeviceSelect
              selectRef={field.ref}
              id="field-replacesDeviceId"
              testId="evaluation-replaces"
              devices={devices}
              value={field.value ?? null}
              onChange={field.onChange}
              onBlur={field.onBlur}
              placeholder={t('evaluations.pickDevice')}
            />
          )}
        />
      </FormField>
      {longText('reason', 'evaluation-reason')}
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
        {longText('feasibility', 'evaluation-feasibility')}
        {longText('necessity', 'evaluation-necessity')}
      </div>
      {longText('recommendation', 'evaluation-recommendation')}
    </FormModal>
  );
}
