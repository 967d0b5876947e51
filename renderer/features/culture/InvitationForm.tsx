// Ask a member of staff to write for the website, or record how it went: the person from the
// directory, when they were asked (now, for a new one), the status, a note, and — once published —
// the website update the contribution became. The ledger's rules (shared/culture/invitations.ts)
// are checked again on save; a refusal shows under the field it is about.
// Test ids: invitation-form, invitation-person, invitation-asked, invitation-status,
// invitation-article, invitation-note, invitation-submit.
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Input, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { articleChoices } from '../../../shared/culture/invitations';
import { WEBSITE_INVITATION_STATUSES, websiteInvitationSchema } from '../../../shared/schemas/records';
import type { WebsiteInvitation, WebsiteUpdate } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { DateTimeInput } from '../../components/DateInputs';
import { FormField } from '../../components/FormField';
import { FormModal } from '../../components/FormModal';
import { PersonPicker } from '../../components/pickers';
import type { Directory } from '../../directory/directory';
import { formatTime, fromChinaInputValue, toChinaInputValue } from '../../i18n/dates';
import { describeError, zodIssueMessage } from '../../i18n/errors';
import { InvitationRefused, saveInvitation } from './data';

const formSchema = websiteInvitationSchema.extend({
  // 'YYYY-MM-DDTHH:mm' as typed; made an instant on save.
  askedAt: z
    .string()
    .refine((v) => fromChinaInputValue(v) !== null, { message: 'repair.errors.badTimeTyped' }),
  // The picker gives null when cleared; the record needs a person.
  personId: z
    .string()
    .nullable()
    .refine((v) => v !== null && v !== '', { message: 'validation.required' }),
});
type FormInput = z.input<typeof formSchema>;
type FormValues = z.output<typeof formSchema>;

/** What the form opens with: an invitation to edit, or a new one; `publish` opens it to mark published. */
export interface InvitationEditing {
  invitation: WebsiteInvitation | null;
  publish?: boolean;
}

export function InvitationForm(props: {
  editing: InvitationEditing | null;
  directory: Directory;
  updates: readonly WebsiteUpdate[];
  invitations: readonly WebsiteInvitation[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { db, repo } = useLedger();
  const { message } = App.useApp();
  const { editing } = props;
  const open = editing !== null;
  const invitation = editing?.invitation ?? null;
  const {
    control,
    handleSubmit,
    reset,
    setFocus,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormValues>({
    resolver: zodResolver(formSchema, { error: zodIssueMessage }),
  });
  useEffect(() => {
    if (!editing) return;
    const { invitation: current, publish } = editing;
    reset(
      current
        ? {
            ...current,
            askedAt: toChinaInputValue(current.askedAt),
            ...(publish ? { status: 'published' as const } : {}),
          }
        : {
            personId: null,
            askedAt: toChinaInputValue(new Date()),
            status: 'asked',
            note: '',
            websiteUpdateId: null,
          },
    );
  }, [editing, reset]);

  const status = useWatch({ control, name: 'status' });
  const askedAt = useWatch({ control, name: 'askedAt' });
  const choices = useMemo(() => {
    const asked = (askedAt && fromChinaInputValue(askedAt)) || new Date().toISOString();
    return articleChoices(
      { ...(invitation ? { id: invitation.id } : {}), askedAt: asked },
      props.updates,
      props.invitations,
    );
  }, [askedAt, invitation, props.updates, props.invitations]);

  const onSubmit = async (values: FormValues) => {
    try {
      await saveInvitation(
        db,
        repo,
        {
          personId: values.personId!,
          askedAt: fromChinaInputValue(values.askedAt)!,
          status: values.status,
          note: values.note,
          // Only a published invitation names its article; another status lets go of it.
          websiteUpdateId: values.status === 'published' ? values.websiteUpdateId : null,
        },
        invitation?.id,
      );
      void message.success(t('common.saved'));
      props.onClose();
    } catch (err) {
      if (err instanceof InvitationRefused) {
        const field = err.reason === 'asked-in-future' ? 'askedAt' : 'websiteUpdateId';
        setError(
          field,
          { type: 'rule', message: t(`culture.invitations.refused.${err.reason}`) },
          { shouldFocus: true },
        );
      } else void message.error(describeError(err, t));
    }
  };

  return (
    <FormModal
      open={open}
      title={invitation ? t('culture.invitations.edit') : t('culture.invitations.add')}
      formId="invitation-form"
      submitTestId="invitation-submit"
      submitting={isSubmitting}
      onCancel={props.onClose}
      onOpened={() => setFocus(editing?.publish ? 'websiteUpdateId' : 'personId')}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
      width={600}
    >
      <FormField
        name="personId"
        label={t('culture.invitations.fields.person')}
        error={errors.personId}
        required
      >
        <Controller
          control={control}
          name="personId"
          render={({ field }) => (
            <PersonPicker
              id="field-personId"
              testId="invitation-person"
              directory={props.directory}
              value={field.value ?? null}
              onChange={field.onChange}
              onBlur={field.onBlur}
              selectRef={field.ref}
              style={{ width: '100%' }}
            />
          )}
        />
      </FormField>
      <FormField
        name="askedAt"
        label={t('culture.invitations.fields.askedAt')}
        error={errors.askedAt}
        required
      >
        <Controller
          control={control}
          name="askedAt"
          render={({ field }) => (
            <DateTimeInput
              id="field-askedAt"
              testId="invitation-asked"
              value={field.value}
              onChange={field.onChange}
              inputRef={field.ref}
            />
          )}
        />
      </FormField>
      <FormField name="status" label={t('culture.invitations.fields.status')} error={errors.status} required>
        <Controller
          control={control}
          name="status"
          render={({ field }) => (
            <Select
              id="field-status"
              ref={field.ref}
              data-testid="invitation-status"
              value={field.value}
              onChange={field.onChange}
              options={WEBSITE_INVITATION_STATUSES.map((s) => ({
                value: s,
                label: t(`culture.invitations.statuses.${s}`),
              }))}
            />
          )}
        />
      </FormField>
      {status === 'published' && (
        <FormField
          name="websiteUpdateId"
          label={t('culture.invitations.fields.article')}
          error={errors.websiteUpdateId}
          required
        >
          <Controller
            control={control}
            name="websiteUpdateId"
            render={({ field }) => (
              <Select
                id="field-websiteUpdateId"
                ref={field.ref}
                data-testid="invitation-article"
                value={field.value ?? undefined}
                onChange={(v: string | undefined) => field.onChange(v ?? null)}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                notFoundContent={t('culture.invitations.noArticles')}
                options={choices.map((u) => ({
                  value: u.id,
                  label: `${formatTime(u.publishedAt)}  ${u.title}${u.author ? `（${u.author}）` : ''}`,
                }))}
              />
            )}
          />
        </FormField>
      )}
      <FormField name="note" label={t('culture.invitations.fields.note')} error={errors.note}>
        <Controller
          control={control}
          name="note"
          render={({ field }) => (
            <Input {...field} value={field.value ?? ''} id="field-note" data-testid="invitation-note" />
          )}
        />
      </FormField>
    </FormModal>
  );
}
