/**
 * Builds the snapshot of a show that the runner takes when the show goes live (or is rehearsed).
 * Invariant: a snapshot the contract would refuse for its size never leaves the renderer: it is refused here,
 * before anything is sent, with a sentence in the user's language (limits: shared/contract/limits.ts).
 */
import { MAX_SEGMENTS } from '../../../../shared/contract/limits';
import { buildShowSnapshot } from '../../../../shared/runner/runner.snapshot';
import type { ShowSnapshot } from '../../../../shared/runner/runner.types';
import type { AppDb } from '../../db/app-db';
import { featuredProducts } from '../shows/show-products';
import { orderedSegments } from '../shows/shows.repo';
import { i18n } from '../../i18n/i18n';
import { refuseIfOverContractBound } from '../../studio/contract-limits';

/** Throws a user-facing sentence when the snapshot is over the contract's bounds of count or size. */
export function checkSnapshotFits(snapshot: ShowSnapshot): void {
  if (snapshot.segments.length > MAX_SEGMENTS) {
    throw new Error(i18n.t('tooManySegments', { ns: 'limits', count: snapshot.segments.length, max: MAX_SEGMENTS }));
  }
  refuseIfOverContractBound(snapshot, 'showTooLarge');
}

export async function loadShowSnapshot(db: AppDb, showId: string): Promise<ShowSnapshot> {
  const show = await db.shows.get(showId);
  if (!show) throw new Error(i18n.t('errors.showGone', { ns: 'live' }));
  const segments = await orderedSegments(db, showId);
  if (segments.length === 0) throw new Error(i18n.t('errors.noSegments', { ns: 'live' }));
  // Refused before any image is prepared and uploaded (checkSnapshotFits checks the built snapshot again).
  if (segments.length > MAX_SEGMENTS) throw new Error(i18n.t('tooManySegments', { ns: 'limits', count: segments.length, max: MAX_SEGMENTS }));
  const { products, images } = await featuredProducts(db, segments);
  const creators = (await db.creators.bulkGet(show.hostIds)).filter((c) => c !== undefined);
  const brand = show.brandId ? await db.brands.get(show.brandId) : undefined;
  const snapshot = buildShowSnapshot({ show, segments, products, creators, imageHashes: images, ...(brand ? { brandName: brand.name } : {}) });
  checkSnapshotFits(snapshot);
  return snapshot;
}
