// NetDesk's renderer entry: translations, then the React tree at once, while this PC's settings are
// read and the ledger opens in parallel. The first frame uses the language remembered from last
// time (i18n); the settings file, once read, has the last word. The dashboard's counts are read as
// soon as the ledger is open, so they are there for its first frame.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'antd/dist/antd.css';
import { App } from './app/App';
import { startOpeningLedger } from './app/ledger';
import { startApp } from './app/startup';
import { prefetchLedgerCounts } from './features/dashboard/DashboardScreen';
import './i18n';

startOpeningLedger().then(prefetchLedgerCounts, () => undefined);
startApp().catch((err: unknown) => console.error('NetDesk start-up', err));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
