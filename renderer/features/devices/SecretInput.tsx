// The admin passwords / configuration notes of a device (field `secret`): masked on screen until
// "显示" is clicked, copied on demand. Used by the asset form (editable) and the detail drawer
// (read-only). Never rendered in a list, never printed.
// Test ids: <testId> (the text), <testId>-reveal, <testId>-copy.
import { CopyOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Input, Space, Typography } from 'antd';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { copyText } from './clipboard';

// Chromium draws each character of a masked text area as a disc (Electron and the browser mode
// both run Chromium), so a multi-line config note can be edited without being shown.
const MASKED = { WebkitTextSecurity: 'disc' } as React.CSSProperties;

function useCopy() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async (text: string) => {
    try {
      await copyText(text);
      void message.success(t('devices.secret.copied'));
    } catch (err) {
      void message.error(
        t('devices.secret.copyFailed', { detail: err instanceof Error ? err.message : String(err) }),
      );
    }
  };
}

function RevealButtons(props: { shown: boolean; onToggle: () => void; value: string; testId: string }) {
  const { t } = useTranslation();
  const copy = useCopy();
  return (
    <Space size={4}>
      <Button
        size="small"
        icon={props.shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
        onClick={props.onToggle}
        data-testid={`${props.testId}-reveal`}
        disabled={!props.value}
      >
        {props.shown ? t('devices.secret.hide') : t('devices.secret.reveal')}
      </Button>
      <Button
        size="small"
        icon={<CopyOutlined />}
        onClick={() => void copy(props.value)}
        data-testid={`${props.testId}-copy`}
        disabled={!props.value}
      >
        {t('devices.secret.copy')}
      </Button>
    </Space>
  );
}

/** Editable, masked until revealed. */
export function SecretInput({
  inputRef,
  ...props
}: {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  id?: string;
  testId: string;
  inputRef?: Ref<TextAreaRef>;
}) {
  const [shown, setShown] = useState(false);
  return (
    <div>
      <Input.TextArea
        ref={inputRef}
        id={props.id}
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={props.onBlur}
        autoSize={{ minRows: 2, maxRows: 6 }}
        autoComplete="off"
        spellCheck={false}
        style={shown ? undefined : MASKED}
      />
      <div style={{ marginTop: 4 }}>
        <RevealButtons
          shown={shown}
          onToggle={() => setShown(!shown)}
          value={props.value}
          testId={props.testId}
        />
      </div>
    </div>
  );
}

/** Read-only, for the detail drawer: the text is not even in the page until revealed. */
export function SecretView({ value, testId }: { value: string; testId: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  if (!value) return <Typography.Text type="secondary">{t('devices.secret.empty')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Typography.Text data-testid={testId} style={{ whiteSpace: 'pre-wrap' }}>
        {shown ? value : t('devices.secret.masked')}
      </Typography.Text>
      <RevealButtons shown={shown} onToggle={() => setShown(!shown)} value={value} testId={testId} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('devices.secret.hint')}
      </Typography.Text>
    </Space>
  );
}
