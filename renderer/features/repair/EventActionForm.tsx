// One workflow step on a card (开始维修, 订配件, 拒修, 领导批准 …) as a small keyboard form: the
// time defaults to now and may be changed to when it really happened; the fields the step needs
// (part, refusal cause and reason, approver, vendor) and a note. Enter saves (Ctrl+Enter from the
// note), Esc cancels. The data layer's refusal (e.g. a time before receipt) shows on its field.
// Test ids: event-form, event-at, event-part, event-cause, event-reason, event-approver-role,
// event-approver-name, event-vendor, event-note, event-submit, event-form-cancel, error-<field>.
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Input, Select } from 'antd';
import i18next from 'i18next';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { REFUSAL_CAUSES, type RepairCard } from '../../../shared/schemas';
import { DateTimeInput } from '../../components/DateInputs';
import { FormField } from '../../components/FormField';
import { FormModal } from '../../components/FormModal';
import { zodIssueMessage } from '../../i18n/errors';
import { recordRepairEvent, type RepairEventInput } from './data';
import { repairErrorText } from './repair-errors';
import { fromChinaInputValue, toChinaInputValue } from './repair-format';
import { useRepairContext } from './use-repair';

export type ActionType = RepairEventInput['type'];

export const eventSchema = z.object({
  at: z.string().refine((v) => fromChinaInputValue(v) !== null, { message: 'repair.errors.badTimeTyped' }),
  partName: z.string().trim().max(60),
  refusalCause: z.enum(REFUSAL_CAUSES).nullable(),
  reason: z.string().trim().max(1000),
  approverRole: z.enum(['general-manager', 'chairman']).nullable(),
  approverName: z.string().trim().max(40),
  vendor: z.string().trim().max(80),
  note: z.string().trim().max(2000),
});
type EventValues = z.output<typeof eventSchema>;
type EventField = keyof EventValues;

function issueMessage(issue: Parameters<typeof zodIssueMessage>[0]): string {
  if (issue.code === 'custom' && typeof issue.message === 'string') return i18next.t(issue.message);
  return zodIssueMessage(issue);
}

/** Which fields each step asks for beyond its time. */
function fieldsOf(type: ActionType): EventField[] {
  switch (type) {
    case 'part-ordered':
    case 'part-arrived':
      return ['partName', 'note'];
    case 'refused':
      return ['refusalCause', 'reason'];
    case 'approved':
    case 'approval-denied':
      return ['approverRole', 'approverName', 'note'];
    case 'vendor-contact':
      return ['vendor', 'note'];
    default:
      return ['note'];
  }
}

/** Steps whose fields the data layer requires; checked here first so the message sits on the field. */
function requiredOf(type: ActionType): EventField[] {
  if (type === 'refused') return ['refusalCause', 'reason'];
  if (type === 'approved' || type === 'approval-denied') return ['approverRole', 'approverName'];
  if (type === 'vendor-contact') return ['vendor'];
  return [];
}

