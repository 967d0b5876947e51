// Add or edit one person of the directory. Validated with personSchema (shared/schemas), written
// through the repository; a duplicate employee no. comes back from the repository and is shown
// under the 工号 field. The person's computer is shown, not typed: it is the device register's
// (the computers whose user is this person, shared/devices/person-computers.ts); the stored
// `computerTag` (what an imported directory wrote) is kept as it was.
// Test ids: person-form, person-employee-no, person-name, person-department, person-title,
// person-phone, person-computers-view, person-active, person-note, person-submit, person-form-cancel,
// error-<field>.
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Input, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { personSchema, type Department, type Person } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { FormField } from '../../components/FormField';
import { FormModal } from '../../components/FormModal';
import { showUnderField } from '../../components/refusedSave';
import { describeError, zodIssueMessage } from '../../i18n/errors';
import { savePerson, type PersonValues } from './data';

type PersonInput = z.input<typeof personSchema>;

const EMPTY: PersonValues = {
  employeeNo: '',
  name: '',
  departmentId: null,
  title: '',
  phone: '',
  computerTag: '',
  active: true,
  note: '',
};

function toValues(person: Person | null, departmentId: string | null): PersonValues {
  if (!person) return { ...EMPTY, departmentId };
  const { employeeNo, name, title, phone, computerTag, active, note } = person;
  return { employeeNo, name, departmentId: person.departmentId, title, phone, computerTag, active, note };
}

export function PersonForm(props: {
  open: boolean;
  /** The person to edit, or null to add one. */
  person: Person | null;
  departments: Department[];
  /** Preselected department for a new person (the table's current filter). */
  defaultDepartmentId: string | null;
  /** The person's computers as the device register has them ('' when none). */
  computers: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { repo } = useLedger();
  const { message } = App.useApp();
  const { open, person, defaultDepartmentId } = props;

  const {
    control,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<PersonInput, unknown, PersonValues>({
    resolver: zodResolver(personSchema, { error: zodIssueMessage }),
    defaultValues: EMPTY,
  });

  useEffect(() => {
    if (open) reset(toValues(person, defaultDepartmentId));
  }, [open, person, defaultDepartmentId, reset]);

  const onSubmit = async (values: PersonValues) => {
    try {
      await savePerson(repo, person?.id ?? null, values);
      void message.success(t('common.saved'));
      props.onClose();
    } catch (err) {
      if (!showUnderField(err, t, EMPTY, setError)) void message.error(describeError(err, t));
    }
  };

  // No maxLength on the inputs: an over-long entry is refused with a message, never silently cut.
  const textField = (name: 'employeeNo' | 'name' | 'title' | 'phone', testId: string) => (
    <FormField
      name={name}
      label={t(`people.fields.${name}`)}
      error={errors[name]}
      required={name === 'employeeNo' || name === 'name'}
    >
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <Input {...field} value={field.value ?? ''} id={`field-${name}`} data-testid={testId} />
        )}
      />
    </FormField>
  );

  return (
    <FormModal
      open={open}
      title={person ? t('people.editTitle') : t('people.addTitle')}
      formId="person-form"
      submitTestId="person-submit"
      submitting={isSubmitting}
      onCancel={props.onClose}
      onOpened={() => setFocus('employeeNo')}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
        {textField('employeeNo', 'person-employee-no')}
        {textField('name', 'person-name')}
        <FormField
          name="departmentId"
          label={t('people.fields.department')}
          error={errors.departmentId}
          help={props.departments.length === 0 ? t('people.addDepartmentsFirst') : undefined}
        >
          <Controller
            control={control}
            name="departmentId"
            render={({ field }) => (
              <Select
                ref={field.ref}
                id="field-departmentId"
                data-testid="person-department"
                value={field.value ?? undefined}
                onChange={(v: string | undefined) => field.onChange(v ?? null)}
                onBlur={field.onBlur}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('people.pickDepartment')}
                options={props.departments.map((d) => ({
                  value: d.id,
                  label: d.company ? `${d.name}（${d.company}）` : d.name,
                }))}
              />
            )}
          />
        </FormField>
        {textField('title', 'person-title')}
        {textField('phone', 'person-phone')}
        <FormField name="computers" label={t('people.fields.computerTag')} help={t('people.computersHelp')}>
          <Typography.Text data-testid="person-computers-view">
            {props.computers || t('people.noComputer')}
          </Typography.Text>
        </FormField>
      </div>
      <FormField name="active" label={t('people.fields.active')} error={errors.active}>
        <Controller
          control={control}
          name="active"
          render={({ field }) => (
            <Switch
              ref={field.ref}
              id="field-active"
              data-testid="person-active"
              checked={field.value ?? true}
              onChange={field.onChange}
            />
          )}
        />
      </FormField>
      <FormField name="note" label={t('people.fields.note')} error={errors.note}>
        <Controller
          control={control}
          name="note"
          render={({ field }) => (
            <Input {...field} value={field.value ?? ''} id="field-note" data-testid="person-note" />
          )}
        />
      </FormField>
    </FormModal>
  );
}
