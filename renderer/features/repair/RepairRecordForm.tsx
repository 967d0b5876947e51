// The repair record (维修记录) of a card: diagnosis, work done, result, time spent, suggestion and
// the parts used (name, quantity, cost; rows added and removed). Printed on the card for the
// requester's signature. Ctrl+Enter saves from anywhere (the text areas keep Enter for new lines).
// Test ids: record-form, record-diagnosis, record-work-done, record-result, record-minutes,
// record-suggestion, record-add-part, record-part-name-<i>, record-part-qty-<i>,
// record-part-cost-<i>, record-remove-part-<i>, record-submit, record-form-cancel, error-<field>.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Input, InputNumber, Typography } from 'antd';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { repairCardSchema, type RepairCard } from '../../../shared/schemas';
import { FormField } from '../../components/FormField';
import { FormModal } from '../../components/FormModal';
import { zodIssueMessage } from '../../i18n/errors';
import { textLimit } from './card-fields';
import { saveRepairRecord } from './data';
import { repairErrorText } from './repair-errors';
import { useRepairContext } from './use-repair';

const s = repairCardSchema.shape;
export const recordSchema = z.object({
  diagnosis: s.diagnosis,
  workDone: s.workDone,
  result: s.result,
  minutesSpent: s.minutesSpent,
  suggestion: s.suggestion,
  parts: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(60),
        quantity: z.number().int().min(1).max(1000),
        cost: z.number().nonnegative().max(1e7).nullable(),
      }),
    )
    .max(50),
});
type RecordValues = z.input<typeof recordSchema>;
type RecordOutput = z.output<typeof recordSchema>;
type TextName = 'diagnosis' | 'workDone' | 'result' | 'suggestion';

export function RepairRecordForm(props: {
  card: RepairCard;
  /** Field to put the cursor in first (the suggestion after "给出维修建议"). */
  focus?: TextName;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ctx = useRepairContext();
  const { card } = props;
  const {
    control,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<RecordValues, unknown, RecordOutput>({
    resolver: zodResolver(recordSchema, { error: zodIssueMessage }),
    defaultValues: {
      diagnosis: card.diagnosis,
      workDone: card.workDone,
      result: card.result,
      minutesSpent: card.minutesSpent,
      suggestion: card.suggestion,
      parts: card.parts.map((p) => ({ name: p.name, quantity: p.quantity, cost: p.cost })),
    },
  });
  const parts = useFieldArray({ control, name: 'parts' });

  const onSubmit = async (v: RecordOutput) => {
    try {
      await saveRepairRecord(ctx, card.id, {
        ...v,
        parts: v.parts.map((p) => ({ name: p.name, quantity: p.quantity, cost: p.cost ?? 0 })),
      });
      void message.success(t('repair.recordForm.saved'));
      props.onClose();
    } catch (err) {
      const { field, message: text } = repairErrorText(err, t);
      if (field && field in recordSchema.shape) {
        setError(field as keyof RecordValues, { type: 'repository', message: text }, { shouldFocus: true });
      } else {
        void message.error(text);
      }
    }
  };

  const area = (name: TextName, testId: string) => (
    <FormField name={name} label={t(`repair.fields.${name}`)} error={errors[name]}>
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <Input.TextArea
            {...field}
            value={field.value ?? ''}
            id={`field-${name}`}
            data-testid={testId}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={textLimit(recordSchema.shape[name])}
            showCount
          />
        )}
      />
    </FormField>
  );

  return (
    <FormModal
      open
      width={720}
      title={t('repair.recordForm.title', { no: card.cardNo })}
      formId="record-form"
      submitTestId="record-submit"
      submitting={isSubmitting}
      onCancel={props.onClose}
      onOpened={() => setFocus(props.focus ?? 'diagnosis')}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <div>
        {area('diagnosis', 'record-diagnosis')}
        {area('workDone', 'record-work-done')}
        <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr', columnGap: 16 }}>
          <FormField name="result" label={t('repair.fields.result')} error={errors.result}>
            <Controller
              control={control}
              name="result"
              render={({ field }) => (
                <Input {...field} value={field.value ?? ''} id="field-result" data-testid="record-result" />
              )}
            />
          </FormField>
          <FormField name="minutesSpent" label={t('repair.fields.minutesSpent')} error={errors.minutesSpent}>
            <Controller
              control={control}
              name="minutesSpent"
              render={({ field }) => (
                <InputNumber
                  ref={field.ref}
                  id="field-minutesSpent"
                  data-testid="record-minutes"
                  min={0}
                  precision={0}
                  style={{ width: '100%' }}
                  value={field.value ?? null}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : null)}
                  onBlur={field.onBlur}
                />
              )}
            />
          </FormField>
        </div>
        {area('suggestion', 'record-suggestion')}
        <Typography.Text strong>{t('repair.fields.parts')}</Typography.Text>
        {parts.fields.map((row, i) => (
          <div
            key={row.id}
            style={{ display: 'grid', gridTemplateColumns: '3fr 1fr 1fr auto', columnGap: 8, marginTop: 8 }}
          >
            <FormField
              name={`parts.${i}.name`}
              label={t('repair.fields.partName')}
              error={errors.parts?.[i]?.name}
            >
              <Controller
                control={control}
                name={`parts.${i}.name`}
                render={({ field }) => (
                  <Input {...field} id={`field-parts.${i}.name`} data-testid={`record-part-name-${i}`} />
                )}
              />
            </FormField>
            <FormField
              name={`parts.${i}.quantity`}
              label={t('repair.fields.partQuantity')}
              error={errors.parts?.[i]?.quantity}
            >
              <Controller
                control={control}
                name={`parts.${i}.quantity`}
                render={({ field }) => (
                  <InputNumber
                    ref={field.ref}
                    id={`field-parts.${i}.quantity`}
                    data-testid={`record-part-qty-${i}`}
                    min={1}
                    precision={0}
                    style={{ width: '100%' }}
                    value={field.value}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
                  />
                )}
              />
            </FormField>
            <FormField
              name={`parts.${i}.cost`}
              label={t('repair.fields.partCost')}
              error={errors.parts?.[i]?.cost}
            >
              <Controller
                control={control}
                name={`parts.${i}.cost`}
                render={({ field }) => (
                  <InputNumber
                    ref={field.ref}
                    id={`field-parts.${i}.cost`}
                    data-testid={`record-part-cost-${i}`}
                    min={0}
                    precision={2}
                    style={{ width: '100%' }}
                    value={field.value ?? null}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : null)}
                  />
                )}
              />
            </FormField>
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              style={{ marginTop: 30 }}
              aria-label={t('repair.recordForm.removePart')}
              title={t('repair.recordForm.removePart')}
              data-testid={`record-remove-part-${i}`}
              onClick={() => parts.remove(i)}
            />
          </div>
        ))}
        <div style={{ margin: '8px 0 16px' }}>
          <Button
            icon={<PlusOutlined />}
            data-testid="record-add-part"
            onClick={() => parts.append({ name: '', quantity: 1, cost: null }, { shouldFocus: true })}
          >
            {t('repair.recordForm.addPart')}
          </Button>
        </div>
      </div>
    </FormModal>
  );
}
