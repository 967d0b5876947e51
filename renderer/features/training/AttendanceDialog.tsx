// Mark a training held from its signed sign-in sheet: tick who signed (the roster, in the sheet's
// order), add walk-ins who signed a blank row, attach the scan of the sheet, and note the
// feedback. Nobody ticked is refused with a message, and nothing is saved.
// Test ids: attendance-dialog, attendance-person (data-name, a checkbox), attendance-walkins,
// attendance-scan-input, attendance-scan-name, attendance-feedback, attendance-score,
// attendance-error, attendance-submit.
import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Input, Rate, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Training, TrainingAttendee } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { FileUpload } from '../../components/FileUpload';
import { readScanFile, SCAN_ACCEPT } from '../../components/scan-file';
import { FormField } from '../../components/FormField';
import { FormModal } from '../../components/FormModal';
import type { AttachmentInput } from '../../db/repository';
import { describeError } from '../../i18n/errors';
import type { Directory } from '../../directory/directory';
import { markTrainingHeld, TrainingRefused } from './data';

interface AttendanceProps {
  training: Training | null;
  roster: TrainingAttendee[];
  directory: Directory;
  today: string;
  onClose: () => void;
}

/** The dialog for `training`, fresh for each training opened (null: closed). */
export function AttendanceDialog(props: AttendanceProps) {
  return props.training ? (
    <AttendanceForm key={props.training.id} {...props} training={props.training} />
  ) : null;
}

function AttendanceForm(props: AttendanceProps & { training: Training }) {
  const { t } = useTranslation();
  const { db, repo } = useLedger();
  const { message } = App.useApp();
  const { training, roster, directory } = props;
  const [signed, setSigned] = useState<string[]>(() => roster.filter((a) => a.signed).map((a) => a.personId));
  const [walkIns, setWalkIns] = useState<string[]>([]);
  const [scan, setScan] = useState<AttachmentInput | null>(null);
  const [feedback, setFeedback] = useState(training.feedback ?? '');
  const [score, setScore] = useState(training.feedbackScore ?? 0);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onRoster = useMemo(() => new Set(roster.map((a) => a.personId)), [roster]);
  const nameOf = (id: string) => directory.personById.get(id)?.name ?? id;
  const deptOf = (id: string) => {
    const d = directory.personById.get(id)?.departmentId;
    return d ? (directory.departmentById.get(d)?.name ?? '') : '';
  };

  const pickScan = async (file: File) => {
    const picked = await readScanFile(file, t);
    if ('refused' in picked) return void message.error(picked.refused);
    setScan(picked.scan);
  };

  const save = async () => {
    setSaving(true);
    try {
      await markTrainingHeld(
        db,
        repo,
        training.id,
        {
          attendedPersonIds: [...signed, ...walkIns],
          ...(scan ? { scan } : {}),
          feedback: feedback.trim(),
          feedbackScore: score > 0 ? score : null,
        },
        props.today,
      );
      void message.success(t('training.held.saved', { count: signed.length + walkIns.length }));
      props.onClose();
    } catch (err) {
      if (err instanceof TrainingRefused) setError(t(`training.held.refused.${err.reason}`));
      else void message.error(describeError(err, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormModal
      open
      title={t('training.held.title', { topic: training.topic })}
      formId="attendance-dialog"
      submitTestId="attendance-submit"
      submitting={saving}
      onCancel={props.onClose}
      onOpened={() =>
        document.querySelector<HTMLInputElement>('[data-testid="attendance-person"] input')?.focus()
      }
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      width={680}
    >
      <FormField
        name="signed"
        label={t('training.held.signed', { count: signed.length, total: roster.length })}
      >
        <Checkbox.Group value={signed} onChange={setSigned} style={{ width: '100%' }}>
          <Space direction="vertical" style={{ maxHeight: 260, overflowY: 'auto', width: '100%' }}>
            {roster.map((a, i) => (
              <Checkbox
                key={a.personId}
                value={a.personId}
                data-testid="attendance-person"
                data-name={nameOf(a.personId)}
              >
                {i + 1}. {nameOf(a.personId)}{' '}
                <Typography.Text type="secondary">{deptOf(a.personId)}</Typography.Text>
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      </FormField>
      <FormField name="walkIns" label={t('training.held.walkIns')}>
        <Select
          mode="multiple"
          id="field-walkIns"
          data-testid="attendance-walkins"
          value={walkIns}
          onChange={setWalkIns}
          showSearch={{ optionFilterProp: 'label' }}
          options={directory.people
            .filter((p) => !onRoster.has(p.id))
            .map((p) => ({ value: p.id, label: `${p.name}（${p.employeeNo}）` }))}
        />
      </FormField>
      <FormField name="scan" label={t('training.held.scan')}>
        <Space>
          <FileUpload accept={SCAN_ACCEPT} testId="attendance-scan-input" onFile={(f) => void pickScan(f)}>
            <Button icon={<PaperClipOutlined />}>{t('training.held.pickScan')}</Button>
          </FileUpload>
          <Typography.Text data-testid="attendance-scan-name">{scan?.name ?? ''}</Typography.Text>
        </Space>
      </FormField>
      <FormField name="feedback" label={t('training.held.feedback')}>
        <Input.TextArea
          id="field-feedback"
          data-testid="attendance-feedback"
          value={feedback}
          onChange={(e) => setFeedback(e.target.value)}
          autoSize={{ minRows: 2 }}
          maxLength={2000}
        />
      </FormField>
      <FormField name="score" label={t('training.held.score')}>
        <Rate data-testid="attendance-score" value={score} onChange={setScore} />
      </FormField>
      {error && (
        <Typography.Text type="danger" data-testid="attendance-error">
          {error}
        </Typography.Text>
      )}
    </FormModal>
  );
}
