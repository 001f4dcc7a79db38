/** Builds the snapshot of a show that the runner takes when the show goes live (or is rehearsed). */
import { buildShowSnapshot } from '../../../../shared/runner/runner.snapshot';
import type { ShowSnapshot } from '../../../../shared/runner/runner.types';
import type { AppDb } from '../../db/app-db';
import { featuredProducts } from '../shows/show-products';
import { orderedSegments } from '../shows/shows.repo';
import { i18n } from '../../i18n/i18n';

export async function loadShowSnapshot(db: AppDb, showId: string): Promise<ShowSnapshot> {
  const show = await db.shows.get(showId);
  if (!show) throw new Error(i18n.t('errors.showGone', { ns: 'live' }));
  const segments = await orderedSegments(db, showId);
  if (segments.length === 0) throw new Error(i18n.t('errors.noSegments', { ns: 'live' }));
  const { products, images } = await featuredProducts(db, segments);
  const creators = (await db.creators.bulkGet(show.hostIds)).filter((c) => c !== undefined);
  const brand = show.brandId ? await db.brands.get(show.brandId) : undefined;
  return buildShowSnapshot({ show, segments, products, creators, imageDataUrls: images, ...(brand ? { brandName: brand.name } : {}) });
}
