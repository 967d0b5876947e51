// What the supervisor sees instead of a blank window when something breaks: what happened in
// words, that the ledger is safe, and "copy diagnostic information" to paste into a message to
// whoever maintains NetDesk. The copied text is also shown, so nobody sends what they cannot read.
// Test ids: error-screen, copy-diagnostics, diagnostics-text.
import { Alert, Button, Input, Space } from 'antd';
import type Dexie from 'dexie';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { collectDiagnostics } from './diagnostics';

export function ErrorScreen(props: {
  title: string;
  description: ReactNode;
  error?: Error;
  /** A problem without an Error object (the ledger refused to open). */
  problem?: string;
  db?: Dexie | null;
  /** Whole window (nothing else is drawn) or one screen inside the shell. */
  whole?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  const copy = async () => {
    const diagnostics = await collectDiagnostics({
      db: props.db,
      error: props.error,
      problem: props.problem,
    });
    setText(diagnostics);
    try {
      await navigator.clipboard.writeText(diagnostics);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  return (
    <div data-testid="error-screen" style={{ padding: props.whole ? 48 : 24, maxWidth: 880 }}>
      <Alert
        type="error"
        showIcon
        title={props.title}
        description={props.description}
        action={
          <Space direction="vertical">
            <Button data-testid="copy-diagnostics" onClick={() => void copy()}>
              {t('errors.copyDiagnostics')}
            </Button>
            <Button onClick={() => location.reload()}>{t('app.reload')}</Button>
          </Space>
        }
      />
      {text !== null && (
        <div style={{ marginTop: 16 }}>
          <div style={{ marginBottom: 8 }}>
            {copied === 'yes' ? t('errors.copied') : t('errors.copyByHand')}
          </div>
          <Input.TextArea
            data-testid="diagnostics-text"
            value={text}
            readOnly
            autoSize={{ minRows: 6, maxRows: 18 }}
          />
        </div>
      )}
    </div>
  );
}
