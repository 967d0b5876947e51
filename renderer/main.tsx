// NetDesk's renderer entry: translations first, then this PC's settings (for the language),
// then the React tree. A failure to read settings still starts the app, with defaults.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startApp } from './app/startup';
import './i18n';

const root = createRoot(document.getElementById('root')!);

// Render only after the saved language is applied, so Chinese users do not see a flash of the
// wrong language and English users see English from the first frame.
startApp()
  .catch((err: unknown) => console.error('NetDesk start-up', err))
  .finally(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
