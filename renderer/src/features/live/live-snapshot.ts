/** Builds the snapshot of a show that the runner takes when the show goes live (or is rehearsed). */
import { buildShowSnapshot } from '../../../../shared/runner/runner.snapshot';
import type { ShowSnapshot } from '../../../../shared/runner/runner.types';
import type { AppDb } from '../../db/app-db';
import { imageDataUrl } from '../../components/files';
import { orderedSegments } from '../shows/shows.repo';

export async function loadShowSnapshot(db: AppDb, showId: string): Promise<ShowSnapshot> {
  const show = await db.shows.get(showId);
  if (!show) throw new Error('That show no longer exists.');
  const segments = await orderedSegments(db, showId);
  if (segments.length === 0) throw new Error('This show has no segments yet: add them under Shows.');
  const productIds = [...new Set(segments.flatMap((s) => s.productIds))];
  const products = (await db.products.bulkGet(productIds)).filter((p) => p !== undefined);
  const creators = (await db.creators.bulkGet(show.hostIds)).filter((c) => c !== undefined);
  const brand = show.brandId ? await db.brands.get(show.brandId) : undefined;
  const images = new Map<string, string>();
  for (const product of products) {
    const asset = product.imageAssetId ? await db.assets.get(product.imageAssetId) : undefined;
    const url = asset ? await imageDataUrl(asset.data) : undefined;
    if (url) images.set(product.id, url);
  }
  return buildShowSnapshot({ show, segments, products, creators, imageDataUrls: images, ...(brand ? { brandName: brand.name } : {}) });
}