export function EventActionForm(props: {
  card: RepairCard;
  /** The step to record (the parent mounts this form only while a step is being recorded). */
  type: ActionType;
  onClose: () => void;
  /** After the step was recorded (e.g. to open the repair record after "repaired"). */
  onRecorded?: (type: ActionType) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ctx = useRepairContext();
  const { card, type } = props;
  const {
    control,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<EventValues>({
    resolver: zodResolver(eventSchema, { error: issueMessage }),
    defaultValues: {
      at: toChinaInputValue(new Date()),
      partName: '',
      refusalCause: null,
      reason: '',
      approverRole: null,
      approverName: '',
      vendor: '',
      note: '',
    },
  });

  const fields = fieldsOf(type);
  const required = requiredOf(type);
  const actionName = t(`repair.event.${type}`);

  const onSubmit = async (v: EventValues) => {
    const missing = required.filter((f) => !v[f]);
    if (missing.length) {
      for (const f of missing) setError(f, { type: 'required', message: t('validation.required') });
      setFocus(missing[0]!);
      return;
    }
    const input: RepairEventInput = {
      type,
      at: fromChinaInputValue(v.at)!,
      ...(v.note ? { note: v.note } : {}),
      ...(fields.includes('partName') && v.partName ? { partName: v.partName } : {}),
      ...(type === 'refused' ? { refusalCause: v.refusalCause, reason: v.reason } : {}),
      ...(fields.includes('approverRole')
        ? { approverRole: v.approverRole, approverName: v.approverName }
        : {}),
      ...(type === 'vendor-contact' ? { vendor: v.vendor } : {}),
    };
    try {
      await recordRepairEvent(ctx, card.id, input);
      void message.success(t('repair.action.done', { action: actionName }));
      props.onClose();
      props.onRecorded?.(type);
    } catch (err) {
      const { field, message: text } = repairErrorText(err, t);
      if (field && (field === 'at' || fields.includes(field as EventField))) {
        setError(field as EventField, { type: 'repository', message: text }, { shouldFocus: true });
      } else {
        void message.error(text);
      }
    }
  };

  const text = (name: 'partName' | 'reason' | 'approverName' | 'vendor', testId: string, label: string) => (
    <FormField key={name} name={name} label={label} error={errors[name]} required={required.includes(name)}>
      <Controller
        control={control}
        name={name}
        render={({ field }) =>
          name === 'reason' ? (
            <Input.TextArea {...field} id={`field-${name}`} data-testid={testId} autoSize={{ minRows: 2 }} />
          ) : (
            <Input {...field} id={`field-${name}`} data-testid={testId} autoComplete="off" />
          )
        }
      />
    </FormField>
  );

  return (
    <FormModal
      open
      title={t('repair.action.title', { action: actionName, no: card.cardNo })}
      formId="event-form"
      submitTestId="event-submit"
      submitting={isSubmitting}
      onCancel={props.onClose}
      onOpened={() => setFocus(fields[0] === 'note' ? 'at' : fields[0]!)}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <div>
        <FormField
          name="at"
          label={type === 'head-signed' ? t('repair.fields.deptHeadSignedAt') : t('repair.fields.at')}
          error={errors.at}
          required
          help={type === 'head-signed' ? t('repair.action.headSignedAtHelp') : t('repair.action.atHelp')}
        >
          <Controller
            control={control}
            name="at"
            render={({ field }) => (
              <DateTimeInput
                inputRef={field.ref}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                id="field-at"
                testId="event-at"
              />
            )}
          />
        </FormField>
        {fields.includes('partName') && text('partName', 'event-part', t('repair.fields.partName'))}
        {fields.includes('refusalCause') && (
          <FormField
            name="refusalCause"
            label={t('repair.fields.refusalCause')}
            error={errors.refusalCause}
            required
          >
            <Controller
              control={control}
              name="refusalCause"
              render={({ field }) => (
                <Select
                  ref={field.ref}
                  id="field-refusalCause"
                  data-testid="event-cause"
                  value={field.value ?? undefined}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  options={REFUSAL_CAUSES.map((c) => ({ value: c, label: t(`repair.refusalCause.${c}`) }))}
                />
              )}
            />
          </FormField>
        )}
        {fields.includes('reason') && text('reason', 'event-reason', t('repair.fields.reason'))}
        {fields.includes('approverRole') && (
          <FormField
            name="approverRole"
            label={t('repair.fields.approverRole')}
            error={errors.approverRole}
            required
          >
            <Controller
              control={control}
              name="approverRole"
              render={({ field }) => (
                <Select
                  ref={field.ref}
                  id="field-approverRole"
                  data-testid="event-approver-role"
                  value={field.value ?? undefined}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  options={(['general-manager', 'chairman'] as const).map((r) => ({
                    value: r,
                    label: t(`repair.approverRole.${r}`),
                  }))}
                />
              )}
            />
          </FormField>
        )}
        {fields.includes('approverName') &&
          text('approverName', 'event-approver-name', t('repair.fields.approverName'))}
        {fields.includes('vendor') && text('vendor', 'event-vendor', t('repair.fields.vendor'))}
        {fields.includes('note') && (
          <FormField
            name="note"
            label={type === 'vendor-contact' ? t('repair.fields.vendorSaid') : t('repair.fields.note')}
            error={errors.note}
          >
            <Controller
              control={control}
              name="note"
              render={({ field }) => (
                <Input {...field} id="field-note" data-testid="event-note" autoComplete="off" />
              )}
            />
          </FormField>
        )}
      </div>
    </FormModal>
  );
}
