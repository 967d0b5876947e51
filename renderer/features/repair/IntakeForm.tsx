// Walk-up logging (登记维修卡): the card a requester hands over at the counter, typed in seconds.
// Keyboard first: the cursor starts in the requester; a USB scanner types an asset tag and Enter
// into the tag field, which resolves the tag there (device, and the requester from the device's
// responsible person when none is chosen) without saving; Ctrl+Enter saves from anywhere, Enter
// saves from the last field. After saving, "再登记一张" (focused, so Enter) starts the next card.
// Test ids: intake-form, intake-requester, intake-department, intake-device, intake-tag,
// intake-tag-found, intake-fault, intake-description, intake-received-at, intake-head-signed,
// intake-head-signed-at, intake-card-no, intake-submit, intake-form-cancel, intake-saved,
// intake-saved-no, intake-again, intake-print, intake-open-card, error-<field>.
// The parent mounts the form while it is open, so each opening starts from an empty card.
import { PrinterOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Form, Input, Modal, Result, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { responsiblePerson } from '../../../shared/devices/responsible';
import { defaultFaultCategory } from '../../../shared/repair/fault-default';
import type { Device, RepairCard } from '../../../shared/schemas';
import { isListed } from '../../../shared/sync/arrival';
import { FormField } from '../../components/FormField';
import { handleFormKeys } from '../../components/form-keys';
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
import { CardIntakeFields } from './CardIntakeFields';
import { logRepairCard, peekNextCardNo } from './data';
import { PrintCardDialog } from './PrintCardDialog';
import { repairErrorText } from './repair-errors';
import { fromChinaInputValue, toChinaInputValue } from './repair-format';
import { useRepairContext } from './use-repair';

export const intakeSchema = cardFieldsSchema
  .extend({
    requesterId: cardFieldsSchema.shape.requesterId.refine((v) => !!v, { message: 'validation.required' }),
    cardNo: z.string().trim().max(30),
  })
  .superRefine(checkHeadSignature);

type IntakeValues = z.output<typeof intakeSchema>;

function emptyValues(now: Date): IntakeValues {
  return {
    requesterId: null,
    deviceId: null,
    deviceTag: '',
    faultCategory: 'hardware',
    description: '',
    receivedAt: toChinaInputValue(now),
    headSigned: false,
    headSignedAt: toChinaInputValue(now),
    cardNo: '',
  };
}

export function IntakeForm(props: {
  directory: Directory;
  devices: { list: Device[]; byId: Map<string, Device> };
  onClose: () => void;
  onOpenCard: (card: RepairCard) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ctx = useRepairContext();
  const [saved, setSaved] = useState<RepairCard | null>(null);
  const [nextNo, setNextNo] = useState<string | null>(null);
  const [tagFound, setTagFound] = useState<Device | null>(null);
  const [printing, setPrinting] = useState(false);
  const againRef = useRef<HTMLButtonElement>(null);
  // Until the user picks a fault category, it follows the device (a printer's card: 打印机故障).
  const faultChosen = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  const {
    control,
    handleSubmit,
    reset,
    setError,
    clearErrors,
    setFocus,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<IntakeValues>({
    resolver: zodResolver(intakeSchema, { error: cardIssueMessage }),
    defaultValues: emptyValues(new Date()),
  });

  const requesterId = useWatch({ control, name: 'requesterId' });
  const headSigned = useWatch({ control, name: 'headSigned' });
  const requester = requesterId ? props.directory.personById.get(requesterId) : undefined;
  const department = requester?.departmentId
    ? props.directory.departmentById.get(requester.departmentId)?.name
    : undefined;

  /** "再登记一张": a fresh form, received now. */
  const startNew = () => {
    setSaved(null);
    setTagFound(null);
    faultChosen.current = false;
    reset(emptyValues(new Date()));
  };

  // The next automatic number, shown under the card-number field; again after each save.
  useEffect(() => {
    let current = true;
    peekNextCardNo(ctx).then(
      (no) => current && setNextNo(no),
      () => current && setNextNo(null),
    );
    return () => {
      current = false;
    };
  }, [ctx, saved]);

  // The cursor goes to the requester when the form shows, and to "再登记一张" once saved.
  useEffect(() => {
    const timer = setTimeout(() => (saved ? againRef.current?.focus() : setFocus('requesterId')), 0);
    return () => clearTimeout(timer);
  }, [saved, setFocus]);

  /** A device chosen by tag or from the list: its tag in the field, its person as requester if none. */
  const chooseDevice = (device: Device | null) => {
    setValue('deviceId', device?.id ?? null);
    setValue('deviceTag', device?.assetTag ?? '');
    setTagFound(device);
    clearErrors(['deviceTag', 'deviceId']);
    if (!faultChosen.current) setValue('faultCategory', defaultFaultCategory(device?.type));
    if (device && !getValues('requesterId')) {
      const { personId } = responsiblePerson(device, (id) => props.devices.byId.get(id));
      const person = personId ? props.directory.personById.get(personId) : undefined;
      if (person && isListed(person)) {
        setValue('requesterId', person.id);
        clearErrors('requesterId');
      }
    }
  };

  /** Enter in the tag field (a scanner ends with it): find the device here, do not save. */
  const resolveTag = () => {
    const typed = getValues('deviceTag');
    if (!typed.trim()) return;
    const device = listedDeviceWithTag(props.devices.list, typed);
    if (!device) {
      setTagFound(null);
      setValue('deviceId', null);
      setError('deviceTag', { type: 'repository', message: t('repair.errors.unknown-asset-tag') });
      return;
    }
    chooseDevice(device);
    setFocus('description');
  };

  const onSubmit = async (values: IntakeValues) => {
    try {
      const card = await logRepairCard(ctx, {
        requesterId: values.requesterId,
        ...cardDevice(values, props.devices.byId),
        faultCategory: values.faultCategory,
        description: values.description,
        receivedAt: fromChinaInputValue(values.receivedAt) ?? undefined,
        deptHeadSignedAt: values.headSigned ? fromChinaInputValue(values.headSignedAt) : null,
        ...(values.cardNo ? { cardNo: values.cardNo } : {}),
      });
      setSaved(card);
    } catch (err) {
      const { field, message: text } = repairErrorText(err, t);
      const formField = field ? FORM_FIELD_OF[field] : undefined;
      if (formField) {
        setError(formField, { type: 'repository', message: text }, { shouldFocus: true });
      } else {
        void message.error(text);
      }
    }
  };

  return (
    <Modal
      open
      title={t('repair.intake.title')}
      onCancel={props.onClose}
      footer={null}
      width={680}
      destroyOnHidden
      mask={{ closable: false }}
      keyboard
    >
      {saved ? (
        <Result
          status="success"
          data-testid="intake-saved"
          title={<span data-testid="intake-saved-no">{t('repair.intake.saved', { no: saved.cardNo })}</span>}
          subTitle={t('repair.intake.savedHint')}
          extra={[
            <Button key="again" type="primary" ref={againRef} data-testid="intake-again" onClick={startNew}>
              {t('repair.intake.again')}
            </Button>,
            <Button
              key="print"
              icon={<PrinterOutlined />}
              data-testid="intake-print"
              onClick={() => setPrinting(true)}
            >
              {t('repair.detail.print')}
            </Button>,
            <Button key="open" data-testid="intake-open-card" onClick={() => props.onOpenCard(saved)}>
              {t('repair.intake.openCard')}
            </Button>,
            <Button key="close" onClick={props.onClose}>
              {t('common.close')}
            </Button>,
          ]}
        />
      ) : (
        <form
          ref={formRef}
          id="intake-form"
          data-testid="intake-form"
          noValidate
          onSubmit={(e) => void handleSubmit(onSubmit)(e)}
          onKeyDown={handleFormKeys}
        >
          <Form layout="vertical" component={false}>
            <CardIntakeFields
              prefix="intake"
              // The intake form's values are the card fields and the card number.
              control={control as unknown as Control<CardFieldValues>}
              errors={errors}
              directory={props.directory}
              devices={props.devices}
              requesterId={requesterId}
              headSigned={headSigned}
              tagFound={tagFound}
              onTagTyped={() => setTagFound(null)}
              onResolveTag={resolveTag}
              onChooseDevice={chooseDevice}
              onChooseFault={() => (faultChosen.current = true)}
              requesterRequired
              requesterHelp={
                department ? (
                  <span data-testid="intake-department">
                    {t('repair.fields.department')}：{department}
                  </span>
                ) : (
                  t('repair.intake.requesterHint')
                )
              }
              descriptionPlaceholder={t('repair.intake.descriptionPlaceholder')}
              besideSignature={
                <FormField
                  name="cardNo"
                  label={t('repair.fields.cardNo')}
                  error={errors.cardNo}
                  help={nextNo ? t('repair.intake.nextNo', { no: nextNo }) : undefined}
                >
                  <Controller
                    control={control}
                    name="cardNo"
                    render={({ field }) => (
                      <Input
                        {...field}
                        id="field-cardNo"
                        data-testid="intake-card-no"
                        autoComplete="off"
                        placeholder={t('repair.intake.cardNoPlaceholder')}
                      />
                    )}
                  />
                </FormField>
              }
            />
          </Form>
          <div
            style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 8 }}
          >
            <Typography.Text type="secondary">{t('repair.intake.keys')}</Typography.Text>
            <Space>
              <Button onClick={props.onClose} data-testid="intake-form-cancel">
                {t('common.cancel')}
              </Button>
              <Button type="primary" htmlType="submit" loading={isSubmitting} data-testid="intake-submit">
                {t('common.save')}
              </Button>
            </Space>
          </div>
        </form>
      )}
      {saved && printing && <PrintCardDialog card={saved} onClose={() => setPrinting(false)} />}
    </Modal>
  );
}
