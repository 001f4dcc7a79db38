/**
 * Brand writes. A brand's logo is an asset row (Blob) referenced by logoAssetId, replaced or removed in the same
 * transaction as the brand. A brand that campaigns or products still reference cannot be deleted (nothing is
 * left dangling); deleting returns an undo that restores the brand and its logo.
 */
import type { Brand } from '../../../../shared/domain/entities';
import type { AppDb } from '../../db/app-db';
import { newId, nowIso, stamp } from '../../db/records';

export type BrandDraft = Omit<Brand, 'id' | 'createdAt' | 'updatedAt' | 'logoAssetId'>;

export class BrandInUseError extends Error {
  constructor(readonly campaigns: number, readonly products: number) {
    super(`The brand is used by ${campaigns} campaigns and ${products} products.`);
  }
}

export async function saveBrand(db: AppDb, draft: BrandDraft, options: { id?: string; logo?: File | null } = {}): Promise<string> {
  return db.transaction('rw', db.brands, db.assets, async () => {
    const existing = options.id ? await db.brands.get(options.id) : undefined;
    let logoAssetId = existing?.logoAssetId;
    if (options.logo === null && logoAssetId) {
      await db.assets.delete(logoAssetId);
      logoAssetId = undefined;
    } else if (options.logo) {
      if (logoAssetId) await db.assets.delete(logoAssetId);
      logoAssetId = newId();
      const now = nowIso();
      await db.assets.put({ id: logoAssetId, name: options.logo.name, mime: options.logo.type, data: options.logo, createdAt: now, updatedAt: now });
    }
    const record: Brand = existing ? { ...existing, ...draft, updatedAt: nowIso() } : stamp(draft);
    if (logoAssetId) record.logoAssetId = logoAssetId;
    else delete record.logoAssetId;
    await db.brands.put(record);
    return record.id;
  });
}

/** Copies a brand under a new name (the logo asset is copied too, so each brand owns its own). */
export async function duplicateBrand(db: AppDb, id: string, name: string): Promise<string> {
  return db.transaction('rw', db.brands, db.assets, async () => {
    const source = await db.brands.get(id);
    if (!source) throw new Error('That brand no longer exists.');
    const { id: _id, createdAt: _c, updatedAt: _u, logoAssetId, ...rest } = source;
    const copy: Brand = stamp({ ...rest, name });
    const logo = logoAssetId ? await db.assets.get(logoAssetId) : undefined;
    if (logo) {
      copy.logoAssetId = newId();
      await db.assets.put({ ...logo, id: copy.logoAssetId, createdAt: copy.createdAt, updatedAt: copy.updatedAt });
    }
    await db.brands.put(copy);
    return copy.id;
  });
}

export async function deleteBrand(db: AppDb, id: string): Promise<() => Promise<void>> {
  return db.transaction('rw', [db.brands, db.assets, db.campaigns, db.products], async () => {
    const [campaigns, products] = await Promise.all([db.campaigns.where('brandId').equals(id).count(), db.products.where('brandId').equals(id).count()]);
    if (campaigns > 0 || products > 0) throw new BrandInUseError(campaigns, products);
    const brand = await db.brands.get(id);
    if (!brand) return async () => undefined;
    const logo = brand.logoAssetId ? await db.assets.get(brand.logoAssetId) : undefined;
    await db.brands.delete(id);
    if (logo) await db.assets.delete(logo.id);
    return async () => {
      await db.transaction('rw', db.brands, db.assets, async () => {
        if (logo) await db.assets.put(logo);
        await db.brands.put(brand);
      });
    };
  });
}
