// The intake fields of a repair card, as walk-up logging (IntakeForm) and the correction of a
// logged card (CardEditForm) both show them: requester, asset tag (a scanner's Enter looks the tag
// up), device, fault, received time, description, the department head's signature. One layout and
// one set of keys for both; each form keeps its own rules, defaults and saving.
// Test ids: <prefix>-requester, <prefix>-tag, <prefix>-tag-found, <prefix>-device, <prefix>-fault,
// <prefix>-received-at, <prefix>-description, <prefix>-head-signed, <prefix>-head-signed-at.
import { Checkbox, Input, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FAULT_CATEGORIES, type Device } from '../../../shared/schemas';
import { DateTimeInput } from '../../components/DateInputs';
import { FormField } from '../../components/FormField';
import type { Directory } from '../../directory/directory';
import { DESCRIPTION_MAX, type CardFieldValues } from './card-fields';
import { DevicePicker, PersonPicker } from '../../components/pickers';
import { deviceChoiceLabel } from '../../../shared/devices/choices';

const TWO_COLUMNS = { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 } as const;

export function CardIntakeFields(props: {
  /** 'intake' or 'edit': the start of every test id. */
  prefix: string;
  control: Control<CardFieldValues>;
  errors: FieldErrors<CardFieldValues>;
  directory: Directory;
  devices: { list: Device[]; byId: Map<string, Device> };
  requesterId: string | null;
  headSigned: boolean;
  /** The device the typed tag was found to be, shown under the tag. */
  tagFound: Device | null;
  /** The tag was typed into: what was found no longer holds. */
  onTagTyped: () => void;
  /** Enter in the tag field: look the tag up (never save). */
  onResolveTag: () => void;
  onChooseDevice: (device: Device | null) => void;
  /** The user picked a fault category (a device chosen later no longer sets it). */
  onChooseFault?: () => void;
  requesterRequired: boolean;
  requesterHelp?: ReactNode;
  receivedAtHelp?: ReactNode;
  descriptionPlaceholder?: string;
  /** Beside the signature (walk-up logging puts the card number there). */
  besideSignature?: ReactNode;
}) {
  const { t } = useTranslation();
  const { control, errors, prefix } = props;
  return (
    <>
      <div style={TWO_COLUMNS}>
        <FormField
          name="requesterId"
          label={t('repair.fields.requester')}
          error={errors.requesterId}
          required={props.requesterRequired}
          help={props.requesterHelp}
        >
          <Controller
            control={control}
            name="requesterId"
            render={({ field }) => (
              <PersonPicker
                directory={props.directory}
                selectRef={field.ref}
                id="field-requesterId"
                testId={`${prefix}-requester`}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                placeholder={t('repair.intake.requesterPlaceholder')}
                status={errors.requesterId ? 'error' : undefined}
              />
            )}
          />
        </FormField>
        <FormField
          name="deviceTag"
          label={t('repair.fields.deviceTag')}
          error={errors.deviceTag}
          help={
            props.tagFound ? (
              <span data-testid={`${prefix}-tag-found`}>
                {t('repair.intake.tagFound', { device: deviceChoiceLabel(props.tagFound) })}
              </span>
            ) : undefined
          }
        >
          <Controller
            control={control}
            name="deviceTag"
            render={({ field }) => (
              <Input
                {...field}
                id="field-deviceTag"
                data-testid={`${prefix}-tag`}
                autoComplete="off"
                placeholder={t('repair.intake.tagPlaceholder')}
                onChange={(e) => {
                  field.onChange(e.target.value);
                  props.onTagTyped();
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                    e.preventDefault();
                    props.onResolveTag();
                  }
                }}
              />
            )}
          />
        </FormField>
      </div>
      <FormField name="deviceId" label={t('repair.fields.device')} error={errors.deviceId}>
        <Controller
          control={control}
          name="deviceId"
          render={({ field }) => (
            <DevicePicker
              devices={props.devices.list}
              requesterId={props.requesterId}
              selectRef={field.ref}
              id="field-deviceId"
              testId={`${prefix}-device`}
              value={field.value}
              onChange={(id) => props.onChooseDevice(id ? (props.devices.byId.get(id) ?? null) : null)}
              onBlur={field.onBlur}
              placeholder={t('repair.intake.devicePlaceholder')}
            />
          )}
        />
      </FormField>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 2fr', columnGap: 16 }}>
        <FormField
          name="faultCategory"
          label={t('repair.fields.faultCategory')}
          error={errors.faultCategory}
          required
        >
          <Controller
            control={control}
            name="faultCategory"
            render={({ field }) => (
              <Select
                ref={field.ref}
                id="field-faultCategory"
                data-testid={`${prefix}-fault`}
                value={field.value}
                onChange={(v) => {
                  field.onChange(v);
                  props.onChooseFault?.();
                }}
                onBlur={field.onBlur}
                options={FAULT_CATEGORIES.map((c) => ({ value: c, label: t(`repair.fault.${c}`) }))}
              />
            )}
          />
        </FormField>
        <FormField
          name="receivedAt"
          label={t('repair.fields.receivedAt')}
          error={errors.receivedAt}
          required
          help={props.receivedAtHelp}
        >
          <Controller
            control={control}
            name="receivedAt"
            render={({ field }) => (
              <DateTimeInput
                inputRef={field.ref}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                id="field-receivedAt"
                testId={`${prefix}-received-at`}
              />
            )}
          />
        </FormField>
      </div>
      <FormField
        name="description"
        label={t('repair.fields.description')}
        error={errors.description}
        required
      >
        <Controller
          control={control}
          name="description"
          render={({ field }) => (
            <Input.TextArea
              {...field}
              id="field-description"
              data-testid={`${prefix}-description`}
              autoSize={{ minRows: 2, maxRows: 6 }}
              // The counter shows the room left; typing or pasting stops at the ledger's limit.
              maxLength={DESCRIPTION_MAX}
              showCount
              placeholder={props.descriptionPlaceholder}
            />
          )}
        />
      </FormField>
      <div style={TWO_COLUMNS}>
        <FormField name="headSignedAt" label={t('repair.fields.headSigned')} error={errors.headSignedAt}>
          <Space.Compact style={{ width: '100%' }}>
            <Controller
              control={control}
              name="headSigned"
              render={({ field }) => (
                <Checkbox
                  ref={field.ref}
                  data-testid={`${prefix}-head-signed`}
                  checked={field.value}
                  onChange={(e) => field.onChange(e.target.checked)}
                  style={{ alignSelf: 'center', marginRight: 12 }}
                >
                  {t('common.yes')}
                </Checkbox>
              )}
            />
            <Controller
              control={control}
              name="headSignedAt"
              render={({ field }) => (
                <DateTimeInput
                  inputRef={field.ref}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  id="field-headSignedAt"
                  testId={`${prefix}-head-signed-at`}
                  disabled={!props.headSigned}
                />
              )}
            />
          </Space.Compact>
          {!props.headSigned && (
            <Typography.Text type="warning" style={{ fontSize: 12, display: 'block' }}>
              {t('repair.signaturePending')}
            </Typography.Text>
          )}
        </FormField>
        {props.besideSignature ?? <div />}
      </div>
    </>
  );
}
