import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { requestPersistentStorage, startTeamWorkspace } from './db/db';
import { setActiveTeamWorkspace } from './sync/active-workspace';
import { initI18n } from './i18n/i18n';

void requestPersistentStorage();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const container = root;
// A team workspace that cannot start (its settings are gone) falls back to the local workspace, once.
async function startTeamSync(): Promise<void> {
  try {
    await startTeamWorkspace();
  } catch (error) {
    console.error('Team workspace could not open; opening the local workspace.', error);
    setActiveTeamWorkspace(null);
    location.reload();
    await new Promise(() => undefined);
  }
}

// Strings for the preferred language are loaded before the first paint, so nothing flashes in another language;
// a team workspace's tables are rebuilt from its documents before any page reads them.
void Promise.all([initI18n(), startTeamSync()]).then(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
