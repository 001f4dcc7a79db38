/**
 * Builds a ShowSnapshot from planning entities (what the renderer does when going live; tests and the crash
 * fixture use it with the sample workspace).
 *
 * Invariants: pure (movable to shared/); segments are sorted by `rank` with plain string order (fractional-indexing
 * keys), never by locale; only the products the segments feature are included, each once; a product id that does
 * not resolve is an error, not a silent drop; every field is copied by name (the snapshot schema is strict: a field
 *   a planning record gains must not ride along); images travel as asset hashes, never as bytes;
 * - every segment's lower third is resolved here: the segment's own name/handle/line win (blank = unset); otherwise
 *   a co-host segment shows the show's second host (its co-host) and any other segment the main host. A segment
 *   with no name from either gets no `lowerThird` (the overlays then show the main host, if any);
 * - role cues (host, assistant, controller) travel cleaned (shared/domain/role-cues.ts), and only when some role
 *   has a cue: a snapshot without `cues` means "no cues" to every reader.
 */
import type { Beat, Creator, Deal, Money, PriceStep, Product, Segment, Show } from '../domain/entities';
import { defaultOrientation } from '../domain/safe-zones';
import { cleanRoleCues } from '../domain/role-cues';
import type { ShowSnapshot, SnapshotBeat, SnapshotDeal, SnapshotPriceStep, SnapshotHost, SnapshotLowerThird, SnapshotProduct, SnapshotSegment } from './runner.types';
import { cleanBeat } from '../domain/segment-rules';
import { compareByRank } from '../domain/rank-order';

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
    ...(d.ladder?.length ? { ladder: d.ladder.map(snapshotStep) } : {}),
  };
}

function snapshotStep(step: PriceStep): SnapshotPriceStep {
  const trigger: SnapshotPriceStep['trigger'] =
    step.trigger.kind === 'time' ? { kind: 'time', offsetSec: step.trigger.offsetSec } : { kind: 'stock', atOrBelow: step.trigger.atOrBelow };
  return { id: step.id, price: money(step.price), trigger };
}

const snapshotBeat = (beat: Beat): SnapshotBeat => cleanBeat(beat);

export function buildShowSnapshot(input: SnapshotInput): ShowSnapshot {
  const { show } = input;
  const ordered = input.segments.filter((s) => s.showId === show.id).sort(compareByRank);
  const productsById = new Map(input.products.map((p) => [p.id, p]));
  const creatorsById = new Map(input.creators.map((c) => [c.id, c]));

  const hosts: SnapshotHost[] = show.hostIds.map((hostId) => {
    const creator = creatorsById.get(hostId);
    const handle = creator?.handles[0]?.handle;
    return { id: hostId, name: creator?.name ?? hostId, ...(handle ? { handle } : {}) };
  });

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
      overlays: { dealCard: segment.overlays.dealCard, countdown: segment.overlays.countdown, stock: segment.overlays.stock, lowerThird: segment.overlays.lowerThird, disclosure: segment.overlays.disclosure },
      talkingPoints: [...segment.talkingPoints],
      crewNotes: segment.crewNotes,
      fanGroupText: segment.fanGroupText,
      ...cuesEntry(segment),
      ...lowerThirdEntry(segment, hosts),
      ...(segment.reviewedClaimKeys && segment.reviewedClaimKeys.length > 0 ? { reviewedClaimKeys: [...segment.reviewedClaimKeys] } : {}),
      ...(segment.kind === 'giveaway' && segment.giveaway
        ? {
            giveaway: {
              prize: segment.giveaway.prize,
              ...(segment.giveaway.quantity !== undefined ? { winnerCount: segment.giveaway.quantity } : {}),
              ...(segment.giveaway.entry ? { entry: { kind: segment.giveaway.entry.kind, text: segment.giveaway.entry.text } } : {}),
            },
          }
        : {}),
      ...(segment.beats?.length ? { beats: segment.beats.map(snapshotBeat) } : {}),
      ...(segment.pinnedAt !== undefined ? { pinnedAt: segment.pinnedAt } : {}),
    };
  });

  return {
    show: {
      id: show.id,
      title: show.title,
      zone: show.zone,
      startAt: show.startAt,
      targetDurationSec: show.targetDurationSec,
      platforms: [...show.platforms],
      orientation: show.orientation ?? defaultOrientation(show.platforms),
      hosts,
      ...(input.brandName !== undefined ? { brandName: input.brandName } : {}),
    },
    segments,
    products,
  };
}

/** A segment's role cues, copied by name and cleaned; none when no role has a cue. */
function cuesEntry(segment: Segment): { cues?: SnapshotSegment['cues'] } {
  const cues = cleanRoleCues(segment.cues);
  return cues ? { cues } : {};
}

/** The host a segment's lower third names by default: the co-host (second host) on a co-host segment, else the main host. */
export function defaultLowerThirdHost(kind: Segment['kind'], hosts: readonly SnapshotHost[]): SnapshotHost | undefined {
  return (kind === 'co_host' ? hosts[1] : undefined) ?? hosts[0];
}

function lowerThirdEntry(segment: Segment, hosts: readonly SnapshotHost[]): { lowerThird?: SnapshotLowerThird } {
  const own = segment.lowerThird;
  const fallback = defaultLowerThirdHost(segment.kind, hosts);
  const ownName = own?.name?.trim();
  const name = ownName || fallback?.name;
  if (!name) return {};
  // A segment naming someone else keeps only its own handle: the default host's handle would be wrong for them.
  const handle = own?.handle?.trim() || (ownName ? undefined : fallback?.handle);
  const line = own?.line?.trim();
  return { lowerThird: { name, ...(handle ? { handle } : {}), ...(line ? { line } : {}) } };
}
