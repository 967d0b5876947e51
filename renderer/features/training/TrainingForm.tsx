// Plan a training, or log a department's request for one: topic, kind, date, place, trainer, the
// requesting department, and its roster picked from the directory by department (everyone in
// service there) and by person. Validated with the training record's own schema; the training
// and its roster are saved together. Opened on a department's request, it plans that request:
// topic, kind (department request) and department filled in, the department's people offered as
// the roster, and saving turns the request into the planned session (shared/training/requests.ts).
// Opened on a planned training (or a request), it changes it: day, place, trainer, topic and its
// roster, the people on it now listed to add to or take off.
// Test ids: training-form, training-topic, training-kind, training-status, training-requester,
// training-date, training-location, training-trainer, training-departments, training-people,
// training-roster-count, training-submit.
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Input, Select, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { TRAINING_KINDS, trainingSchema } from '../../../shared/schemas/records';
import type { Training } from '../../../shared/schemas';
import { planFromRequest } from '../../../shared/training/requests';
import { rosterOf } from '../../../shared/training/roster';
import { useLedger } from '../../app/ledger';
import { DayInput } from '../../components/DateInputs';
import { FormField } from '../../components/FormField';
import { FormModal } from '../../components/FormModal';
import { describeError, zodIssueMessage } from '../../i18n/errors';
import type { Directory } from '../../directory/directory';
import {
  createTraining,
  planTrainingRequest,
  RequestNotPlanned,
  TrainingNotEditable,
  updateTraining,
} from './data';

const formSchema = trainingSchema
  .pick({ topic: true, kind: true, date: true, location: true, trainer: true, requestingDepartmentId: true })
  .extend({
    departmentIds: z.array(z.string()),
    personIds: z.array(z.string()),
    // A new training is either on the plan or a department's request; held comes from the sheet.
    status: z.enum(['planned', 'requested']),
  });
type FormInput = z.input<typeof formSchema>;
type FormValues = z.output<typeof formSchema>;

