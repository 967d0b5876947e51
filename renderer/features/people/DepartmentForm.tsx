// Add or edit a department: its name, the company of the group it belongs to, and its head
// (部门负责人, who signs repair cards first). Validated with departmentSchema, written through the
// repository; a department name already in use is shown under the name field.
// Test ids: department-form, department-name, department-company, department-head,
// department-note, department-submit, department-form-cancel, error-<field>.
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Input, Select } from 'antd';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { departmentSchema, type Department, type Person } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { FormField } from '../../components/FormField';
import { FormModal } from '../../components/FormModal';
import { showUnderField } from '../../components/refusedSave';
import { describeError, zodIssueMessage } from '../../i18n/errors';
import { saveDepartment, type DepartmentValues } from './data';

type DepartmentInput = z.input<typeof departmentSchema>;

const EMPTY: DepartmentValues = { name: '', company: '', headPersonId: null, note: '' };

function toValues(department: Department | null): DepartmentValues {
  if (!department) return EMPTY;
  const { name, company, headPersonId, note } = department;
  return { name, company, headPersonId, note };
}

/** Everyone can be picked; the department's own staff come first, where the head usually is. */
function headCandidates(people: Person[], department: Department | null) {
  const rank = (p: Person) => (department && p.departmentId === department.id ? 0 : 2) + (p.active ? 0 : 1);
  return [...people]
    .sort((a, b) => rank(a) - rank(b))
    .map((p) => ({ value: p.id, label: `${p.name}（${p.employeeNo}）` }));
}

export function DepartmentForm(props: {
  open: boolean;
  department: Department | null;
  people: Person[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { repo } = useLedger();
  const { message } = App.useApp();
  const { open, department } = props;

  const {
    control,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<DepartmentInput, unknown, DepartmentValues>({
    resolver: zodResolver(departmentSchema, { error: zodIssueMessage }),
    defaultValues: EMPTY,
  });

  useEffect(() => {
    if (open) reset(toValues(department));
  }, [open, department, reset]);

  const onSubmit = async (values: DepartmentValues) => {
    try {
      await saveDepartment(repo, department?.id ?? null, values);
      void message.success(t('common.saved'));
      props.onClose();
    } catch (err) {
      if (!showUnderField(err, t, EMPTY, setError)) void message.error(describeError(err, t));
    }
  };

  return (
    <FormModal
      open={open}
      title={department ? t('departments.editTitle') : t('departments.addTitle')}
      formId="department-form"
      submitTestId="department-submit"
      submitting={isSubmitting}
      onCancel={props.onClose}
      onOpened={() => setFocus('name')}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <FormField name="name" label={t('departments.fields.name')} error={errors.name} required>
        <Controller
          control={control}
          name="name"
          render={({ field }) => <Input {...field} id="field-name" data-testid="department-name" />}
        />
      </FormField>
      <FormField name="company" label={t('departments.fields.company')} error={errors.company}>
        <Controller
          control={control}
          name="company"
          render={({ field }) => (
            <Input
              {...field}
              value={field.value ?? ''}
              id="field-company"
              data-testid="department-company"
              placeholder={t('departments.companyPlaceholder')}
            />
          )}
        />
      </FormField>
      <FormField
        name="headPersonId"
        label={t('departments.fields.head')}
        error={errors.headPersonId}
        help={t('departments.headHint')}
      >
        <Controller
          control={control}
          name="headPersonId"
          render={({ field }) => (
            <Select
              ref={field.ref}
              id="field-headPersonId"
              data-testid="department-head"
              value={field.value ?? undefined}
              onChange={(v: string | undefined) => field.onChange(v ?? null)}
              onBlur={field.onBlur}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('departments.pickHead')}
              options={headCandidates(props.people, department)}
            />
          )}
        />
      </FormField>
      <FormField name="note" label={t('departments.fields.note')} error={errors.note}>
        <Controller
          control={control}
          name="note"
          render={({ field }) => (
            <Input {...field} value={field.value ?? ''} id="field-note" data-testid="department-note" />
          )}
        />
      </FormField>
    </FormModal>
  );
}
