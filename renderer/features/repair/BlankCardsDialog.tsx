// 打印空白卡 — a batch of blank numbered repair cards for the paper tray. The numbers are reserved
// in the ledger first (never given to a walk-up card; a filled-in card logged later keeps its
// number), then the batch prints through the same form printer as a card. The dialog ends by
// saying which numbers were reserved, printed or not.
// Keyboard: the cursor starts in the count; Enter prints, Esc closes.
// Test ids: blank-cards-form, blank-count, blank-paper-a4 / blank-paper-a5, blank-go,
// blank-cards-form-cancel, blank-missing, blank-anyway, blank-reserved (data-first, data-last,
// data-count), blank-file, blank-close, error-count.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Form, InputNumber, Modal, Radio, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormField } from '../../components/FormField';
import { handleFormKeys } from '../../components/form-keys';
import { describeError, zodIssueMessage } from '../../i18n/errors';
import { BLANK_CARDS_MAX } from '../../../shared/repair/card-number';
import { printBlankCards, type BlankCardsPrinted } from './print-card';
import { RepairDataError } from './data';
import { repairErrorText } from './repair-errors';
import { useRepairContext } from './use-repair';
import { MissingCharsAlert, type MissingChars } from './MissingCharsAlert';

export const blankSchema = z.object({
  count: z.number().int().min(1).max(BLANK_CARDS_MAX),
  paper: z.enum(['a4', 'a5']),
});
type BlankValues = z.output<typeof blankSchema>;

export function BlankCardsDialog(props: { onClose: () => void }) {
  const { t } = useTranslation();
  const ctx = useRepairContext();
  const [done, setDone] = useState<BlankCardsPrinted | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [missing, setMissing] = useState<MissingChars | null>(null);
  const {
    control,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<BlankValues>({
    resolver: zodResolver(blankSchema, { error: zodIssueMessage }),
    defaultValues: { count: 20, paper: 'a5' },
  });

  useEffect(() => {
    const timer = setTimeout(() => setFocus('count'), 0);
    return () => clearTimeout(timer);
  }, [setFocus]);

  const onSubmit = async (values: BlankValues) => {
    setFailure(null);
    try {
      const printed = await printBlankCards(
        ctx,
        values,
        (chars) => new Promise<boolean>((resolve) => setMissing({ chars, answer: resolve })),
      );
      setDone(printed);
    } catch (err) {
      setFailure(
        err instanceof RepairDataError
          ? repairErrorText(err, t).message
          : t('repair.print.failed', { detail: describeError(err, t) }),
      );
    } finally {
      setMissing(null);
    }
  };

  const first = done?.numbers[0];
  const last = done?.numbers.at(-1);
  return (
    <Modal
      open
      title={t('repair.blank.title')}
      onCancel={props.onClose}
      footer={null}
      destroyOnHidden
      mask={{ closable: false }}
      keyboard
    >
      {done ? (
        <Result
          status={done.fileName ? 'success' : 'info'}
          title={
            <span
              data-testid="blank-reserved"
              data-first={first}
              data-last={last}
              data-count={done.numbers.length}
            >
              {done.numbers.length === 1
                ? t('repair.blank.reservedOne', { first })
                : t('repair.blank.reserved', { first, last, count: done.numbers.length })}
            </span>
          }
          subTitle={
            <span data-testid="blank-file">
              {done.fileName ? t('repair.print.done', { file: done.fileName }) : t('repair.blank.notSaved')}
            </span>
          }
          extra={
            <Button type="primary" autoFocus data-testid="blank-close" onClick={props.onClose}>
              {t('common.close')}
            </Button>
          }
        />
      ) : (
        <form
          id="blank-cards-form"
          data-testid="blank-cards-form"
          noValidate
          onSubmit={(e) => void handleSubmit(onSubmit)(e)}
          onKeyDown={handleFormKeys}
        >
          <Form layout="vertical" component={false}>
            <FormField
              name="count"
              label={t('repair.blank.count')}
              error={errors.count}
              required
              help={t('repair.blank.countHelp', { max: BLANK_CARDS_MAX })}
            >
              <Controller
                control={control}
                name="count"
                render={({ field }) => (
                  <InputNumber
                    ref={field.ref}
                    id="field-count"
                    data-testid="blank-count"
                    min={1}
                    max={BLANK_CARDS_MAX}
                    precision={0}
                    value={field.value}
                    onChange={(v) => field.onChange(v ?? Number.NaN)}
                    onBlur={field.onBlur}
                    style={{ width: 160 }}
                  />
                )}
              />
            </FormField>
            <FormField name="paper" label={t('repair.print.paper')} error={errors.paper}>
              <Controller
                control={control}
                name="paper"
                render={({ field }) => (
                  <Radio.Group value={field.value} onChange={(e) => field.onChange(e.target.value)}>
                    <Radio value="a4" data-testid="blank-paper-a4">
                      {t('repair.print.a4')}
                    </Radio>
                    <Radio value="a5" data-testid="blank-paper-a5">
                      {t('repair.print.a5')}
                    </Radio>
                  </Radio.Group>
                )}
              />
            </FormField>
          </Form>
          {isSubmitting && !missing && (
            <Typography.Paragraph type="secondary">{t('repair.print.printing')}</Typography.Paragraph>
          )}
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
          {missing && (
            <MissingCharsAlert missing={missing} testIdPrefix="blank" style={{ marginBottom: 12 }} />
          )}
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography.Text type="secondary">{t('repair.blank.keys')}</Typography.Text>
            <Space>
              <Button onClick={props.onClose} data-testid="blank-cards-form-cancel">
                {t('common.cancel')}
              </Button>
              <Button type="primary" htmlType="submit" loading={isSubmitting} data-testid="blank-go">
                {t('repair.blank.go')}
              </Button>
            </Space>
          </div>
        </form>
      )}
    </Modal>
  );
}
