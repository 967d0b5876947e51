// Keeps a broken screen from blanking the window. <ErrorBoundary>, keyed by route in the shell,
// holds one screen: the navigation stays usable, and moving to another screen resets it.
// <AppErrorBoundary> holds the whole window, so even a broken shell shows words and "copy
// diagnostic information" instead of nothing. Both log what they caught.
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { logProblem } from './diagnostics';
import { ErrorScreen } from './ErrorScreen';
import { useOpenLedger } from './ledger';

type State = { error: Error | null };

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    logProblem('error', 'screen error', error);
  }

  override render() {
    return this.state.error ? <ScreenError error={this.state.error} /> : this.props.children;
  }
}

function ScreenError({ error }: { error: Error }) {
  const { t } = useTranslation();
  const ledger = useOpenLedger();
  return (
    <ErrorScreen
      title={t('app.crashed')}
      description={t('app.crashedHint', { detail: error.message })}
      error={error}
      db={ledger?.db}
    />
  );
}

export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    logProblem('error', 'window error', error);
  }

  override render() {
    return this.state.error ? <WindowError error={this.state.error} /> : this.props.children;
  }
}

function WindowError({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <ErrorScreen
      whole
      title={t('errors.windowCrashed')}
      description={t('errors.windowCrashedHint', { detail: error.message })}
      error={error}
    />
  );
}
