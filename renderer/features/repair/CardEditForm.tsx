// 更正登记信息 — correcting what was typed wrongly at the counter: requester, device, fault,
// description, received time, the department head's signature. The same fields and checks as
// walk-up logging (card-fields.ts); only the fields the supervisor changed are sent, and the data
// layer writes them with a timeline note saying who changed which field from what to what.
// Keyboard: the cursor starts in the description (the usual mistake); Enter in a one-line field
// or Ctrl+Enter anywhere saves, Enter in the tag field looks the tag up, Esc cancels.
// Test ids: edit-form, edit-requester, edit-tag, edit-tag-found, edit-device, edit-fault,
// edit-description, edit-received-at, edit-head-signed, edit-head-signed-at, edit-submit,
// edit-form-cancel, error-<field>.
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Typography } from 'antd';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Device, RepairCard } from '../../../shared/schemas';
import { FormModal } from '../../components/FormModal';
import type { Directory } from '../../directory/directory';
import {
  cardDevice,
  cardFieldsSchema,
  cardIssueMessage,
  checkHeadSignature,
  FORM_FIELD_OF,
  listedDeviceWithTag,
  type CardFieldValues,
} from './card-fields';
import { correctRepairCard, type CardCorrection } from './data';
import { CardIntakeFields } from './CardIntakeFields';
import { repairErrorText } from './repair-errors';
import { fromChinaInputValue, toChinaInputValue } from './repair-format';
import { useRepairContext } from './use-repair';

/** A card's intake fields as the form shows them. */
function valuesOf(card: RepairCard): CardFieldValues {
  return {
    requesterId: card.requesterId,
    deviceId: card.deviceId,
    deviceTag: card.deviceTag,
    faultCategory: card.faultCategory,
    description: card.description,
    receivedAt: toChinaInputValue(new Date(card.receivedAt)),
    headSigned: card.deptHeadSignedAt !== null,
    headSignedAt: toChinaInputValue(new Date(card.deptHeadSignedAt ?? card.receivedAt)),
  };
}

/**
 * The form's rules: those of walk-up logging, except that a card logged with a typed name only
 * (imported, or from before the directory) may keep it; one that names a person must keep one.
 */
export function editSchema(card: RepairCard) {
  return cardFieldsSchema.superRefine((v, ctx) => {
    checkHeadSignature(v, ctx);
    if (card.requesterId && !v.requesterId) {
      ctx.addIssue({ code: 'custom', path: ['requesterId'], message: 'validation.required' });
    }
  });
}

export function CardEditForm(props: {
  card: RepairCard;
  directory: Directory;
  devices: { list: Device[]; byId: Map<string, Device> };
  onClose: () => void;
}) {
  const { card } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ctx = useRepairContext();
  const [tagFound, setTagFound] = useState<Device | null>(null);
  const {
    control,
    handleSubmit,
    setError,
    clearErrors,
    setFocus,
    setValue,
    getValues,
    formState: { errors, isSubmitting, dirtyFields },
  } = useForm<CardFieldValues>({
    resolver: zodResolver(editSchema(card), { error: cardIssueMessage }),
    defaultValues: valuesOf(card),
  });
  const requesterId = useWatch({ control, name: 'requesterId' });
  const headSigned = useWatch({ control, name: 'headSigned' });

  const chooseDevice = (device: Device | null) => {
    setValue('deviceId', device?.id ?? null, { shouldDirty: true });
    setValue('deviceTag', device?.assetTag ?? '', { shouldDirty: true });
    setTagFound(device);
    clearErrors(['deviceTag', 'deviceId']);
  };

  /** Enter in the tag field (a scanner ends with it): find the device here, do not save. */
  const resolveTag = () => {
    const typed = getValues('deviceTag');
    if (!typed.trim()) return chooseDevice(null);
    const device = listedDeviceWithTag(props.devices.list, typed);
    if (!device) {
      setTagFound(null);
      setError('deviceTag', { type: 'repository', message: t('repair.errors.unknown-asset-tag') });
      return;
    }
    chooseDevice(device);
    setFocus('description');
  };

  const onSubmit = async (values: CardFieldValues) => {
    // Only what the supervisor changed: a field shown to the minute is not rewritten by saving.
    const correction: CardCorrection = {};
    if (dirtyFields.requesterId) correction.requesterId = values.requesterId;
    if (dirtyFields.deviceId || dirtyFields.deviceTag) {
      const device = cardDevice(values, props.devices.byId);
      if ('deviceTag' in device) correction.deviceTag = device.deviceTag;
      else correction.deviceId = device.deviceId;
    }
    if (dirtyFields.faultCategory) correction.faultCategory = values.faultCategory;
    if (dirtyFields.description) correction.description = values.description;
    if (dirtyFields.receivedAt) correction.receivedAt = fromChinaInputValue(values.receivedAt) ?? undefined;
    if (dirtyFields.headSigned || dirtyFields.headSignedAt) {
      correction.deptHeadSignedAt = values.headSigned ? fromChinaInputValue(values.headSignedAt) : null;
    }
    if (Object.keys(correction).length === 0) {
      void message.info(t('repair.edit.nothing'));
      props.onClose();
      return;
    }
    try {
      await correctRepairCard(ctx, card.id, correction);
      void message.success(t('repair.edit.saved', { no: card.cardNo }));
      props.onClose();
    } catch (err) {
      const { field, message: text } = repairErrorText(err, t);
      const formField = field ? FORM_FIELD_OF[field] : undefined;
      if (formField && formField !== 'cardNo') {
        setError(formField, { type: 'repository', message: text }, { shouldFocus: true });
      } else {
        void message.error(text);
      }
    }
  };

  return (
    <FormModal
      open
      title={t('repair.edit.title', { no: card.cardNo })}
      formId="edit-form"
      submitTestId="edit-submit"
      submitting={isSubmitting}
      onCancel={props.onClose}
      onOpened={() => setFocus('description')}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
      width={680}
    >
      <div>
        <Typography.Paragraph type="secondary">{t('repair.edit.hint')}</Typography.Paragraph>
        <CardIntakeFields
          prefix="edit"
          control={control}
          errors={errors}
          directory={props.directory}
          devices={props.devices}
          requesterId={requesterId}
          headSigned={headSigned}
          tagFound={tagFound}
          onTagTyped={() => setTagFound(null)}
          onResolveTag={resolveTag}
          onChooseDevice={chooseDevice}
          requesterRequired={card.requesterId !== null}
          requesterHelp={
            !requesterId && card.requesterName
              ? t('repair.edit.typedRequester', { name: card.requesterName })
              : undefined
          }
          receivedAtHelp={t('repair.edit.receivedAtHelp')}
        />
      </div>
    </FormModal>
  );
}
