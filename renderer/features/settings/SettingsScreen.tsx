// This PC's settings: UI language, who uses the PC, the PC's letter in card numbers and the
// reports folder; the company's name and rest days, shared by the whole ledger (CompanySettings); plus what NetDesk knows about itself (version, mode, data folder).
// The reports folder is never typed here: the main process's own folder dialog chooses it in
// the desktop app, and browser mode offers a fixed choice (the page may never send a path).
// Validated with the settings schema of shared/settings.ts, the same one the main process applies.
// Test ids: settings-form, settings-language, settings-operator-name, settings-pc-code,
// settings-reports-dir (the folder in force), settings-reports-choose, settings-reports-default,
// settings-reports-documents, settings-submit, settings-app-info, error-<field> (field errors),
// settings-tabs (general | company | sync | backups, following #/settings/<tab>).
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Card, Descriptions, Form, Input, Select, Space, Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { appSettingsSchema, LANGUAGES } from '../../../shared/settings';
import { getNetdesk } from '../../api/netdesk';
import { FormField } from '../../components/FormField';
import { handleFormKeys } from '../../components/form-keys';
import { applyLanguage } from '../../i18n';
import { describeError, zodIssueMessage } from '../../i18n/errors';
import { useSettingsStore } from '../../store/settings';
import { useUiStore } from '../../store/ui';
import { CheckTemplatesSettings } from '../checks/CheckTemplatesSettings';
import { GuaranteePledgeSettings } from '../network/GuaranteePledgeSettings';
import { BackupPanel } from '../sync/BackupPanel';
import { SyncPanel } from '../sync/SyncPanel';
import { CompanySettings } from './CompanySettings';

/** The settings this screen edits; the sync folder belongs to the sync screen. */
const editableSettingsSchema = appSettingsSchema.pick({
  language: true,
  operatorName: true,
  pcCode: true,
});
type EditableInput = z.input<typeof editableSettingsSchema>;
type Editable = z.output<typeof editableSettingsSchema>;

