// Settings → Sync, what this PC syncs through: the shared folder (one office) or a WebDAV server
// (a NAS or Nextcloud between sites). The WebDAV address, user and password go to the main
// process in one call ('sync:webdav'); the password is never read back, never in the settings.
// Plain http is taken only for a loopback or LAN address, with a warning in view. A server whose
// certificate the system does not trust (a NAS's own) is shown by its SHA-256 fingerprint to be
// confirmed before it is pinned; nothing is saved until then.
// Test ids: sync-via (radio: folder, webdav), webdav-form, webdav-url, webdav-user,
// webdav-password, webdav-save, webdav-off, webdav-http-warning, webdav-memory-note,
// webdav-kept, webdav-error, webdav-cert-fingerprint (in the confirmation dialog),
// error-url, error-user.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { NetdeskApi } from '../../../shared/ipc';
import {
  checkWebDavAddress,
  webdavSetupRequestSchema,
  type ServerCertificate,
} from '../../../shared/sync/webdav-address';
import { getNetdesk } from '../../api/netdesk';
import { FormField } from '../../components/FormField';
import { handleFormKeys } from '../../components/form-keys';
import { describeError, zodIssueMessage } from '../../i18n/errors';
import { useSettingsStore } from '../../store/settings';

// The request's own rules for address and user (one home: shared/sync/webdav-address.ts); the
// password may stay empty to keep the one kept before.
const saveShape = webdavSetupRequestSchema.options[0].shape;
const webdavFormSchema = z.object({
  url: saveShape.url,
  user: saveShape.user,
  password: z.string().max(1000),
});
type WebDavForm = z.infer<typeof webdavFormSchema>;

