// Settings → the checklists of the routine checks (ledger-wide: every PC of the ledger checks the
// same items). Items can be renamed, added, removed and marked "for every device". Saving changes
// only later checks: each record keeps a copy of the items it was done with.
// Test ids: check-templates, check-template-kind (tabs' labels, data-kind), check-template-item
// (each row), check-template-pane (data-kind), check-template-label, check-template-per-device, check-template-remove,
// check-template-add, check-templates-save, check-templates-reset, check-templates-error.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Input, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkTemplatesSchema,
  DEFAULT_CHECK_TEMPLATES,
  templateOf,
  type CheckTemplate,
} from '../../../shared/checks/templates';
import { CHECK_KINDS } from '../../../shared/schemas/records';
import { useLedger } from '../../app/ledger';
import { setLedgerSetting, useLedgerSetting } from '../../db/ledger-settings';
import { describeError } from '../../i18n/errors';

export function CheckTemplatesSettings() {
  const { t } = useTranslation();
  const { db, repo } = useLedger();
  const { message } = App.useApp();
  const stored = useLedgerSetting(db, 'checkTemplates');
  const [draft, setDraft] = useState<CheckTemplate[] | null>(null);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);

  // Every kind, the ledger's own template or the default, as the editor's starting point.
  const current = draft ?? CHECK_KINDS.map((kind) => structuredClone(templateOf(stored, kind)));

  const change = (kind: string, items: CheckTemplate['items']) =>
    setDraft(current.map((tpl) => (tpl.kind === kind ? { ...tpl, items } : tpl)));

  const save = async () => {
    const parsed = checkTemplatesSchema.safeParse(current);
    if (!parsed.success) {
      setError(t('checks.templates.empty'));
      return;
    }
    setError('');
    setSaving(true);
    try {
      await setLedgerSetting(db, repo, 'checkTemplates', parsed.data);
      setDraft(null);
      void message.success(t('checks.templates.saved'));
    } catch (err) {
      setError(describeError(err, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('checks.templates.title')} style={{ marginTop: 16 }} data-testid="check-templates">
      <Typography.Paragraph type="secondary">{t('checks.templates.help')}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          data-testid="check-templates-error"
          style={{ marginBottom: 8 }}
        />
      )}
      <Tabs
        items={current.map((tpl) => ({
          key: tpl.kind,
          label: (
            <span data-testid="check-template-kind" data-kind={tpl.kind}>
              {t(`checks.kinds.${tpl.kind}`)}
            </span>
          ),
          children: (
            <Space
              orientation="vertical"
              style={{ width: '100%' }}
              data-testid="check-template-pane"
              data-kind={tpl.kind}
            >
              {tpl.items.map((item, i) => (
                <Space key={i} data-testid="check-template-item">
                  <Input
                    aria-label={t('checks.templates.label')}
                    data-testid="check-template-label"
                    value={item.label}
                    maxLength={120}
                    style={{ width: 280 }}
                    onChange={(e) =>
                      change(
                        tpl.kind,
                        tpl.items.map((it, j) => (j === i ? { ...it, label: e.target.value } : it)),
                      )
                    }
                  />
                  <Checkbox
                    data-testid="check-template-per-device"
                    checked={item.perDevice}
                    onChange={(e) =>
                      change(
                        tpl.kind,
                        tpl.items.map((it, j) => (j === i ? { ...it, perDevice: e.target.checked } : it)),
                      )
                    }
                  >
                    {t('checks.templates.perDevice')}
                  </Checkbox>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    data-testid="check-template-remove"
                    onClick={() =>
                      change(
                        tpl.kind,
                        tpl.items.filter((_, j) => j !== i),
                      )
                    }
                  />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                data-testid="check-template-add"
                onClick={() => change(tpl.kind, [...tpl.items, { label: '', perDevice: false }])}
              >
                {t('checks.templates.addItem')}
              </Button>
            </Space>
          ),
        }))}
      />
      <Space style={{ marginTop: 8 }}>
        <Button
          type="primary"
          loading={saving}
          data-testid="check-templates-save"
          onClick={() => void save()}
        >
          {t('common.save')}
        </Button>
        <Button
          data-testid="check-templates-reset"
          onClick={() => setDraft(structuredClone(DEFAULT_CHECK_TEMPLATES))}
        >
          {t('checks.templates.reset')}
        </Button>
      </Space>
    </Card>
  );
}
