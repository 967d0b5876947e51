// NetDesk's renderer entry: translations, then the React tree at once, while this PC's settings are
// read and the ledger opens in parallel. The first frame uses the language remembered from last
// time (i18n); the settings file, once read, has the last word.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'antd/dist/antd.css';
import { App } from './app/App';
import { startOpeningLedger } from './app/ledger';
import { startApp } from './app/startup';
import './i18n';

startOpeningLedger();
startApp().catch((err: unknown) => console.error('NetDesk start-up', err));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
