// A viewer's write, refused by the team database's middleware, reaches the user as the refusal's own sentence
// through the kit's failed-save notice (runAction → notifyError → errorSentence), in their language; nothing is
// written. And "Recently deleted" lists a team's soft-deleted rows newest first. Real TeamSync on fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppDb } from '../../db/app-db';
import { i18n, initI18n, setLanguage } from '../../i18n/i18n';
import { runAction, type Notices } from '../../kit/entity-actions';
import { errorSentence } from '../../studio/studio-errors';
import { TeamWriteRefused } from '../../sync/sync.middleware';
import { TeamSync } from '../../sync/team-sync';
import type { TeamRole } from '../../sync/team-database';
import { saveBrand } from '../brands/brands.repo';
import { recentlyDeleted } from './team-deleted';

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await initI18n('en');
});

const opened: { db: AppDb; sync: TeamSync }[] = [];
afterEach(async () => {
  for (const { db, sync } of opened.splice(0)) {
    sync.stop();
    await db.delete();
  }
});

async function teamDb(role: TeamRole): Promise<{ db: AppDb; sync: TeamSync }> {
  const db = new AppDb(`team-ui-${crypto.randomUUID()}`);
  const config = { workspaceId: `ws${crypto.randomUUID().slice(0, 8)}`, workspaceName: 'Agency', serverUrl: 'ws://127.0.0.1:9', role, joinedAt: new Date().toISOString() };
  // No token: the sync never connects (a unit test has no server); writes still go through the middleware.
  const sync = new TeamSync(db, config, { token: async () => null, refusalText: (kind) => i18n.t(`team:refusal.${kind}`) });
  await sync.start();
  opened.push({ db, sync });
  return { db, sync };
}

function recorder() {
  const seen: { title: string; error: unknown }[] = [];
  const notices: Notices = { deleted: () => undefined, error: (title, error) => seen.push({ title, error }) };
  return { seen, notices };
}

describe('a viewer’s refused save', () => {
  it('is shown as the refusal’s sentence under the form’s failure title, in the user’s language, and writes nothing', async () => {
    const { db } = await teamDb('viewer');
    for (const language of ['en', 'zh-CN'] as const) {
      await setLanguage(language, { persist: false });
      const { seen, notices } = recorder();
      const saved = await runAction(() => saveBrand(db, { name: 'Glow', contacts: [], notes: '' }), 'Could not save the brand', undefined, notices);
      expect(saved).toBeUndefined();
      expect(seen).toHaveLength(1);
      expect(seen[0]?.title).toBe('Could not save the brand');
      expect(seen[0]?.error).toBeInstanceOf(TeamWriteRefused);
      expect(errorSentence(seen[0]?.error)).toBe(i18n.t('team:refusal.readOnly'));
    }
    expect(await db.brands.count()).toBe(0);
    await setLanguage('en', { persist: false });
    expect(errorSentence(new TeamWriteRefused(i18n.t('team:refusal.readOnly')))).toBe(
      'You have view-only access to this team workspace: ask its owner for a producer invite to make changes.',
    );
  });
});

describe('recently deleted', () => {
  it('lists soft-deleted rows of the main tables, newest first, and forgets them once restored', async () => {
    const { db, sync } = await teamDb('owner');
    const first = await saveBrand(db, { name: 'Glow', contacts: [], notes: '' });
    const second = await saveBrand(db, { name: 'Lumi', contacts: [], notes: '' });
    await sync.settled();
    await db.brands.delete(first);
    await sync.settled();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await db.brands.delete(second);
    await sync.settled();
    expect(recentlyDeleted(sync).map((entry) => [entry.table, entry.label])).toEqual([
      ['brands', 'Lumi'],
      ['brands', 'Glow'],
    ]);
    await sync.restoreDeleted('brands', [second]);
    expect(recentlyDeleted(sync).map((entry) => entry.label)).toEqual(['Glow']);
    expect((await db.brands.get(second))?.name).toBe('Lumi');
  });
});
