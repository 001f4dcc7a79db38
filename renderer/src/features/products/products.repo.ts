/**
 * Product catalog writes. A product's image is an asset row (Blob) referenced by imageAssetId; replacing
 * or deleting the product keeps assets consistent in the same transaction. Deleting returns an undo.
 */
import type { Product } from '../../../../shared/domain/entities';
import type { AppDb } from '../../db/app-db';
import { newId, nowIso, stamp } from '../../db/records';

export type ProductDraft = Omit<Product, 'id' | 'createdAt' | 'updatedAt' | 'imageAssetId'>;

export async function saveProduct(db: AppDb, draft: ProductDraft, options: { id?: string; image?: File | null } = {}): Promise<string> {
  return db.transaction('rw', db.products, db.assets, async () => {
    const existing = options.id ? await db.products.get(options.id) : undefined;
    let imageAssetId = existing?.imageAssetId;
    if (options.image === null && imageAssetId) {
      await db.assets.delete(imageAssetId);
      imageAssetId = undefined;
    } else if (options.image) {
      if (imageAssetId) await db.assets.delete(imageAssetId);
      imageAssetId = newId();
      const now = nowIso();
      await db.assets.put({ id: imageAssetId, name: options.image.name, mime: options.image.type, data: options.image, createdAt: now, updatedAt: now });
    }
    const record: Product = existing
      ? { ...existing, ...draft, updatedAt: nowIso() }
      : stamp(draft);
    if (imageAssetId) record.imageAssetId = imageAssetId;
    else delete record.imageAssetId;
    await db.products.put(record);
    return record.id;
  });
}

/** Deletes a product (and its image); returns a function that puts both back. */
export async function deleteProduct(db: AppDb, id: string): Promise<() => Promise<void>> {
  return db.transaction('rw', db.products, db.assets, async () => {
    const product = await db.products.get(id);
    if (!product) return async () => undefined;
    const asset = product.imageAssetId ? await db.assets.get(product.imageAssetId) : undefined;
    await db.products.delete(id);
    if (asset) await db.assets.delete(asset.id);
    return async () => {
      await db.transaction('rw', db.products, db.assets, async () => {
        if (asset) await db.assets.put(asset);
        await db.products.put(product);
      });
    };
  });
}