export function TrainingForm(props: {
  open: boolean;
  today: string;
  directory: Directory;
  /** The department's request to plan, if the form was opened on one. */
  request?: Training | null;
  /** The training to change, with the people on its roster now. */
  editing?: { training: Training; personIds: string[] } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { db, repo } = useLedger();
  const { message } = App.useApp();
  const request = props.request ?? null;
  const editing = props.editing ?? null;
  const empty: FormInput = {
    topic: '',
    kind: 'office-software',
    date: props.today,
    location: '',
    trainer: '',
    requestingDepartmentId: null,
    status: 'planned',
    departmentIds: [],
    personIds: [],
  };
  const {
    control,
    handleSubmit,
    reset,
    setFocus,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormValues>({
    resolver: zodResolver(formSchema, { error: zodIssueMessage }),
    defaultValues: empty,
  });
  const { open } = props;
  useEffect(() => {
    if (!open) return;
    if (editing) {
      const tr = editing.training;
      reset({
        ...empty,
        topic: tr.topic,
        kind: tr.kind,
        date: tr.date,
        location: tr.location ?? '',
        trainer: tr.trainer ?? '',
        requestingDepartmentId: tr.requestingDepartmentId ?? null,
        status: tr.status === 'requested' ? 'requested' : 'planned',
        personIds: editing.personIds,
      });
    } else reset(request ? { ...empty, ...planFromRequest(request, props.today) } : empty);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a fresh form each time it opens
  }, [open, request, editing, reset]);

  const departmentIds = useWatch({ control, name: 'departmentIds' });
  const personIds = useWatch({ control, name: 'personIds' });
  const roster = useMemo(
    () =>
      rosterOf(props.directory.people, { departmentIds: departmentIds ?? [], personIds: personIds ?? [] }),
    [props.directory.people, departmentIds, personIds],
  );

  const onSubmit = async (values: FormValues) => {
    const { departmentIds: _d, personIds: _p, ...training } = values;
    try {
      if (editing) {
        const { status: _s, ...session } = training;
        await updateTraining(
          db,
          repo,
          editing.training.id,
          session,
          roster.map((p) => p.id),
        );
        void message.success(t('common.saved'));
        props.onClose();
        return;
      }
      if (request) {
        const { status: _s, ...session } = training;
        await planTrainingRequest(
          db,
          repo,
          request.id,
          session,
          roster.map((p) => p.id),
        );
        void message.success(t('common.saved'));
        props.onClose();
        return;
      }
      await createTraining(
        db,
        repo,
        {
          ...training,
          requestedOn: training.status === 'requested' ? props.today : null,
          durationMinutes: null,
          note: '',
        },
        roster.map((p) => p.id),
      );
      void message.success(t('common.saved'));
      props.onClose();
    } catch (err) {
      if (err instanceof TrainingNotEditable) void message.error(t('training.edit.notEditable'));
      else if (err instanceof RequestNotPlanned && err.reason === 'before-request')
        setError('date', { type: 'rule', message: t('training.plan.beforeRequest') }, { shouldFocus: true });
      else if (err instanceof RequestNotPlanned) void message.error(t('training.plan.notRequested'));
      else void message.error(describeError(err, t));
    }
  };

  return (
    <FormModal
      open={open}
      title={
        editing
          ? t('training.edit.title', { topic: editing.training.topic })
          : request
            ? t('training.plan.title', { topic: request.topic })
            : t('training.add')
      }
      formId="training-form"
      submitTestId="training-submit"
      submitting={isSubmitting}
      onCancel={props.onClose}
      onOpened={() => setFocus('topic')}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
      width={640}
    >
      <FormField name="topic" label={t('training.fields.topic')} error={errors.topic} required>
        <Controller
          control={control}
          name="topic"
          render={({ field }) => <Input {...field} id="field-topic" data-testid="training-topic" />}
        />
      </FormField>
      <FormField name="kind" label={t('training.fields.kind')} error={errors.kind} required>
        <Controller
          control={control}
          name="kind"
          render={({ field }) => (
            <Select
              id="field-kind"
              data-testid="training-kind"
              value={field.value}
              onChange={field.onChange}
              options={TRAINING_KINDS.map((k) => ({ value: k, label: t(`training.kinds.${k}`) }))}
            />
          )}
        />
      </FormField>
      {!request && !editing && (
        <FormField name="status" label={t('training.fields.status')} error={errors.status} required>
          <Controller
            control={control}
            name="status"
            render={({ field }) => (
              <Select
                id="field-status"
                data-testid="training-status"
                value={field.value}
                onChange={field.onChange}
                options={(['planned', 'requested'] as const).map((s) => ({
                  value: s,
                  label: t(`training.statuses.${s}`),
                }))}
              />
            )}
          />
        </FormField>
      )}
      <FormField name="requestingDepartmentId" label={t('training.fields.requester')}>
        <Controller
          control={control}
          name="requestingDepartmentId"
          render={({ field }) => (
            <Select
              id="field-requestingDepartmentId"
              data-testid="training-requester"
              value={field.value ?? undefined}
              onChange={(v: string | undefined) => field.onChange(v ?? null)}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={props.directory.departments.map((d) => ({ value: d.id, label: d.name }))}
            />
          )}
        />
      </FormField>
      <FormField name="date" label={t('training.fields.date')} error={errors.date} required>
        <Controller
          control={control}
          name="date"
          render={({ field }) => (
            <DayInput id="field-date" testId="training-date" value={field.value} onChange={field.onChange} />
          )}
        />
      </FormField>
      <FormField name="location" label={t('training.fields.location')} error={errors.location}>
        <Controller
          control={control}
          name="location"
          render={({ field }) => (
            <Input {...field} value={field.value ?? ''} id="field-location" data-testid="training-location" />
          )}
        />
      </FormField>
      <FormField name="trainer" label={t('training.fields.trainer')} error={errors.trainer}>
        <Controller
          control={control}
          name="trainer"
          render={({ field }) => (
            <Input {...field} value={field.value ?? ''} id="field-trainer" data-testid="training-trainer" />
          )}
        />
      </FormField>
      <FormField name="departmentIds" label={t('training.fields.departments')}>
        <Controller
          control={control}
          name="departmentIds"
          render={({ field }) => (
            <Select
              mode="multiple"
              id="field-departmentIds"
              data-testid="training-departments"
              value={field.value}
              onChange={field.onChange}
              showSearch={{ optionFilterProp: 'label' }}
              options={props.directory.departments.map((d) => ({ value: d.id, label: d.name }))}
            />
          )}
        />
      </FormField>
      <FormField name="personIds" label={t('training.fields.people')}>
        <Controller
          control={control}
          name="personIds"
          render={({ field }) => (
            <Select
              mode="multiple"
              id="field-personIds"
              data-testid="training-people"
              value={field.value}
              onChange={field.onChange}
              showSearch={{ optionFilterProp: 'label' }}
              options={props.directory.people.map((p) => ({
                value: p.id,
                label: `${p.name}（${p.employeeNo}）`,
              }))}
            />
          )}
        />
      </FormField>
      <Typography.Text data-testid="training-roster-count">
        {t('training.rosterCount', { count: roster.length })}
      </Typography.Text>
    </FormModal>
  );
}
