// Add or edit an asset card (资产卡片): every field of deviceSchema, the type-specific ones shown
// by type (IP/MAC for networked gear, channels and retention for recorders, the computer a
// printer or peripheral hangs on), the user or custodian, dates and price, and the masked
// secret. Also registers the asset bought on an approved work request (`evaluationId`): the
// device and the request's "bought" status are written together (data.ts).
// Test ids: device-form, device-<field> for each field (device-asset-tag, device-type, device-name,
// device-brand, device-model, device-serial, device-location, device-department, device-user,
// device-attached-to, device-status, device-purchase-date, device-vendor, device-price,
// device-warranty-end, device-ip, device-mac, device-channels, device-retention, device-secret,
// device-note), device-submit, device-form-cancel, error-<field>, device-user-follows.
// A computer whose user is changed here is handed over as much as by 交接: once saved, its IM
// permissions are settled (network/HandoverPermissions) before the form closes.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { typeFields } from '../../../shared/devices/device-list';
import { DEVICE_STATUSES, DEVICE_TYPES, deviceSchema, type Device } from '../../../shared/schemas';
import { FormField } from '../../components/FormField';
import { DATE_FORMAT } from '../../i18n/dates';
import { FormModal } from '../../components/FormModal';
import { showUnderField } from '../../components/refusedSave';
import { zodIssueMessage } from '../../i18n/errors';
import { deviceErrorText } from './device-format';
import { buyFromEvaluation, DeviceWriteError, saveDevice } from './data';
import { DepartmentSelect, DeviceSelect, PersonSelect } from '../../components/pickers';
import { SecretInput } from './SecretInput';
import { useDeviceContext, type DeviceLedger } from './use-device-ledger';
import { HandoverPermissions } from '../network/HandoverPermissions';

type DeviceInput = z.input<typeof deviceSchema>;
type DeviceValues = z.output<typeof deviceSchema>;
type DeviceField = keyof DeviceValues;

const EMPTY: DeviceValues = deviceSchema.parse({ assetTag: '-', type: 'computer' });
EMPTY.assetTag = '';

function toValues(device: Device | null, prefill: Partial<DeviceValues> | undefined): DeviceValues {
  if (!device) return { ...EMPTY, ...prefill };
  const values = { ...EMPTY };
  for (const key of Object.keys(EMPTY) as DeviceField[])
    (values as Record<string, unknown>)[key] = device[key];
  return values;
}

