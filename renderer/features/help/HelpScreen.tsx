// The Help page: the supervisor's everyday tasks in a few steps each (the same topics as
// docs/user-guide.md, which has the pictures), and what to do when something goes wrong — where
// the log is, and "copy diagnostic information" for whoever maintains NetDesk.
// Test ids: help-screen, help-topic-<topic>, help-copy-diagnostics, help-diagnostics-text.
import { Button, Card, Collapse, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collectDiagnostics } from '../../app/diagnostics';
import { useLedger } from '../../app/ledger';

export const HELP_TOPICS = [
  'repair',
  'print',
  'labels',
  'weekly',
  'network',
  'permissions',
  'culture',
  'training',
  'monthly',
  'folder',
  'restore',
  'trouble',
] as const;

export function HelpScreen() {
  const { t } = useTranslation();
  const { db } = useLedger();
  const [diagnostics, setDiagnostics] = useState<string | null>(null);

  const copy = async () => {
    const text = await collectDiagnostics({ db });
    setDiagnostics(text);
    await navigator.clipboard.writeText(text).catch(() => undefined);
  };

  return (
    <div data-testid="help-screen" style={{ maxWidth: 880 }}>
      <Typography.Title level={3}>{t('help.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('help.intro')}</Typography.Paragraph>
      <Collapse
        defaultActiveKey={['repair']}
        items={HELP_TOPICS.map((topic) => ({
          key: topic,
          label: <span data-testid={`help-topic-${topic}`}>{t(`help.topics.${topic}.title`)}</span>,
          children: (
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {t(`help.topics.${topic}.steps`)
                .split('\n')
                .map((step) => (
                  <li key={step} style={{ marginBottom: 4 }}>
                    {step}
                  </li>
                ))}
            </ol>
          ),
        }))}
      />
      <Card title={t('help.diagnosticsTitle')} style={{ marginTop: 16 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('help.diagnosticsHint')}</Typography.Text>
          <Button data-testid="help-copy-diagnostics" onClick={() => void copy()}>
            {t('errors.copyDiagnostics')}
          </Button>
          {diagnostics !== null && (
            <Input.TextArea
              data-testid="help-diagnostics-text"
              value={diagnostics}
              readOnly
              autoSize={{ minRows: 6, maxRows: 16 }}
            />
          )}
        </Space>
      </Card>
    </div>
  );
}
