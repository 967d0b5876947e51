// NetDesk's renderer entry: translations, then the React tree at once, while this PC's settings are
// read and the ledger opens in parallel. The first frame uses the language remembered from last
// time (i18n); the settings file, once read, has the last word. The window's frame does not wait
// for the ledger; the dashboard's first counts come from public/warm-ledger.js.
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'antd/dist/antd.css';
import { App } from './app/App';
import { installErrorLogging, logProblem } from './app/diagnostics';
import { AppErrorBoundary } from './app/ErrorBoundary';
import { startOpeningLedger } from './app/ledger';
import { markStart } from './app/marks';
import { startApp } from './app/startup';
import { isShowroomPage, renderShowroom } from './features/culture/showroom-page';
import './i18n';

markStart('script');
installErrorLogging();

const root = createRoot(document.getElementById('root')!);
// The showroom display is the same bundle at its own address, drawn without the app around it.
if (isShowroomPage(location.hash)) void renderShowroom(root);
else startNetdesk();

function startNetdesk(): void {
  void startOpeningLedger();
  startApp().catch((err: unknown) => logProblem('error', 'start-up', err));

  // Drawn as a transition: React then yields to the browser every few milliseconds, so the
  // ledger's answers to public/warm-ledger.js (its open, then the counts) are taken in while the
  // frame is built, instead of waiting behind one long task.
  startTransition(() => {
    root.render(
      <StrictMode>
        <AppErrorBoundary>
          <App />
        </AppErrorBoundary>
      </StrictMode>,
    );
  });
}
