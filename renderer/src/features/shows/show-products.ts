/**
 * The products a show features (each once, from its segments) and small data: URLs of their images, as the
 * run-sheet export and the live snapshot both hand them to the services.
 */
import type { Product, Segment } from '../../../../shared/domain/entities';
import type { AppDb } from '../../db/app-db';
import { imageDataUrl } from '../../components/files';

export async function featuredProducts(db: AppDb, segments: readonly Segment[]): Promise<{ products: Product[]; images: Map<string, string> }> {
  const ids = [...new Set(segments.flatMap((s) => s.productIds))];
  const products = (await db.products.bulkGet(ids)).filter((p) => p !== undefined);
  const images = new Map<string, string>();
  for (const product of products) {
    const asset = product.imageAssetId ? await db.assets.get(product.imageAssetId) : undefined;
    const url = asset ? await imageDataUrl(asset.data) : undefined;
    if (url) images.set(product.id, url);
  }
  return { products, images };
}
