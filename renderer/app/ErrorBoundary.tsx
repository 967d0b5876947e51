// Keeps one broken screen from blanking the whole window: the navigation stays usable and the
// error is shown in words. Keyed by route in the shell, so moving to another screen resets it.
import { Alert, Button } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    console.error('NetDesk screen error', error);
  }

  override render() {
    return this.state.error ? <ScreenError error={this.state.error} /> : this.props.children;
  }
}

function ScreenError({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    // Alert, not Result: this module is on the start path, and Result carries large illustrations.
    <Alert
      type="error"
      showIcon
      style={{ margin: 24 }}
      title={t('app.crashed')}
      description={t('app.crashedHint', { detail: error.message })}
      action={<Button onClick={() => location.reload()}>{t('app.reload')}</Button>}
    />
  );
}
