// Add or edit one daily quote: its text, where it comes from, its tags. The text is checked against
// the whole library when saved: an empty text or a repeat (after folding width, punctuation,
// spaces and traditional/simplified characters) is refused under the field; a near-duplicate asks
// first, naming the quote it resembles.
// Test ids: quote-form, quote-text, quote-source, quote-tags, quote-submit, error-text,
// quote-near (the confirmation), quote-near-save.
import { App, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { QuoteCheck } from '../../../shared/culture/quotes';
import type { Quote } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { FormField } from '../../components/FormField';
import { FormModal } from '../../components/FormModal';
import { describeError } from '../../i18n/errors';
import { QuoteRefused, saveQuote, type QuoteInput } from './data';

const EMPTY: QuoteInput = { text: '', source: '', tags: [] };

export function QuoteForm(props: { open: boolean; quote: Quote | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { db, repo } = useLedger();
  const { message } = App.useApp();
  const { open, quote } = props;
  const [near, setNear] = useState<{
    values: QuoteInput;
    check: QuoteCheck<Quote> & { kind: 'near' };
  } | null>(null);
  const {
    control,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<QuoteInput>({ defaultValues: EMPTY });

  useEffect(() => {
    if (open) reset(quote ? { text: quote.text, source: quote.source, tags: quote.tags ?? [] } : EMPTY);
  }, [open, quote, reset]);

  const save = async (values: QuoteInput, allowNear: boolean) => {
    try {
      const result = await saveQuote(db, repo, values, { ...(quote ? { id: quote.id } : {}), allowNear });
      if ('near' in result) {
        setNear({ values, check: result.near });
        return;
      }
      void message.success(t('common.saved'));
      props.onClose();
    } catch (err) {
      if (err instanceof QuoteRefused) {
        const c = err.check;
        const text =
          c.kind === 'repeat'
            ? t('culture.refused.repeat', { text: c.quote.text })
            : c.kind === 'too-long'
              ? t('culture.refused.too-long', { max: c.max })
              : t('culture.refused.empty');
        setError('text', { type: 'manual', message: text }, { shouldFocus: true });
      } else void message.error(describeError(err, t));
    }
  };

  return (
    <>
      <FormModal
        open={open}
        title={quote ? t('culture.editQuote') : t('culture.addQuote')}
        formId="quote-form"
        submitTestId="quote-submit"
        submitting={isSubmitting}
        onCancel={props.onClose}
        onOpened={() => setFocus('text')}
        onSubmit={(e) => void handleSubmit((values) => save(values, false))(e)}
      >
        <FormField name="text" label={t('culture.fields.text')} error={errors.text} required>
          <Controller
            control={control}
            name="text"
            render={({ field }) => (
              <Input.TextArea {...field} id="field-text" data-testid="quote-text" autoSize={{ minRows: 2 }} />
            )}
          />
        </FormField>
        <FormField name="source" label={t('culture.fields.source')} error={errors.source}>
          <Controller
            control={control}
            name="source"
            render={({ field }) => <Input {...field} id="field-source" data-testid="quote-source" />}
          />
        </FormField>
        <FormField name="tags" label={t('culture.fields.tags')}>
          <Controller
            control={control}
            name="tags"
            render={({ field }) => (
              <Select
                mode="tags"
                id="field-tags"
                data-testid="quote-tags"
                value={field.value}
                onChange={(v: string[]) =>
                  field.onChange(
                    v
                      .map((s) => s.trim())
                      .filter(Boolean)
                      .slice(0, 10),
                  )
                }
                placeholder={t('culture.tagsPlaceholder')}
                open={false}
              />
            )}
          />
        </FormField>
      </FormModal>
      <Modal
        open={near !== null}
        title={t('culture.nearTitle')}
        okText={t('culture.nearSave')}
        okButtonProps={{ 'data-testid': 'quote-near-save' }}
        onOk={() => {
          const pending = near;
          setNear(null);
          if (pending) void save(pending.values, true);
        }}
        onCancel={() => setNear(null)}
      >
        <Typography.Paragraph data-testid="quote-near">
          {near && t('culture.nearBody', { text: near.check.quote.text, distance: near.check.distance })}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
