/**
 * The products a show features (each once, from its segments) and their images as assets the services keep,
 * as the run-sheet export and the live snapshot both hand them to the services.
 *
 * Invariants: an image travels once. Each is made a small JPEG thumbnail, named by its SHA-256, and uploaded
 * (putAsset) only when the services say they do not hold it (findMissingAssets); snapshots and run-sheets then
 * carry only the hash. A thumbnail is computed once per asset row per page load.
 */
import type { Product, Segment } from '../../../../shared/domain/entities';
import { bytesToBase64 } from '../../../../shared/exchange/base64';
import type { AppDb } from '../../db/app-db';
import { imageDataUrl } from '../../components/files';
import { studio } from '../../studio/studio';

interface Thumbnail {
  hash: string;
  base64: string;
  mime: 'image/jpeg' | 'image/png';
}

/** Thumbnails by asset row id (and its updatedAt): re-encoding and hashing once per page load is enough. */
const thumbnails = new Map<string, Promise<Thumbnail | undefined>>();

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function thumbnail(blob: Blob, max?: number, mime: Thumbnail['mime'] = 'image/jpeg'): Promise<Thumbnail | undefined> {
  const url = await imageDataUrl(blob, max, mime);
  const comma = url?.indexOf(',') ?? -1;
  if (!url || comma < 0) return undefined;
  const base64 = url.slice(comma + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return { hash: await sha256Hex(bytes), base64: bytesToBase64(bytes), mime };
}

/** Makes sure the services hold these thumbnails: uploads only the missing ones. */
async function uploadMissing(thumbs: readonly Thumbnail[]): Promise<void> {
  if (thumbs.length === 0) return;
  const byHash = new Map(thumbs.map((t) => [t.hash, t]));
  const { missing } = await studio.findMissingAssets([...byHash.keys()]);
  for (const hash of missing) {
    const thumb = byHash.get(hash);
    if (thumb) await studio.putAsset({ mime: thumb.mime, base64: thumb.base64 });
  }
}

/** The featured products, and the asset hash of each product's image (uploaded if the services lacked it). */
export async function featuredProducts(db: AppDb, segments: readonly Segment[]): Promise<{ products: Product[]; images: Map<string, string> }> {
  const ids = [...new Set(segments.flatMap((s) => s.productIds))];
  const products = (await db.products.bulkGet(ids)).filter((p) => p !== undefined);
  const assetIds = [...new Set(products.map((p) => p.imageAssetId).filter((id): id is string => !!id))];
  const assets = new Map((await db.assets.bulkGet(assetIds)).filter((a) => a !== undefined).map((a) => [a.id, a]));
  const thumbByAsset = new Map<string, Thumbnail>();
  for (const asset of assets.values()) {
    const key = `${asset.id}@${asset.updatedAt}`;
    let pending = thumbnails.get(key);
    if (!pending) {
      pending = thumbnail(asset.data);
      thumbnails.set(key, pending);
    }
    const thumb = await pending;
    if (thumb) thumbByAsset.set(asset.id, thumb);
  }
  await uploadMissing([...thumbByAsset.values()]);
  const images = new Map<string, string>();
  for (const product of products) {
    const thumb = product.imageAssetId ? thumbByAsset.get(product.imageAssetId) : undefined;
    if (thumb) images.set(product.id, thumb.hash);
  }
  return { products, images };
}

/** A brand's logo as an asset hash (a PNG, so transparency survives), uploaded if the services lacked it. */
export async function brandLogoHash(db: AppDb, logoAssetId: string | undefined): Promise<string | undefined> {
  const asset = logoAssetId ? await db.assets.get(logoAssetId) : undefined;
  if (!asset) return undefined;
  const key = `logo:${asset.id}@${asset.updatedAt}`;
  let pending = thumbnails.get(key);
  if (!pending) {
    pending = thumbnail(asset.data, 320, 'image/png');
    thumbnails.set(key, pending);
  }
  const thumb = await pending;
  if (!thumb) return undefined;
  await uploadMissing([thumb]);
  return thumb.hash;
}
