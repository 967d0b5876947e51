// What is done about a problem a check found, on the check's row: each problem item with its repair
// card (the number opens it) or the button that opens one prefilled from the item; for a CCTV fault
// the 24-hour provider-contact clock, the contacts logged, and the form that logs one.
// Test ids: check-problem (each problem item; data-label), check-item-card (the card's number),
// check-item-open-card, contact-clock (data-state), contact-add, contact-line (each logged contact),
// contact-form, contact-at, contact-provider, contact-means, contact-agreed, contact-save,
// contact-refused; on the repair card, card-from-check.
import { App, Button, Input, Select, Space, Tag, Typography } from 'antd';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contactClock, type ContactState } from '../../../shared/checks/cctv';
import { PROVIDER_CONTACT_MEANS } from '../../../shared/schemas/records';
import type { RoutineCheck } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { ChinaTimeField } from '../../components/ChinaTimeField';
import { FormField } from '../../components/FormField';
import { FormModal } from '../../components/FormModal';
import { RefusedAlert, useRefusableSave } from '../../components/useRefusableSave';
import { describeError } from '../../i18n/errors';
import { formatTime } from '../../i18n/dates';
import { useSettingsStore } from '../../store/settings';
import { useUiStore } from '../../store/ui';
import { useRepairContext } from '../repair/use-repair';
import {
  CardFromItemRefused,
  checkOfCard,
  ContactRefused,
  logProviderContact,
  openRepairCardFromItem,
} from './data';
import { useLiveQuery } from 'dexie-react-hooks';

type Means = (typeof PROVIDER_CONTACT_MEANS)[number];

const CLOCK_COLORS: Record<ContactState, string> = {
  none: 'default',
  waiting: 'gold',
  overdue: 'red',
  'on-time': 'green',
  late: 'orange',
};

/** The problem items of a check, each with its repair card or the button that opens one. */
export function ProblemItems({
  check,
  cardNumbers,
}: {
  check: RoutineCheck;
  cardNumbers: Map<string, string>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ctx = useRepairContext();
  const navigate = useUiStore((s) => s.navigate);
  const [busy, setBusy] = useState(false);

  const open = async (index: number) => {
    setBusy(true);
    try {
      const card = await openRepairCardFromItem(ctx, check.id, index);
      void message.success(t('checkFollowUp.cardOpened', { cardNo: card.cardNo }));
      navigate('repairs', encodeURIComponent(card.id));
    } catch (err) {
      void message.error(
        err instanceof CardFromItemRefused ? t(`checkFollowUp.refused.${err.code}`) : describeError(err, t),
      );
    } finally {
      setBusy(false);
    }
  };

  const items = (check.items ?? [])
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.result === 'problem');
  if (items.length === 0) return <>{check.findings}</>;
  return (
    <Space direction="vertical" size={2}>
      {items.map(({ item, index }) => (
        <span key={index} data-testid="check-problem" data-label={item.label}>
          {item.label}：{item.note}{' '}
          {item.repairCardId ? (
            <Typography.Link
              data-testid="check-item-card"
              onClick={() => navigate('repairs', encodeURIComponent(item.repairCardId!))}
            >
              {t('checkFollowUp.cardLink', { cardNo: cardNumbers.get(item.repairCardId) ?? '…' })}
            </Typography.Link>
          ) : (
            <Button
              size="small"
              data-testid="check-item-open-card"
              disabled={busy}
              onClick={() => void open(index)}
            >
              {t('checkFollowUp.openCard')}
            </Button>
          )}
        </span>
      ))}
    </Space>
  );
}