export function DeviceForm(props: {
  open: boolean;
  /** The device to edit, or null to add one. */
  device: Device | null;
  /** Values of a new device (from a work request, the list's filters). */
  prefill?: Partial<DeviceValues>;
  /** Register the device bought on this approved work request. */
  evaluation?: { id: string; item: string };
  ledger: DeviceLedger;
  onClose: () => void;
  onSaved?: (device: Device) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ctx = useDeviceContext();
  /** Saved with a new user: the computer's IM permissions are asked about next. */
  const [handedOver, setHandedOver] = useState<Device | null>(null);
  const { open, device, prefill, evaluation, ledger } = props;

  const {
    control,
    handleSubmit,
    reset,
    setError,
    setFocus,
    getValues,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<DeviceInput, unknown, DeviceValues>({
    resolver: zodResolver(deviceSchema, { error: zodIssueMessage }),
    defaultValues: EMPTY,
  });

  useEffect(() => {
    if (open) reset(toValues(device, prefill));
  }, [open, device, prefill, reset]);

  const type = useWatch({ control, name: 'type' }) ?? 'computer';
  const hostId = useWatch({ control, name: 'attachedToDeviceId' }) ?? null;
  const fields = typeFields(type);

  // Computers a printer may hang on: live ones, itself excluded.
  const computers = useMemo(
    () =>
      ledger.index.rows
        .filter((r) => r.device.type === 'computer' && r.device.id !== device?.id)
        .map((r) => r.device),
    [ledger.index, device?.id],
  );
  const hostRow = hostId ? ledger.index.byId.get(hostId) : undefined;
  const followsHost = fields.attachable && hostRow?.device.type === 'computer';

  const onSubmit = async (values: DeviceValues) => {
    // A hidden "attached to" is kept only as it was stored (an old camera → recorder link);
    // a type changed to one that cannot attach drops it.
    const attachedToDeviceId = fields.attachable
      ? values.attachedToDeviceId
      : device && device.type === values.type
        ? device.attachedToDeviceId
        : null;
    const input = { ...values, attachedToDeviceId };
    try {
      const saved = evaluation
        ? await buyFromEvaluation(ctx, evaluation.id, input)
        : await saveDevice(ctx, device?.id ?? null, input);
      void message.success(evaluation ? t('evaluations.bought', { tag: saved.assetTag }) : t('common.saved'));
      props.onSaved?.(saved);
      // A computer given to someone else: its IM permissions follow only if the supervisor says so.
      if (
        device &&
        saved.type === 'computer' &&
        (device.userPersonId ?? null) !== (saved.userPersonId ?? null)
      )
        setHandedOver(saved);
      else props.onClose();
    } catch (err) {
      if (err instanceof DeviceWriteError && err.field === 'attachedToDeviceId') {
        setError(
          'attachedToDeviceId',
          { type: 'rule', message: deviceErrorText(err, t) },
          { shouldFocus: true },
        );
        return;
      }
      if (!showUnderField(err, t, EMPTY, setError)) void message.error(deviceErrorText(err, t));
    }
  };

  const text = (
    name: 'assetTag' | 'name' | 'brand' | 'model' | 'serialNo' | 'location' | 'vendor' | 'ip' | 'mac',
    testId: string,
  ) => (
    <FormField
      name={name}
      label={t(`devices.fields.${name}`)}
      error={errors[name]}
      required={name === 'assetTag'}
    >
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <Input {...field} value={field.value ?? ''} id={`field-${name}`} data-testid={testId} />
        )}
      />
    </FormField>
  );

  const date = (name: 'purchaseDate' | 'warrantyEnd', testId: string) => (
    <FormField name={name} label={t(`devices.fields.${name}`)} error={errors[name]}>
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <DatePicker
            ref={field.ref}
            id={`field-${name}`}
            data-testid={testId}
            value={field.value ? dayjs(field.value) : null}
            onChange={(d) => field.onChange(d ? d.format(DATE_FORMAT) : null)}
            onBlur={field.onBlur}
            format={DATE_FORMAT}
            style={{ width: '100%' }}
          />
        )}
      />
    </FormField>
  );

  const number = (name: 'price' | 'channelCount' | 'retentionDays', testId: string, precision: number) => (
    <FormField name={name} label={t(`devices.fields.${name}`)} error={errors[name]}>
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <InputNumber<number>
            ref={field.ref}
            id={`field-${name}`}
            data-testid={testId}
            value={field.value ?? null}
            onChange={(v) => field.onChange(v ?? null)}
            onBlur={field.onBlur}
            min={0}
            precision={precision}
            style={{ width: '100%' }}
          />
        )}
      />
    </FormField>
  );

  const title = evaluation
    ? t('devices.buyTitle', { item: evaluation.item })
    : device
      ? t('devices.editTitle', { tag: device.assetTag })
      : t('devices.addTitle');

  if (handedOver)
    return (
      <HandoverPermissions
        deviceId={handedOver.id}
        assetTag={handedOver.assetTag}
        newHolderId={handedOver.userPersonId ?? null}
        onDone={() => {
          setHandedOver(null);
          props.onClose();
        }}
      />
    );

  return (
    <FormModal
      open={open}
      title={title}
      formId="device-form"
      submitTestId="device-submit"
      submitting={isSubmitting}
      onCancel={props.onClose}
      onOpened={() => setFocus('assetTag')}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
      width={880}
    >
      {evaluation && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('evaluations.buyHint')} />
      )}
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 16 }}>
        {text('assetTag', 'device-asset-tag')}
        <FormField name="type" label={t('devices.fields.type')} error={errors.type} required>
          <Controller
            control={control}
            name="type"
            render={({ field }) => (
              <Select
                ref={field.ref}
                id="field-type"
                data-testid="device-type"
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                showSearch={{ optionFilterProp: 'label' }}
                options={DEVICE_TYPES.map((v) => ({ value: v, label: t(`devices.types.${v}`) }))}
              />
            )}
          />
        </FormField>
        <FormField name="status" label={t('devices.fields.status')} error={errors.status}>
          <Controller
            control={control}
            name="status"
            render={({ field }) => (
              <Select
                ref={field.ref}
                id="field-status"
                data-testid="device-status"
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                options={DEVICE_STATUSES.map((v) => ({ value: v, label: t(`devices.statuses.${v}`) }))}
              />
            )}
          />
        </FormField>
        {text('name', 'device-name')}
        {text('brand', 'device-brand')}
        {text('model', 'device-model')}
        {text('serialNo', 'device-serial')}
        {text('location', 'device-location')}
        <FormField name="departmentId" label={t('devices.fields.departmentId')} error={errors.departmentId}>
          <Controller
            control={control}
            name="departmentId"
            render={({ field }) => (
              <DepartmentSelect
                selectRef={field.ref}
                id="field-departmentId"
                testId="device-department"
                departments={ledger.directory.departments}
                value={field.value ?? null}
                onChange={field.onChange}
                onBlur={field.onBlur}
                placeholder={t('devices.pickDepartment')}
              />
            )}
          />
        </FormField>
      </div>

      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
        {fields.attachable && (
          <FormField
            name="attachedToDeviceId"
            label={t('devices.fields.attachedToDeviceId')}
            error={errors.attachedToDeviceId}
            help={t('devices.attachedHelp')}
          >
            <Controller
              control={control}
              name="attachedToDeviceId"
              render={({ field }) => (
                <DeviceSelect
                  selectRef={field.ref}
                  id="field-attachedToDeviceId"
                  testId="device-attached-to"
                  devices={computers}
                  value={field.value ?? null}
                  onChange={(id) => {
                    field.onChange(id);
                    // A printer stands where its computer does: its department, unless one is set.
                    const hostDepartment = id ? ledger.index.byId.get(id)?.device.departmentId : null;
                    if (hostDepartment && !getValues('departmentId'))
                      setValue('departmentId', hostDepartment);
                  }}
                  onBlur={field.onBlur}
                  placeholder={t('devices.pickComputer')}
                  {...(errors.attachedToDeviceId ? { status: 'error' as const } : {})}
                />
              )}
            />
          </FormField>
        )}
        <FormField
          name="userPersonId"
          label={type === 'computer' ? t('devices.fields.userPersonId') : t('devices.fields.custodian')}
          error={errors.userPersonId}
          help={
            followsHost ? (
              <span data-testid="device-user-follows">
                {t('devices.userFollowsHost', {
                  name: hostRow?.responsibleName || t('devices.responsible.none'),
                })}
              </span>
            ) : undefined
          }
        >
          <Controller
            control={control}
            name="userPersonId"
            render={({ field }) => (
              <PersonSelect
                selectRef={field.ref}
                id="field-userPersonId"
                testId="device-user"
                directory={ledger.directory}
                value={field.value ?? null}
                onChange={field.onChange}
                onBlur={field.onBlur}
                disabled={followsHost}
                placeholder={t('devices.pickPerson')}
              />
            )}
          />
        </FormField>
      </div>

      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 16 }}>
        {fields.network && text('ip', 'device-ip')}
        {fields.network && text('mac', 'device-mac')}
        {fields.recorder && number('channelCount', 'device-channels', 0)}
        {fields.recorder && number('retentionDays', 'device-retention', 0)}
        {date('purchaseDate', 'device-purchase-date')}
        {text('vendor', 'device-vendor')}
        {number('price', 'device-price', 2)}
        {date('warrantyEnd', 'device-warranty-end')}
      </div>

      <FormField
        name="secret"
        label={t('devices.fields.secret')}
        error={errors.secret}
        help={t('devices.secret.hint')}
      >
        <Controller
          control={control}
          name="secret"
          render={({ field }) => (
            <SecretInput
              inputRef={field.ref}
              id="field-secret"
              testId="device-secret"
              value={field.value ?? ''}
              onChange={field.onChange}
              onBlur={field.onBlur}
            />
          )}
        />
      </FormField>
      <FormField name="note" label={t('devices.fields.note')} error={errors.note}>
        <Controller
          control={control}
          name="note"
          render={({ field }) => (
            <Input.TextArea
              {...field}
              value={field.value ?? ''}
              id="field-note"
              data-testid="device-note"
              autoSize={{ minRows: 1, maxRows: 4 }}
            />
          )}
        />
      </FormField>
    </FormModal>
  );
}
