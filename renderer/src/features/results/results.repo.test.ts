/** The Results section's reading from IndexedDB: only this run's order lines, the files they came from, audience saved on the run. */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, expect, it } from 'vitest';
import { resultsFixture } from '../../../../shared/sales/show-results.fixture';
import { AppDb } from '../../db/app-db';
import { loadShowResults, saveRunAudience } from './results.repo';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

it("reads the run's attributed lines and their file, and saves the audience figures on the run", async () => {
  const name = `results-${crypto.randomUUID()}`;
  names.push(name);
  const db = new AppDb(name);
  const fx = resultsFixture(40);
  const other = resultsFixture(10, 'other-run');
  await db.shows.put(fx.show);
  await db.segments.bulkPut(fx.segments);
  await db.products.bulkPut(fx.products);
  await db.showRuns.put({ ...fx.run, audience: undefined });
  await db.orderImports.put(fx.orderImport);
  await db.orderLines.bulkPut([...fx.lines, ...other.lines.map((l) => ({ ...l, id: `x-${l.id}` }))]);

  const before = await loadShowResults(db, fx.run);
  expect(before.salesSource).toBe('orders');
  expect(before.orderFiles).toEqual([{ fileName: 'tiktok-orders.csv', source: 'tiktok_shop', lines: 40 }]);
  expect(before.viewers.unique).toBeUndefined();
  expect(before.segments[0]!.targets?.units).toBe(60);

  await saveRunAudience(db, fx.run.id, { uniqueViewers: 1000, views: 4000 });
  const after = await loadShowResults(db, fx.run);
  expect(after.viewers).toMatchObject({ unique: 1000, views: 4000, source: 'entered' });
  expect(after.viewers.uvValue).toEqual([{ amountMinor: Math.round(after.gmvNet[0]!.amountMinor / 1000), currency: 'CNY' }]);
  expect((await db.showRuns.get(fx.run.id))!.plan).toEqual(fx.run.plan);
  db.close();
});
