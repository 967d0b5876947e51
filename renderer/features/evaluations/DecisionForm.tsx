// Approve or reject a work request: who decided (总经理, 董事长…) and on which day. The paper
// form carries the wet signature; this records the decision in the ledger.
// Test ids: decision-form, decision-approver, decision-date, decision-submit, decision-form-cancel.
import { App, DatePicker, Input } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDay } from '../../../shared/time/china';
import type { PurchaseEvaluation } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { FormField } from '../../components/FormField';
import { DATE_FORMAT } from '../../i18n/dates';
import { FormModal } from '../../components/FormModal';
import { describeError } from '../../i18n/errors';

export interface Decision {
  evaluation: PurchaseEvaluation;
  status: 'approved' | 'rejected';
}

/** Mount with a `key` per decision: each starts from the request's own approver and today. */
export function DecisionForm({ decision, onClose }: { decision: Decision | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { repo } = useLedger();
  const { message } = App.useApp();
  const [approverName, setApproverName] = useState(decision?.evaluation.approverName ?? '');
  const [decidedOn, setDecidedOn] = useState(() => chinaDay(new Date()));
  const [submitting, setSubmitting] = useState(false);

  if (!decision) return null;
  const { evaluation, status } = decision;

  const submit = async () => {
    setSubmitting(true);
    try {
      await repo.update('purchaseEvaluations', evaluation.id, { status, approverName, decidedOn });
      void message.success(t('evaluations.statusChanged', { status: t(`evaluations.statuses.${status}`) }));
      onClose();
    } catch (err) {
      void message.error(describeError(err, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <FormModal
      open
      title={
        status === 'approved'
          ? t('evaluations.decide.approveTitle', { item: evaluation.item })
          : t('evaluations.decide.rejectTitle', { item: evaluation.item })
      }
      formId="decision-form"
      submitTestId="decision-submit"
      submitting={submitting}
      onCancel={onClose}
      onOpened={() => document.getElementById('field-approverName')?.focus()}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      width={420}
    >
      <FormField name="approverName" label={t('evaluations.decide.approver')}>
        <Input
          id="field-approverName"
          data-testid="decision-approver"
          value={approverName}
          placeholder={t('evaluations.decide.approverPlaceholder')}
          onChange={(e) => setApproverName(e.target.value)}
        />
      </FormField>
      <FormField name="decidedOn" label={t('evaluations.decide.date')}>
        <DatePicker
          id="field-decidedOn"
          data-testid="decision-date"
          value={dayjs(decidedOn)}
          onChange={(d) => d && setDecidedOn(d.format(DATE_FORMAT))}
          allowClear={false}
          format={DATE_FORMAT}
          style={{ width: '100%' }}
        />
      </FormField>
    </FormModal>
  );
}
