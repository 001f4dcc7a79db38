import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { requestPersistentStorage } from './db/db';
import { initI18n } from './i18n/i18n';

void requestPersistentStorage();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const container = root;
// Strings for the preferred language are loaded before the first paint, so nothing flashes in another language.
void initI18n().then(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
