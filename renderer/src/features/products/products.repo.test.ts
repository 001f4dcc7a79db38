import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../db/app-db';
import { filterProducts } from './products.hooks';
import { deleteProduct, saveProduct, type ProductDraft } from './products.repo';

const dbs: AppDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
function freshDb() {
  const db = new AppDb(`products-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
const draft: ProductDraft = { brandId: 'b1', sku: 'GT-HA-30', name: '玻尿酸保湿精华 Hyaluronic Serum', variantNotes: '30 ml', listPrice: { amountMinor: 19900, currency: 'CNY' }, stockOnHand: 500, sellingPoints: ['3 kinds of HA'] };

describe('product catalog', () => {
  it('creates, edits and keeps the image as a local asset', async () => {
    const db = freshDb();
    const image = new File([new Uint8Array([137, 80, 78, 71])], 'serum.png', { type: 'image/png' });
    const id = await saveProduct(db, draft, { image });
    const saved = await db.products.get(id);
    expect(saved?.imageAssetId).toBeDefined();
    expect((await db.assets.get(saved!.imageAssetId!))?.mime).toBe('image/png');
    await saveProduct(db, { ...draft, stockOnHand: 450 }, { id });
    expect((await db.products.get(id))?.stockOnHand).toBe(450);
    expect((await db.products.get(id))?.imageAssetId).toBe(saved?.imageAssetId);
    await saveProduct(db, draft, { id, image: null });
    expect((await db.products.get(id))?.imageAssetId).toBeUndefined();
    expect(await db.assets.count()).toBe(0);
  });

  it('deletes with undo, image included', async () => {
    const db = freshDb();
    const id = await saveProduct(db, draft, { image: new File([new Uint8Array([1])], 'a.png', { type: 'image/png' }) });
    const undo = await deleteProduct(db, id);
    expect(await db.products.count()).toBe(0);
    expect(await db.assets.count()).toBe(0);
    await undo();
    expect(await db.products.get(id)).toMatchObject({ name: draft.name });
    expect(await db.assets.count()).toBe(1);
  });

  it('searches name, SKU and selling points, and filters by brand', () => {
    const rows = [
      { ...draft, id: '1', createdAt: '', updatedAt: '', brandName: 'Glow' },
      { ...draft, id: '2', sku: 'HC-OAT', name: 'Oat crunch', brandId: 'b2', sellingPoints: ['no added sugar'], createdAt: '', updatedAt: '', brandName: 'Hearth' },
    ];
    expect(filterProducts(rows, '玻尿酸', null).map((r) => r.id)).toEqual(['1']);
    expect(filterProducts(rows, 'hc-oat', null).map((r) => r.id)).toEqual(['2']);
    expect(filterProducts(rows, 'sugar', null).map((r) => r.id)).toEqual(['2']);
    expect(filterProducts(rows, '', 'b1').map((r) => r.id)).toEqual(['1']);
    expect(filterProducts(rows, 'oat', 'b1')).toEqual([]);
  });
});