/** Folder or WebDAV: the choice, and the card of the one chosen. */
export function SyncViaCard({ folderCard }: { folderCard: React.ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const via = useSettingsStore((s) => s.settings.syncVia);
  const [choice, setChoice] = useState(via);
  const [error, setError] = useState<string | null>(null);

  const backToFolder = async () => {
    setError(null);
    try {
      const result = await getNetdesk().setupWebDav({ action: 'off' });
      if (result.saved) useSettingsStore.setState({ settings: result.settings });
      void message.success(t('sync.webdav.offDone'));
    } catch (err) {
      setError(describeError(err, t));
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('sync.webdav.viaTitle')}>
        <Radio.Group
          data-testid="sync-via"
          value={choice}
          onChange={(e) => setChoice(e.target.value as typeof choice)}
          options={[
            { value: 'folder', label: t('sync.webdav.viaFolder') },
            { value: 'webdav', label: t('sync.webdav.viaWebdav') },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('sync.webdav.viaHelp')}
        </Typography.Paragraph>
        {choice === 'folder' && via === 'webdav' && (
          <Popconfirm title={t('sync.webdav.offConfirm')} onConfirm={() => void backToFolder()}>
            <Button data-testid="webdav-off" style={{ marginTop: 8 }}>
              {t('sync.webdav.off')}
            </Button>
          </Popconfirm>
        )}
        {error && (
          <Typography.Text type="danger" data-testid="webdav-error">
            {error}
          </Typography.Text>
        )}
      </Card>
      {choice === 'webdav' ? <WebDavCard /> : folderCard}
    </Space>
  );
}

function WebDavCard() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const settings = useSettingsStore((s) => s.settings);
  const mode = useSettingsStore((s) => s.appInfo?.mode);
  const [error, setError] = useState<string | null>(null);
  const [kept, setKept] = useState<'encrypted' | 'memory' | null>(null);
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<WebDavForm>({
    resolver: zodResolver(webdavFormSchema, { error: zodIssueMessage }),
    defaultValues: { url: settings.webdavUrl, user: settings.webdavUser, password: '' },
  });
  const url = useWatch({ control, name: 'url' });
  const plainHttp = checkWebDavAddress(url ?? '');

  /** Ask the user to confirm a certificate the system does not trust; true to pin it. */
  const confirmCertificate = (cert: ServerCertificate) =>
    modal.confirm({
      title: t('sync.webdav.certTitle'),
      width: 560,
      okText: t('sync.webdav.certTrust'),
      cancelText: t('common.cancel'),
      content: (
        <Space direction="vertical">
          <Typography.Text>{t('sync.webdav.certHelp')}</Typography.Text>
          <Typography.Text>
            {t('sync.webdav.certSubject', { subject: cert.subject, issuer: cert.issuer })}
          </Typography.Text>
          <Typography.Text>{t('sync.webdav.certValidTo', { date: cert.validTo })}</Typography.Text>
          <Typography.Text
            code
            copyable
            data-testid="webdav-cert-fingerprint"
            style={{ wordBreak: 'break-all' }}
          >
            {cert.fingerprint256}
          </Typography.Text>
        </Space>
      ),
    });

  const save = async (api: NetdeskApi, values: WebDavForm, trust?: string): Promise<void> => {
    const result = await api.setupWebDav({
      action: 'save',
      url: values.url,
      user: values.user,
      ...(values.password !== '' && { password: values.password }),
      ...(trust && { trust }),
    });
    if (!result.saved) {
      if (await confirmCertificate(result.certificate))
        return save(api, values, result.certificate.fingerprint256);
      setError(t('sync.webdav.certNotTrusted'));
      return;
    }
    useSettingsStore.setState({ settings: result.settings });
    reset({ url: result.settings.webdavUrl, user: result.settings.webdavUser, password: '' });
    if (result.passwordKept !== 'none') setKept(result.passwordKept);
    void message.success(t('sync.webdav.saved'));
  };

  const onSubmit = async (values: WebDavForm) => {
    setError(null);
    try {
      await save(getNetdesk(), values);
    } catch (err) {
      setError(describeError(err, t));
    }
  };

  return (
    <Card title={t('sync.webdav.title')}>
      <Typography.Paragraph type="secondary">{t('sync.webdav.help')}</Typography.Paragraph>
      <form
        onSubmit={(e) => void handleSubmit(onSubmit)(e)}
        onKeyDown={handleFormKeys}
        noValidate
        data-testid="webdav-form"
      >
        <Form layout="vertical" component={false}>
          <FormField
            name="url"
            label={t('sync.webdav.url')}
            error={errors.url}
            required
            help={t('sync.webdav.urlHelp')}
          >
            <Controller
              control={control}
              name="url"
              render={({ field }) => (
                <Input
                  {...field}
                  id="field-url"
                  data-testid="webdav-url"
                  placeholder="https://nas.example.cn:5006/netdesk/"
                />
              )}
            />
          </FormField>
          {plainHttp.ok && plainHttp.warning && (
            <Alert
              type="warning"
              showIcon
              data-testid="webdav-http-warning"
              message={t('sync.webdav.httpWarning')}
              style={{ marginBottom: 16 }}
            />
          )}
          <FormField name="user" label={t('sync.webdav.user')} error={errors.user} required>
            <Controller
              control={control}
              name="user"
              render={({ field }) => (
                <Input {...field} id="field-user" data-testid="webdav-user" autoComplete="off" />
              )}
            />
          </FormField>
          <FormField
            name="password"
            label={t('sync.webdav.password')}
            error={errors.password}
            help={settings.syncVia === 'webdav' ? t('sync.webdav.passwordKeep') : undefined}
          >
            <Controller
              control={control}
              name="password"
              render={({ field }) => (
                <Input.Password
                  {...field}
                  id="field-password"
                  data-testid="webdav-password"
                  autoComplete="new-password"
                />
              )}
            />
          </FormField>
          {mode === 'browser' && (
            <Alert
              type="info"
              showIcon
              data-testid="webdav-memory-note"
              message={t('sync.webdav.memoryNote')}
              style={{ marginBottom: 16 }}
            />
          )}
          <Button type="primary" htmlType="submit" loading={isSubmitting} data-testid="webdav-save">
            {t('sync.webdav.save')}
          </Button>
          {kept && (
            <Typography.Paragraph type="secondary" data-testid="webdav-kept" style={{ marginTop: 8 }}>
              {t(`sync.webdav.kept.${kept}`)}
            </Typography.Paragraph>
          )}
          {error && (
            <Typography.Paragraph type="danger" data-testid="webdav-error" style={{ marginTop: 8 }}>
              {error}
            </Typography.Paragraph>
          )}
        </Form>
      </form>
    </Card>
  );
}