/** The settings with its tabs: this PC's settings, folder sync, backups. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const sub = useUiStore((s) => s.sub);
  const navigate = useUiStore((s) => s.navigate);
  const tab = sub === 'company' || sub === 'sync' || sub === 'backups' ? sub : 'general';
  return (
    <div style={{ maxWidth: 960 }}>
      <Typography.Title level={3}>{t('settings.title')}</Typography.Title>
      <Tabs
        data-testid="settings-tabs"
        activeKey={tab}
        onChange={(key) => navigate('settings', key === 'general' ? '' : key)}
        items={[
          { key: 'general', label: t('sync.tabs.general'), children: <GeneralSettings /> },
          {
            key: 'company',
            label: <span data-testid="settings-tab-company">{t('settings.company.tab')}</span>,
            children: <CompanySettings />,
          },
          {
            key: 'sync',
            label: <span data-testid="settings-tab-sync">{t('sync.tabs.sync')}</span>,
            children: <SyncPanel />,
          },
          {
            key: 'backups',
            label: <span data-testid="settings-tab-backups">{t('sync.tabs.backups')}</span>,
            children: <BackupPanel />,
          },
        ]}
      />
    </div>
  );
}

function GeneralSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useSettingsStore((s) => s.settings);
  const save = useSettingsStore((s) => s.save);

  const {
    control,
    handleSubmit,
    reset,
    setFocus,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<EditableInput, unknown, Editable>({
    resolver: zodResolver(editableSettingsSchema, { error: zodIssueMessage }),
    defaultValues: pick(settings),
  });

  // Settings arrive after start-up; show them once read, without losing edits in progress.
  useEffect(() => {
    if (!isDirty) reset(pick(settings));
  }, [settings, isDirty, reset]);

  useEffect(() => setFocus('operatorName'), [setFocus]);

  const onSubmit = async (values: Editable) => {
    try {
      const saved = await save(getNetdesk(), values);
      reset(pick(saved));
      await applyLanguage(saved.language);
      void message.success(t('settings.saved'));
    } catch (err) {
      void message.error(t('settings.saveFailed', { detail: describeError(err, t) }));
    }
  };

  return (
    <div style={{ maxWidth: 720 }}>
      <Card style={{ marginBottom: 16 }}>
        <form
          onSubmit={(e) => void handleSubmit(onSubmit)(e)}
          onKeyDown={handleFormKeys}
          noValidate
          data-testid="settings-form"
        >
          <Form layout="vertical" component={false}>
            <FormField name="language" label={t('settings.language')} error={errors.language}>
              <Controller
                control={control}
                name="language"
                render={({ field }) => (
                  <Select
                    id="field-language"
                    data-testid="settings-language"
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    options={LANGUAGES.map((lang) => ({
                      value: lang,
                      label: t(`app.languageNames.${lang}`),
                    }))}
                    style={{ width: 200 }}
                  />
                )}
              />
            </FormField>
            <FormField
              name="operatorName"
              label={t('settings.operatorName')}
              error={errors.operatorName}
              help={t('settings.operatorNameHelp')}
            >
              <Controller
                control={control}
                name="operatorName"
                render={({ field }) => (
                  <Input
                    {...field}
                    id="field-operatorName"
                    data-testid="settings-operator-name"
                    maxLength={40}
                  />
                )}
              />
            </FormField>
            <FormField
              name="pcCode"
              label={t('settings.pcCode')}
              error={errors.pcCode}
              help={t('settings.pcCodeHelp')}
            >
              <Controller
                control={control}
                name="pcCode"
                render={({ field }) => (
                  <Input
                    {...field}
                    id="field-pcCode"
                    data-testid="settings-pc-code"
                    maxLength={1}
                    style={{ width: 80 }}
                    onChange={(e) => field.onChange(e.target.value.toUpperCase())}
                  />
                )}
              />
            </FormField>
            <Button type="primary" htmlType="submit" loading={isSubmitting} data-testid="settings-submit">
              {t('settings.save')}
            </Button>
          </Form>
        </form>
      </Card>
      <ReportsFolderCard />
      <AppInfoCard />
      <CheckTemplatesSettings />
      <GuaranteePledgeSettings />
    </div>
  );
}

/** The reports folder: chosen by the main process's dialog, or from a fixed list in browser mode. */
function ReportsFolderCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const info = useSettingsStore((s) => s.appInfo);
  const chooseFolder = useSettingsStore((s) => s.chooseFolder);
  const choose = async (choice: 'dialog' | 'default' | 'documents') => {
    try {
      if (await chooseFolder(getNetdesk(), { which: 'reports', choice }))
        void message.success(t('settings.folderChanged'));
    } catch (err) {
      void message.error(t('settings.folderFailed', { detail: describeError(err, t) }));
    }
  };
  return (
    <Card title={t('settings.reportsDir')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('settings.reportsDirHelp')}</Typography.Paragraph>
      <Typography.Paragraph data-testid="settings-reports-dir">
        {t('settings.reportsDirCurrent', { path: info?.reportsDir ?? '' })}
      </Typography.Paragraph>
      <Space wrap>
        {info?.mode === 'electron' && (
          <Button data-testid="settings-reports-choose" onClick={() => void choose('dialog')}>
            {t('settings.folderChoose')}
          </Button>
        )}
        <Button data-testid="settings-reports-default" onClick={() => void choose('default')}>
          {t('settings.reportsDefault')}
        </Button>
        <Button data-testid="settings-reports-documents" onClick={() => void choose('documents')}>
          {t('settings.reportsDocuments')}
        </Button>
      </Space>
      {info?.mode === 'browser' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('settings.reportsBrowserHelp')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function pick(settings: Editable): Editable {
  return {
    language: settings.language,
    operatorName: settings.operatorName,
    pcCode: settings.pcCode,
  };
}

function AppInfoCard() {
  const { t } = useTranslation();
  const info = useSettingsStore((s) => s.appInfo);
  const infoError = useSettingsStore((s) => s.appInfoError);
  return (
    <Card title={t('settings.appInfo')} data-testid="settings-app-info">
      {infoError && (
        <Typography.Text type="danger">{t('settings.infoFailed', { detail: infoError })}</Typography.Text>
      )}
      {info && (
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'version', label: t('settings.version'), children: info.version },
            { key: 'mode', label: t('settings.mode'), children: t(`settings.modes.${info.mode}`) },
            { key: 'platform', label: t('settings.platform'), children: info.platform },
            {
              key: 'dataDir',
              label: t('settings.dataDir'),
              children: <Typography.Text copyable>{info.dataDir}</Typography.Text>,
            },
            {
              key: 'reportsDir',
              label: t('settings.defaultReportsDir'),
              children: <Typography.Text copyable>{info.reportsDir}</Typography.Text>,
            },
          ]}
        />
      )}
    </Card>
  );
}
