/** Partnership terms writes on fake-indexeddb: one row per creator and scope, the sample's terms, delete with undo. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../db/app-db';
import { loadSampleWorkspace } from '../../db/workspace.repo';
import { deleteTerms, saveTerms, termsAt } from './terms.repo';

const dbs: AppDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
async function sampleDb(): Promise<AppDb> {
  const db = new AppDb(`terms-${crypto.randomUUID()}`);
  dbs.push(db);
  await loadSampleWorkspace(db);
  return db;
}
const base = { creatorId: 'sample-creator-lin', currency: 'CNY', commissionRate: 0.1 };

describe('partnership terms', () => {
  it('comes with the sample, and loading it twice keeps one row per scope', async () => {
    const db = await sampleDb();
    await loadSampleWorkspace(db);
    expect(await db.partnershipTerms.count()).toBe(3);
    expect((await termsAt(db, 'sample-creator-lin', { campaignId: 'sample-campaign-hydration' }))?.commissionRate).toBe(0.2);
  });

  it('replaces the terms of the same creator and scope instead of adding a second row', async () => {
    const db = await sampleDb();
    const first = await saveTerms(db, { ...base, showId: 'sample-show-hydration-night' });
    const again = await saveTerms(db, { ...base, showId: 'sample-show-hydration-night', commissionRate: 0.3 });
    expect(again).toBe(first);
    expect((await db.partnershipTerms.where('creatorId').equals('sample-creator-lin').toArray()).length).toBe(3);
    // Moving the show terms to the default replaces the sample's default (one default per creator).
    await saveTerms(db, { ...base, commissionRate: 0.4 }, first);
    const lin = await db.partnershipTerms.where('creatorId').equals('sample-creator-lin').toArray();
    expect(lin.map((t) => [t.id === first, t.showId, t.campaignId, t.commissionRate].join('|')).sort()).toEqual(['false||sample-campaign-hydration|0.2', 'true|||0.4']);
  });

  it('saves only what the editor changed over the terms as they are now, so a teammate’s edit made meanwhile stays', async () => {
    const db = await sampleDb();
    const id = await saveTerms(db, { ...base, showId: 'sample-show-hydration-night', notes: 'old note', flatFee: { amountMinor: 50_000, currency: 'CNY' } });
    const opened = await db.partnershipTerms.get(id);
    if (!opened) throw new Error('the terms were not saved');
    // Finance changes the notes while this editor is open on the old copy…
    await saveTerms(db, { ...base, showId: 'sample-show-hydration-night', notes: 'finance’s note', flatFee: { amountMinor: 50_000, currency: 'CNY' } }, id);
    // …which changes the commission and clears the flat fee (an editor leaves a cleared field out).
    await saveTerms(db, { ...base, showId: 'sample-show-hydration-night', notes: 'old note', commissionRate: 0.25 }, id, opened);
    const saved = await db.partnershipTerms.get(id);
    expect(saved?.notes).toBe('finance’s note');
    expect(saved?.commissionRate).toBe(0.25);
    expect(saved && 'flatFee' in saved).toBe(false);
    expect(saved?.showId).toBe('sample-show-hydration-night');
  });

  it('deletes with an undo that puts the row back', async () => {
    const db = await sampleDb();
    const undo = await deleteTerms(db, 'sample-terms-chen-hydration-night');
    expect(await db.partnershipTerms.get('sample-terms-chen-hydration-night')).toBeUndefined();
    await undo();
    expect((await db.partnershipTerms.get('sample-terms-chen-hydration-night'))?.commissionRate).toBe(0.1);
  });
});
