// Settings → the pledge (保证内容) printed on every 保证申请书: ledger-wide, so every PC of the
// ledger prints the same wording. Saving changes the guarantees printed from then on; a sheet
// already signed keeps what it says on paper. Reset puts back NetDesk's first wording.
// Test ids: guarantee-pledge, guarantee-pledge-text, guarantee-pledge-save, guarantee-pledge-reset,
// guarantee-pledge-error.
import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_GUARANTEE_PLEDGE } from '../../../shared/network/guarantee';
import { LEDGER_SETTING_SCHEMAS } from '../../../shared/ledger-settings';
import { useLedger } from '../../app/ledger';
import { setLedgerSetting, useLedgerSetting } from '../../db/ledger-settings';
import { describeError } from '../../i18n/errors';

export function GuaranteePledgeSettings() {
  const { t } = useTranslation();
  const { db, repo } = useLedger();
  const { message } = App.useApp();
  const stored = useLedgerSetting(db, 'guaranteePledge');
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const text = draft ?? stored;

  const save = async (value: string) => {
    const parsed = LEDGER_SETTING_SCHEMAS.guaranteePledge.safeParse(value);
    if (!parsed.success) {
      setError(t('permissionPaper.pledgeEmpty'));
      return;
    }
    setError('');
    setSaving(true);
    try {
      await setLedgerSetting(db, repo, 'guaranteePledge', parsed.data);
      setDraft(null);
      void message.success(t('permissionPaper.pledgeSaved'));
    } catch (err) {
      setError(describeError(err, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('permissionPaper.pledgeTitle')} style={{ marginTop: 16 }} data-testid="guarantee-pledge">
      <Typography.Paragraph type="secondary">{t('permissionPaper.pledgeHelp')}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          data-testid="guarantee-pledge-error"
          title={error}
          style={{ marginBottom: 8 }}
        />
      )}
      <Input.TextArea
        data-testid="guarantee-pledge-text"
        aria-label={t('permissionPaper.pledgeTitle')}
        rows={4}
        maxLength={2000}
        value={text}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save(text);
          }
        }}
      />
      <Space style={{ marginTop: 8 }}>
        <Button
          type="primary"
          loading={saving}
          data-testid="guarantee-pledge-save"
          onClick={() => void save(text)}
        >
          {t('settings.save')}
        </Button>
        <Button data-testid="guarantee-pledge-reset" onClick={() => setDraft(DEFAULT_GUARANTEE_PLEDGE)}>
          {t('permissionPaper.pledgeReset')}
        </Button>
      </Space>
    </Card>
  );
}
