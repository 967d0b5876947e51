// Log one website update, or correct it: the site, its title and category, who wrote or sent it,
// when it went online, and its link. Validated with the update record's own schema (the time is
// typed in China time and held as the instant it names: ChinaTimeField). When the author is a
// person with an open invitation to write, the form offers to save the update as that
// invitation's article (ticked by default): both are written together.
// Test ids: website-form, website-site, website-title, website-category, website-author,
// website-published, website-url, website-link-invitation, website-submit.
import { zodResolver } from '@hookform/resolvers/zod';
import { App, AutoComplete, Checkbox, Input, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { openInvitationsForAuthor } from '../../../shared/culture/invitations';
import { WEBSITE_UPDATE_CATEGORIES, websiteUpdateSchema } from '../../../shared/schemas/records';
import type { WebsiteUpdate } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { ChinaTimeField } from '../../components/ChinaTimeField';
import { FormField } from '../../components/FormField';
import { FormModal } from '../../components/FormModal';
import { showUnderField } from '../../components/refusedSave';
import { useDirectory } from '../../directory/directory';
import { formatTime } from '../../i18n/dates';
import { describeError, zodIssueMessage } from '../../i18n/errors';
import { saveWebsiteUpdate, useWebsiteInvitations } from './data';

const formSchema = websiteUpdateSchema.extend({
  // Save the update as the article of the author's open invitation, when there is one.
  linkInvitation: z.boolean(),
});
type FormInput = z.input<typeof formSchema>;
type FormValues = z.output<typeof formSchema>;

export function WebsiteUpdateForm(props: {
  open: boolean;
  update: WebsiteUpdate | null;
  /** Sites already in the log, offered first; the newest is the default for a new update. */
  sites: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { db, repo } = useLedger();
  const { message } = App.useApp();
  const { open, update } = props;
  const invitations = useWebsiteInvitations(db);
  const directory = useDirectory();
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
    if (!open) return;
    reset(
      update
        ? { ...update, linkInvitation: true }
        : {
            site: props.sites[0] ?? '',
            title: '',
            category: 'activity',
            author: '',
            publishedAt: new Date().toISOString(),
            url: '',
            linkInvitation: true,
          },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a fresh form each time it opens
  }, [open, update, reset]);

  // The invitation this update may answer: the author's oldest open one, unless an invitation
  // already became this update.
  const author = useWatch({ control, name: 'author' });
  const invitation = useMemo(() => {
    if (update && invitations?.some((i) => i.websiteUpdateId === update.id)) return undefined;
    return openInvitationsForAuthor(author ?? '', invitations ?? [], directory?.people ?? [])[0];
  }, [author, invitations, directory, update]);

  const onSubmit = async (values: FormValues) => {
    try {
      const input = {
        site: values.site,
        title: values.title,
        category: values.category,
        author: values.author,
        url: values.url,
        publishedAt: values.publishedAt,
      };
      await saveWebsiteUpdate(
        db,
        repo,
        input,
        update?.id,
        invitation && values.linkInvitation ? { invitationId: invitation.id } : {},
      );
      void message.success(t('common.saved'));
      props.onClose();
    } catch (err) {
      if (!showUnderField(err, t, values, setError)) void message.error(describeError(err, t));
    }
  };

  return (
    <FormModal
      open={open}
      title={update ? t('culture.website.edit') : t('culture.website.add')}
      formId="website-form"
      submitTestId="website-submit"
      submitting={isSubmitting}
      onCancel={props.onClose}
      onOpened={() => setFocus('title')}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
      width={640}
    >
      <FormField name="title" label={t('culture.website.fields.title')} error={errors.title} required>
        <Controller
          control={control}
          name="title"
          render={({ field }) => <Input {...field} id="field-title" data-testid="website-title" />}
        />
      </FormField>
      <FormField name="site" label={t('culture.website.fields.site')} error={errors.site} required>
        <Controller
          control={control}
          name="site"
          render={({ field }) => (
            <AutoComplete
              id="field-site"
              data-testid="website-site"
              value={field.value}
              onChange={field.onChange}
              options={props.sites.map((s) => ({ value: s }))}
            />
          )}
        />
      </FormField>
      <FormField
        name="category"
        label={t('culture.website.fields.category')}
        error={errors.category}
        required
      >
        <Controller
          control={control}
          name="category"
          render={({ field }) => (
            <Select
              id="field-category"
              data-testid="website-category"
              value={field.value}
              onChange={field.onChange}
              options={WEBSITE_UPDATE_CATEGORIES.map((c) => ({
                value: c,
                label: t(`culture.website.categories.${c}`),
              }))}
            />
          )}
        />
      </FormField>
      <FormField name="author" label={t('culture.website.fields.author')} error={errors.author}>
        <Controller
          control={control}
          name="author"
          render={({ field }) => (
            <Input {...field} value={field.value ?? ''} id="field-author" data-testid="website-author" />
          )}
        />
      </FormField>
      {invitation && (
        <Controller
          control={control}
          name="linkInvitation"
          render={({ field }) => (
            <div data-testid="website-link-invitation" style={{ marginBottom: 16 }}>
              <Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)}>
                {t('culture.invitations.linkOffer', {
                  name: directory?.personById.get(invitation.personId)?.name ?? '',
                  askedAt: formatTime(invitation.askedAt),
                })}
              </Checkbox>
            </div>
          )}
        />
      )}
      <FormField
        name="publishedAt"
        label={t('culture.website.fields.publishedAt')}
        error={errors.publishedAt}
        required
      >
        <Controller
          control={control}
          name="publishedAt"
          render={({ field }) => (
            <ChinaTimeField
              id="field-publishedAt"
              testId="website-published"
              value={field.value}
              onChange={field.onChange}
              inputRef={field.ref}
            />
          )}
        />
      </FormField>
      <FormField name="url" label={t('culture.website.fields.url')} error={errors.url}>
        <Controller
          control={control}
          name="url"
          render={({ field }) => (
            <Input
              {...field}
              value={field.value ?? ''}
              id="field-url"
              data-testid="website-url"
              placeholder="https://"
            />
          )}
        />
      </FormField>
    </FormModal>
  );
}