/** A CCTV fault's provider-contact clock, its logged contacts and the button that logs one. */
export function ProviderContacts({ check, now }: { check: RoutineCheck; now: Date }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const clock = contactClock(check, now);
  if (clock.state === 'none') return null;
  const hours = Math.ceil(clock.lateMs / 3600_000);
  return (
    <Space direction="vertical" size={2}>
      <Space wrap>
        <Tag color={CLOCK_COLORS[clock.state]} data-testid="contact-clock" data-state={clock.state}>
          {t(`checkFollowUp.clock.${clock.state}`, { due: formatTime(clock.dueAt), hours })}
        </Tag>
        <Button size="small" data-testid="contact-add" onClick={() => setAdding(true)}>
          {t('checkFollowUp.contact.add')}
        </Button>
      </Space>
      {(check.providerContacts ?? []).map((c) => (
        <Typography.Text key={`${c.at}|${c.provider}`} type="secondary" data-testid="contact-line">
          {formatTime(c.at)} {c.provider} · {t(`checkFollowUp.contact.meansOptions.${c.means}`)}
          {c.agreed ? ` · ${c.agreed}` : ''}
        </Typography.Text>
      ))}
      {adding && <ProviderContactForm check={check} onClose={() => setAdding(false)} />}
    </Space>
  );
}

function ProviderContactForm({ check, onClose }: { check: RoutineCheck; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { db, repo } = useLedger();
  const operatorName = useSettingsStore((s) => s.settings.operatorName);
  const last = check.providerContacts?.at(-1);
  const [at, setAt] = useState<string | null>(() => new Date().toISOString());
  const [provider, setProvider] = useState(last?.provider ?? '');
  const [means, setMeans] = useState<Means>(last?.means ?? 'phone');
  const [agreed, setAgreed] = useState('');
  const { refused, saving, save } = useRefusableSave((err) =>
    err instanceof ContactRefused ? [t(`checkFollowUp.contact.refused.${err.code}`)] : null,
  );

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await save(() =>
      logProviderContact(db, repo, check.id, {
        at: at ?? new Date().toISOString(),
        provider,
        means,
        agreed,
        by: operatorName,
      }),
    );
    if (saved) {
      void message.success(t('checkFollowUp.contact.saved'));
      onClose();
    }
  };

  return (
    <FormModal
      open
      title={t('checkFollowUp.contact.title')}
      formId="contact-form"
      submitting={saving}
      onSubmit={(e) => void onSubmit(e)}
      onCancel={onClose}
      onOpened={() => document.getElementById('field-provider')?.focus()}
      submitTestId="contact-save"
      width={560}
    >
      <div data-testid="contact-form">
        <RefusedAlert refused={refused} testId="contact-refused" />
        <Space wrap align="start">
          <FormField name="provider" label={t('checkFollowUp.contact.provider')} required>
            <Input
              id="field-provider"
              data-testid="contact-provider"
              maxLength={80}
              value={provider}
              onChange={(e) => setProvider(e.target.value)}
            />
          </FormField>
          <FormField name="at" label={t('checkFollowUp.contact.at')}>
            <ChinaTimeField
              id="field-contact-at"
              testId="contact-at"
              value={at}
              onChange={setAt}
              width={200}
            />
          </FormField>
          <FormField name="means" label={t('checkFollowUp.contact.means')}>
            <Select
              id="field-means"
              data-testid="contact-means"
              value={means}
              onChange={setMeans}
              style={{ width: 120 }}
              options={PROVIDER_CONTACT_MEANS.map((m) => ({
                value: m,
                label: t(`checkFollowUp.contact.meansOptions.${m}`),
              }))}
            />
          </FormField>
        </Space>
        <FormField name="agreed" label={t('checkFollowUp.contact.agreed')}>
          <Input.TextArea
            id="field-agreed"
            data-testid="contact-agreed"
            rows={2}
            maxLength={500}
            value={agreed}
            onChange={(e) => setAgreed(e.target.value)}
          />
        </FormField>
      </div>
    </FormModal>
  );
}

/** On a repair card opened from a check: which check it was, a link back to the checks screen. */
export function CheckOrigin({ checkId }: { checkId: string }) {
  const { t } = useTranslation();
  const { db } = useLedger();
  const navigate = useUiStore((s) => s.navigate);
  const check = useLiveQuery(async () => (await checkOfCard(db, checkId)) ?? null, [db, checkId]);
  if (check === undefined) return null;
  if (check === null) return <span data-testid="card-from-check">{t('checkFollowUp.fromCheckGone')}</span>;
  return (
    <Typography.Link data-testid="card-from-check" onClick={() => navigate('checks')}>
      {t(`checks.kinds.${check.kind}`)} {formatTime(check.at)}
      {check.by ? ` · ${check.by}` : ''}
    </Typography.Link>
  );
}
