// The Team section's data-made words in both languages: the badge's label, the refusal as a sentence, and the
// conflict sentence (human field and table names; "a field" for an unknown field; quoted values only when short).
import { beforeAll, describe, expect, it } from 'vitest';
import { syncedTables } from '../../../../shared/sync/workspace-doc';
import { i18n, initI18n, setLanguage } from '../../i18n/i18n';
import type { TeamConflict, TeamSyncState } from '../../sync/team-sync';
import { conflictSentence, namedFields, quotable, refusalSentence, statusLabel } from './team-sentences';

beforeAll(async () => {
  // i18n marks <html lang>; this test runs in Node, where there is no document.
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await initI18n('en');
});

const conflict = (over: Partial<TeamConflict> = {}): TeamConflict => ({
  id: 'c1',
  table: 'brands',
  rowId: 'b1',
  field: 'name',
  mine: 'Lumi Skin',
  theirs: 'Lumi Beauty',
  rowDeleted: false,
  rowLabel: 'Lumi Beauty',
  at: '2026-12-01T10:00:00.000Z',
  ...over,
});

describe('the sync state label', () => {
  it('reads Synced, Pending N, Offline, Connecting… and Access refused', async () => {
    await setLanguage('en', { persist: false });
    const t = i18n.t.bind(i18n);
    expect(statusLabel(t, { state: 'synced', pending: 0 })).toBe('Synced');
    expect(statusLabel(t, { state: 'pending', pending: 3 })).toBe('Pending 3');
    expect(statusLabel(t, { state: 'offline', pending: 2 })).toBe('Offline');
    expect(statusLabel(t, { state: 'connecting', pending: 0 })).toBe('Connecting…');
    expect(statusLabel(t, { state: 'refused', pending: 0 })).toBe('Access refused');
    await setLanguage('zh-CN', { persist: false });
    expect(statusLabel(i18n.t.bind(i18n), { state: 'pending', pending: 3 })).toBe('待同步 3');
    await setLanguage('en', { persist: false });
  });

  it('has words for every state in both languages', async () => {
    const states: TeamSyncState[] = ['loading', 'connecting', 'offline', 'synced', 'pending', 'refused'];
    for (const language of ['en', 'zh-CN'] as const) {
      await setLanguage(language, { persist: false });
      for (const state of states) {
        const label = statusLabel(i18n.t.bind(i18n), { state, pending: 1 });
        expect(label, `${language} ${state}`).not.toContain('status.');
        expect(label).not.toContain('{{');
      }
    }
    await setLanguage('en', { persist: false });
  });
});

describe('why access was refused', () => {
  it('words the server’s reasons in the user’s language, and an unknown one generically', async () => {
    await setLanguage('en', { persist: false });
    const t = i18n.t.bind(i18n);
    expect(refusalSentence(t, { state: 'refused', refusedReason: 'This invite was revoked by the workspace owner.' })).toBe(
      'The workspace owner revoked this computer’s access. Ask them for a new invite link.',
    );
    expect(refusalSentence(t, { state: 'refused', refusedReason: 'This invite has expired: ask the workspace owner for a new one.' })).toContain('expired');
    expect(refusalSentence(t, { state: 'refused', refusedReason: 'Something new the server says.' })).toBe(
      'The sync server refused this computer’s access. Ask the workspace owner for a new invite link.',
    );
    expect(refusalSentence(t, { state: 'refused' })).toContain('no longer has the invite');
    await setLanguage('zh-CN', { persist: false });
    expect(refusalSentence(i18n.t.bind(i18n), { state: 'refused', refusedReason: 'This invite was revoked by the workspace owner.' })).toContain('撤销');
    await setLanguage('en', { persist: false });
  });
});

describe('the conflict sentence', () => {
  it('says which field of which row someone else’s edit replaced, and with what', async () => {
    await setLanguage('en', { persist: false });
    const t = i18n.t.bind(i18n);
    expect(conflictSentence(t, conflict())).toBe('You changed the name of brand “Lumi Beauty” to “Lumi Skin” while offline; another edit replaced it with “Lumi Beauty”.');
    expect(conflictSentence(t, conflict({ table: 'contentItems', field: 'caption', mine: 'My caption', theirs: 'New caption', rowLabel: 'Teaser' }))).toBe(
      'You changed the caption of content item “Teaser” to “My caption” while offline; another edit replaced it with “New caption”.',
    );
    expect(conflictSentence(t, conflict({ table: 'products', field: 'stockOnHand', mine: 10, theirs: 12, rowLabel: 'Serum' }))).toBe(
      'You changed the stock of product “Serum” to “10” while offline; another edit replaced it with “12”.',
    );
    expect(conflictSentence(t, conflict({ field: 'notes', mine: ['not', 'text'], theirs: 'Their note' }))).toBe(
      'Your change to the notes of brand “Lumi Beauty” made offline was replaced by another edit: “Their note”.',
    );
  });

  it('says when the row was deleted by someone else', async () => {
    await setLanguage('en', { persist: false });
    expect(conflictSentence(i18n.t.bind(i18n), conflict({ rowDeleted: true, theirs: undefined, rowLabel: 'Lumi' }))).toBe(
      'Your change to the name of brand “Lumi” made offline was not kept: someone else deleted the brand.',
    );
  });

  it('never shows a raw field name: an unknown field is “a field”, a value that is not short text is not quoted', async () => {
    await setLanguage('en', { persist: false });
    const t = i18n.t.bind(i18n);
    const unknown = conflictSentence(t, conflict({ field: 'fanGroupText', mine: 'y', theirs: 'x' }));
    expect(unknown).toBe('You changed a field of brand “Lumi Beauty” to “y” while offline; another edit replaced it with “x”.');
    expect(unknown).not.toContain('fanGroupText');
    expect(conflictSentence(t, conflict({ field: 'niches', theirs: ['beauty', 'skincare'] }))).toBe('Your change to the niches of brand “Lumi Beauty” made offline was replaced by another edit.');
    expect(conflictSentence(t, conflict({ theirs: 'y'.repeat(200) }))).toMatch(/y…”\.$/);
  });

  it('has words for every synced table and named field, in both languages', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      await setLanguage(language, { persist: false });
      const t = i18n.t.bind(i18n);
      for (const table of syncedTables) {
        for (const field of ['name', 'somethingElse']) {
          const sentence = conflictSentence(t, conflict({ table, field }));
          expect(sentence, `${language} ${table} ${field}`).not.toMatch(/tables\.|fields\.|conflicts\.|\{\{/);
          expect(sentence).not.toContain(table);
          expect(sentence).not.toContain('somethingElse');
        }
      }
      for (const field of namedFields) expect(i18n.exists(`team:fields.${field}`), `${language} ${field}`).toBe(true);
    }
    await setLanguage('zh-CN', { persist: false });
    expect(conflictSentence(i18n.t.bind(i18n), conflict())).toBe('你离线时把品牌“Lumi Beauty”的名称改为“Lumi Skin”，另一处修改将其替换为“Lumi Beauty”。');
    await setLanguage('en', { persist: false });
  });
});

describe('quoting a value', () => {
  it('quotes short text and numbers, trims and shortens long text, and nothing else', () => {
    expect(quotable('  Lumi \n Beauty ')).toBe('Lumi Beauty');
    expect(quotable(0)).toBe('0');
    expect(quotable('')).toBeUndefined();
    expect(quotable(null)).toBeUndefined();
    expect(quotable({ a: 1 })).toBeUndefined();
    expect(quotable(Number.NaN)).toBeUndefined();
    expect(quotable('a'.repeat(81))).toHaveLength(80);
  });
});
