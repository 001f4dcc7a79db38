/**
 * Builds a ShowSnapshot from planning entities (what the renderer does when going live; tests and the crash
 * fixture use it with the sample workspace).
 *
 * Invariants: pure (movable to shared/); segments are sorted by `rank` with plain string order (fractional-indexing
 * keys), never by locale; only the products the segments feature are included, each once; a product id that does
 * not resolve is an error, not a silent drop; every field is copied by name (the snapshot schema is strict: a field
 * a planning record gains must not ride along); images travel as asset hashes, never as bytes.
 */
import type { Creator, Deal, Money, Product, Segment, Show } from '../domain/entities';
import type { ShowSnapshot, SnapshotDeal, SnapshotProduct, SnapshotSegment } from './runner.types';

export interface SnapshotInput {
  show: Show;
  segments: readonly Segment[];
  products: readonly Product[];
  creators: readonly Creator[];
  brandName?: string;
  /** Asset hashes (SHA-256) of product images by product id, once the renderer has uploaded them (putAsset). */
  imageHashes?: ReadonlyMap<string, string>;
}

const money = (m: Money): Money => ({ amountMinor: m.amountMinor, currency: m.currency });

function snapshotDeal(d: Deal): SnapshotDeal {
  return {
    price: money(d.price),
    ...(d.code !== undefined ? { code: d.code } : {}),
    ...(d.stockCap !== undefined ? { stockCap: d.stockCap } : {}),
    ...(d.perBuyerLimit !== undefined ? { perBuyerLimit: d.perBuyerLimit } : {}),
    ...(d.countdownSec !== undefined ? { countdownSec: d.countdownSec } : {}),
  };
}

export function buildShowSnapshot(input: SnapshotInput): ShowSnapshot {
  const { show } = input;
  const ordered = input.segments.filter((s) => s.showId === show.id).sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  const productsById = new Map(input.products.map((p) => [p.id, p]));
  const creatorsById = new Map(input.creators.map((c) => [c.id, c]));

  const products: SnapshotProduct[] = [];
  const seen = new Set<string>();
  const segments = ordered.map((segment): SnapshotSegment => {
    for (const productId of segment.productIds) {
      if (seen.has(productId)) continue;
      const product = productsById.get(productId);
      if (!product) throw new Error(`segment "${segment.title}" features unknown product ${productId}`);
      seen.add(productId);
      const image = input.imageHashes?.get(productId);
      products.push({ id: product.id, name: product.name, sku: product.sku, listPrice: money(product.listPrice), ...(image ? { imageHash: image } : {}) });
    }
    return {
      id: segment.id,
      kind: segment.kind,
      title: segment.title,
      plannedSec: segment.plannedSec,
      productIds: [...segment.productIds],
      ...(segment.deal ? { deal: snapshotDeal(segment.deal) } : {}),
      sponsored: segment.sponsored,
      ...(segment.disclosureLabel !== undefined ? { disclosureLabel: segment.disclosureLabel } : {}),
      ...(segment.scene !== undefined ? { scene: segment.scene } : {}),
      overlays: { ...segment.overlays },
      talkingPoints: [...segment.talkingPoints],
      crewNotes: segment.crewNotes,
      fanGroupText: segment.fanGroupText,
    };
  });

  const hosts = show.hostIds.map((hostId) => {
    const creator = creatorsById.get(hostId);
    const handle = creator?.handles[0]?.handle;
    return { id: hostId, name: creator?.name ?? hostId, ...(handle ? { handle } : {}) };
  });

  return {
    show: {
      id: show.id,
      title: show.title,
      zone: show.zone,
      startAt: show.startAt,
      targetDurationSec: show.targetDurationSec,
      platforms: [...show.platforms],
      hosts,
      ...(input.brandName !== undefined ? { brandName: input.brandName } : {}),
    },
    segments,
    products,
  };
}
