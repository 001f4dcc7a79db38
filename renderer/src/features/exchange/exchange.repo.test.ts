/** Exchange writes on fake-indexeddb: restore is all-or-nothing, imports update matching records in place. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup } from '../../../../shared/exchange/backup';
import { detectMapping, parseCsvText, planCreatorImport, planProductImport } from '../../../../shared/exchange/csv-import';
import { sampleIds } from '../../../../shared/sample/sample-workspace';
import { AppDb } from '../../db/app-db';
import { countWorkspace, isWorkspaceEmpty, loadSampleWorkspace } from '../../db/workspace.repo';
import { brandsForImport, deleteWorkspace, readWorkspace, restoreWorkspace, writeCreatorImport, writeProductImport } from './exchange.repo';

const opened: AppDb[] = [];
async function sampleDb(): Promise<AppDb> {
  const db = new AppDb(`exchange-${crypto.randomUUID()}`);
  opened.push(db);
  await loadSampleWorkspace(db, new Date('2026-11-26T09:00:00Z'));
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('backup and restore', () => {
  it('restores exactly what was backed up after the workspace is deleted', async () => {
    const db = await sampleDb();
    const before = await readWorkspace(db);
    expect(before.orderLines.length).toBeGreaterThan(0);
    expect(before.orderImports).toHaveLength(1);
    const text = await serializeBackup(before);
    await deleteWorkspace(db);
    expect(isWorkspaceEmpty(await countWorkspace(db))).toBe(true);
    expect(await Promise.all([db.orderLines.count(), db.orderImports.count()])).toEqual([0, 0]);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error.code);
    await restoreWorkspace(db, parsed.data);
    expect(await readWorkspace(db)).toEqual(before);
  });

  it('changes nothing when the restore fails part-way', async () => {
    const db = await sampleDb();
    const before = await countWorkspace(db);
    const data = await readWorkspace(db);
    const broken = { ...data, segments: [...data.segments, ...data.segments] }; // duplicate keys: bulkAdd fails
    await expect(restoreWorkspace(db, broken)).rejects.toThrow();
    expect(await countWorkspace(db)).toEqual(before);
  });
});

describe('imports', () => {
  it('adds new products and updates the ones with the same brand and SKU', async () => {
    const db = await sampleDb();
    const existing = await db.products.get(sampleIds.productHaSerum);
    const csv = `Brand,SKU,Name,Price\nGlow Theory,${existing?.sku ?? ''},Renamed serum,1\nGlow Theory,NEW-1,New thing,2.5`;
    const parsed = parseCsvText(csv);
    const plan = planProductImport(parsed, detectMapping('products', parsed.headers), { brands: await brandsForImport(db), defaultCurrency: 'CNY' });
    expect(plan.errors).toEqual([]);
    const before = await db.products.count();
    expect(await writeProductImport(db, plan.valid.map((v) => v.draft))).toEqual({ created: 1, updated: 1 });
    expect(await db.products.count()).toBe(before + 1);
    const updated = await db.products.get(sampleIds.productHaSerum);
    expect(updated).toMatchObject({ name: 'Renamed serum', listPrice: { amountMinor: 100, currency: 'CNY' }, createdAt: existing?.createdAt });
  });

  it('matches creators by platform and handle, ignoring @ and case', async () => {
    const db = await sampleDb();
    const lin = await db.creators.get(sampleIds.creatorLin);
    const handle = lin?.handles[0];
    const csv = `Name,Platform,Handle,Followers\nLin,${handle?.platform ?? ''},${(handle?.handle ?? '').toUpperCase()},99000\nNew Person,tiktok,@newperson,10k`;
    const parsed = parseCsvText(csv);
    const plan = planCreatorImport(parsed, detectMapping('creators', parsed.headers));
    const before = await db.creators.count();
    expect(await writeCreatorImport(db, plan.valid.map((v) => v.draft))).toEqual({ created: 1, updated: 1 });
    expect(await db.creators.count()).toBe(before + 1);
    expect((await db.creators.get(sampleIds.creatorLin))?.handles[0]?.followers).toBe(99000);
  });

  it('fills in contact details of a matched creator and keeps them when a cell is blank', async () => {
    const db = await sampleDb();
    const lin = await db.creators.get(sampleIds.creatorLin);
    const handle = lin?.handles[0];
    const row = (email: string, wechat: string) => `${lin?.name ?? ''},${handle?.platform ?? ''},${handle?.handle ?? ''},${email},${wechat},星河 MCN`;
    for (const csv of [`Name,Platform,Handle,Email,微信号,MCN\n${row('lin@glow.cn', 'xiaoyu_2024')}`, `Name,Platform,Handle,Email,微信号,MCN\n${row('', '')}`]) {
      const parsed = parseCsvText(csv);
      const plan = planCreatorImport(parsed, detectMapping('creators', parsed.headers));
      expect(plan.errors).toEqual([]);
      await writeCreatorImport(db, plan.valid.map((v) => v.draft));
    }
    expect(await db.creators.get(sampleIds.creatorLin)).toMatchObject({ email: 'lin@glow.cn', wechatId: 'xiaoyu_2024', agency: '星河 MCN' });
  });
});
