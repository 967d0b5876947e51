// NetDesk's first run: on an empty ledger, three short steps before the dashboard — the company's
// name, the supervisor's name and this PC's card-number letter; the shared folder (optional); and
// how to fill the ledger (the demo data, importing people or devices, or an empty start). Put off
// with "以后再说" (Esc); it does not come back once done or put off, nor once the ledger has records.
// The company name is written last, after the demo data if chosen: the demo is loaded only into a
// ledger with no record at all.
// Test ids: first-run, first-run-company, first-run-operator, first-run-pc, first-run-next,
// first-run-later, first-run-folder, first-run-folder-choose, first-run-start (radio group, values
// demo/people/devices/empty), first-run-finish, first-run-progress.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Form, Input, Modal, Progress, Radio, Space, Steps, Typography, App } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { getNetdesk } from '../../api/netdesk';
import { FormField } from '../../components/FormField';
import { handleFormKeys } from '../../components/form-keys';
import { setLedgerSetting } from '../../db/ledger-settings';
import type { Repository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { describeError, zodIssueMessage } from '../../i18n/errors';
import { useSettingsStore } from '../../store/settings';
import { useUiStore } from '../../store/ui';
import {
  firstRunSchema,
  FIRST_RUN_STARTS,
  type FirstRunAnswers,
  type FirstRunStart,
} from '../../../shared/setup/first-run';
import { ledgerHasRecords, loadDemoLedger } from '../dashboard/demo-data';
import { markFirstRunDone } from './first-run-flag';

export function FirstRunSetup({ db, repo }: { db: NetdeskDb; repo: Repository }) {
  const hasRecords = useLiveQuery(() => ledgerHasRecords(db), [db]);
  // Decided once, on the ledger as it was at start: the demo data arriving while the setup
  // finishes must not close it halfway.
  const [show, setShow] = useState<boolean | null>(null);
  if (show === null && hasRecords !== undefined) setShow(!hasRecords);
  useEffect(() => {
    // A ledger with records (another PC's, a restored backup) needs no setup, now or later.
    if (show === false) markFirstRunDone();
  }, [show]);
  if (!show) return null;
  return <SetupDialog db={db} repo={repo} onClose={() => setShow(false)} />;
}

function SetupDialog({ db, repo, onClose }: { db: NetdeskDb; repo: Repository; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useSettingsStore((s) => s.settings);
  const save = useSettingsStore((s) => s.save);
  const navigate = useUiStore((s) => s.navigate);
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<FirstRunAnswers | null>(null);
  const [start, setStart] = useState<FirstRunStart>('demo');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const later = () => {
    markFirstRunDone();
    onClose();
  };

  const finish = async () => {
    if (!answers) return;
    setError(null);
    try {
      if (start === 'demo') {
        setProgress(0);
        await loadDemoLedger(db, new Date(), (done, total) =>
          setProgress(total > 0 ? Math.round((done / total) * 100) : 0),
        );
      }
      await setLedgerSetting(db, repo, 'companyName', answers.companyName);
      markFirstRunDone();
      void message.success(t('firstRun.done'));
      onClose();
      if (start === 'people' || start === 'devices') navigate(start);
    } catch (err) {
      setError(describeError(err, t));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Modal
      open
      title={t('firstRun.title')}
      width={640}
      footer={null}
      maskClosable={false}
      onCancel={later}
      destroyOnHidden
    >
      <div data-testid="first-run">
        <Steps
          size="small"
          current={step}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('firstRun.stepNames') },
            { title: t('firstRun.stepFolder') },
            { title: t('firstRun.stepStart') },
          ]}
        />
        {step === 0 && (
          <NamesStep
            initial={{
              companyName: answers?.companyName ?? '',
              operatorName: settings.operatorName,
              pcCode: settings.pcCode,
            }}
            onLater={later}
            onNext={async (values) => {
              await save(getNetdesk(), { operatorName: values.operatorName, pcCode: values.pcCode });
              setAnswers(values);
              setStep(1);
            }}
          />
        )}
        {step === 1 && <FolderStep onBack={() => setStep(0)} onNext={() => setStep(2)} />}
        {step === 2 && (
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Typography.Paragraph>{t('firstRun.startIntro')}</Typography.Paragraph>
            <Radio.Group
              data-testid="first-run-start"
              value={start}
              onChange={(e) => setStart(e.target.value as FirstRunStart)}
            >
              <Space direction="vertical">
                {FIRST_RUN_STARTS.map((choice) => (
                  <Radio key={choice} value={choice} data-testid={`first-run-start-${choice}`}>
                    {t(`firstRun.start.${choice}`)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
            {progress !== null && (
              <div data-testid="first-run-progress">
                <Typography.Text>{t('dashboard.demo.loading')}</Typography.Text>
                <Progress percent={progress} />
              </div>
            )}
            {error && <Alert type="error" showIcon title={t('firstRun.failed', { detail: error })} />}
            <Space>
              <Button onClick={() => setStep(1)} disabled={progress !== null}>
                {t('firstRun.back')}
              </Button>
              <Button
                type="primary"
                data-testid="first-run-finish"
                loading={progress !== null}
                onClick={() => void finish()}
                autoFocus
              >
                {t('firstRun.finish')}
              </Button>
            </Space>
          </Space>
        )}
      </div>
    </Modal>
  );
}

function NamesStep(props: {
  initial: FirstRunAnswers;
  onNext: (values: FirstRunAnswers) => Promise<void>;
  onLater: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const {
    control,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof firstRunSchema>, unknown, FirstRunAnswers>({
    resolver: zodResolver(firstRunSchema, { error: zodIssueMessage }),
    defaultValues: props.initial,
  });
  useEffect(() => setFocus('companyName'), [setFocus]);

  const submit = async (values: FirstRunAnswers) => {
    setError(null);
    try {
      await props.onNext(values);
    } catch (err) {
      setError(describeError(err, t));
    }
  };

  return (
    <form onKeyDown={handleFormKeys} onSubmit={(e) => void handleSubmit(submit)(e)} noValidate>
      <Typography.Paragraph>{t('firstRun.welcome')}</Typography.Paragraph>
      <Form layout="vertical" component={false}>
        <FormField name="companyName" label={t('firstRun.companyName')} error={errors.companyName} required>
          <Controller
            control={control}
            name="companyName"
            render={({ field }) => (
              <Input {...field} id="field-companyName" data-testid="first-run-company" maxLength={100} />
            )}
          />
        </FormField>
        <FormField
          name="operatorName"
          label={t('firstRun.operatorName')}
          error={errors.operatorName}
          required
        >
          <Controller
            control={control}
            name="operatorName"
            render={({ field }) => (
              <Input {...field} id="field-operatorName" data-testid="first-run-operator" maxLength={40} />
            )}
          />
        </FormField>
        <FormField
          name="pcCode"
          label={t('settings.pcCode')}
          error={errors.pcCode}
          help={t('settings.pcCodeHelp')}
          required
        >
          <Controller
            control={control}
            name="pcCode"
            render={({ field }) => (
              <Input
                {...field}
                id="field-pcCode"
                data-testid="first-run-pc"
                maxLength={1}
                style={{ width: 80 }}
                onChange={(e) => field.onChange(e.target.value.toUpperCase())}
              />
            )}
          />
        </FormField>
      </Form>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('firstRun.failed', { detail: error })}
        />
      )}
      <Space>
        <Button data-testid="first-run-later" onClick={props.onLater}>
          {t('firstRun.later')}
        </Button>
        <Button type="primary" htmlType="submit" loading={isSubmitting} data-testid="first-run-next">
          {t('firstRun.next')}
        </Button>
      </Space>
    </form>
  );
}

/** The shared folder: the main process's dialog in the desktop app; in browser mode, how to give it. */
function FolderStep({ onBack, onNext }: { onBack: () => void; onNext: () => void }) {
  const { t } = useTranslation();
  const mode = useSettingsStore((s) => s.appInfo?.mode);
  const folder = useSettingsStore((s) => s.settings.syncFolder);
  const chooseFolder = useSettingsStore((s) => s.chooseFolder);
  const [error, setError] = useState<string | null>(null);

  const choose = async () => {
    setError(null);
    try {
      await chooseFolder(getNetdesk(), { which: 'sync', choice: 'dialog' });
    } catch (err) {
      setError(describeError(err, t));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph>{t('firstRun.folderIntro')}</Typography.Paragraph>
      <Typography.Paragraph data-testid="first-run-folder" strong>
        {folder || t('sync.folderNone')}
      </Typography.Paragraph>
      {mode === 'browser' ? (
        <Alert type="info" showIcon title={t('sync.folderBrowserHelp')} />
      ) : (
        <Button data-testid="first-run-folder-choose" onClick={() => void choose()}>
          {t('firstRun.folderChoose')}
        </Button>
      )}
      {error && <Alert type="error" showIcon title={error} />}
      <Space>
        <Button onClick={onBack}>{t('firstRun.back')}</Button>
        <Button type="primary" data-testid="first-run-next" onClick={onNext} autoFocus>
          {folder ? t('firstRun.next') : t('firstRun.skipFolder')}
        </Button>
      </Space>
    </Space>
  );
}
