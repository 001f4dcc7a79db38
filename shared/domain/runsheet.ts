/**
 * The run-sheet: a show's schedule as handed to a brand (brand view) or to the crew (crew view).
 * Built from planning data in the renderer, then written to PDF/CSV/HTML by the export service, so the
 * desktop app and browser mode produce the same files. Invariant: the brand view carries no crew fields
 * (scenes, overlays, talking points, crew notes, fan-group text) at all, so no writer can leak them.
 */
import type { Brand, Campaign, Creator, Money, Product, Segment, Show } from './entities';
import { showPlatformLabels } from './entities';
import { discountPercent } from './segment-rules';
import { clockTime, computeShowTiming, localDate, zoneAbbreviation } from './timing';

export type RunSheetView = 'brand' | 'crew';

export interface RunSheetProduct {
  name: string;
  sku: string;
  listPrice: Money;
  /** The product image as an asset hash (what the renderer sends; see shared/contract/assets.schema.ts). */
  imageHash?: string;
  /** data: URL of the image, filled in by the export service (resolveRunSheetImages) before any writer runs. */
  imageDataUrl?: string;
}

export interface RunSheetDeal {
  price: Money;
  discountPercent: number;
  code?: string;
  stockCap?: number;
  perBuyerLimit?: number;
  countdownSec?: number;
}

export interface RunSheetCrewFields {
  scene?: string;
  overlays: string[];
  talkingPoints: string[];
  crewNotes: string;
  fanGroupText: string;
}

export interface RunSheetRow {
  index: number;
  kind: string;
  title: string;
  startAt: string;
  endAt: string;
  plannedSec: number;
  /** HH:mm in the show's zone. */
  clock: string;
  /** HH:mm in the viewer's zone, when it differs from the show's. */
  viewerClock?: string;
  products: RunSheetProduct[];
  deal?: RunSheetDeal;
  sponsored: boolean;
  disclosureLabel?: string;
  crew?: RunSheetCrewFields;
}

export interface RunSheet {
  view: RunSheetView;
  title: string;
  brandName: string;
  campaignName?: string;
  platforms: string[];
  hostNames: string[];
  startAt: string;
  endAt: string;
  zone: string;
  zoneLabel: string;
  viewerZone?: string;
  /** YYYY-MM-DD in the show's zone. */
  date: string;
  targetDurationSec: number;
  totalSec: number;
  overTargetSec: number;
  generatedAt: string;
  rows: RunSheetRow[];
}

export const segmentKindLabels: Record<Segment['kind'], string> = {
  opening: 'Opening',
  product_pitch: 'Product pitch',
  flash_deal: 'Flash deal',
  giveaway: 'Giveaway',
  qa: 'Q&A',
  co_host: 'Co-host',
  break: 'Break',
  closing: 'Closing',
};

export const overlayLabels: Record<keyof Segment['overlays'], string> = {
  dealCard: 'Deal card',
  countdown: 'Countdown',
  stock: 'Stock',
  lowerThird: 'Lower third',
  disclosure: 'Disclosure badge',
};

export interface RunSheetInput {
  show: Show;
  /** In run-of-show order. */
  segments: Segment[];
  products: ReadonlyMap<string, Product>;
  brand?: Brand;
  campaign?: Campaign;
  hosts: Creator[];
  /** Asset hashes of product images by product id (uploaded with putAsset). */
  productImages?: ReadonlyMap<string, string>;
}

export function buildRunSheet(input: RunSheetInput, view: RunSheetView, options: { generatedAt: string; viewerZone?: string }): RunSheet {
  const { show, segments } = input;
  const timing = computeShowTiming(show.startAt, segments, show.targetDurationSec);
  const viewerZone = options.viewerZone && options.viewerZone !== show.zone ? options.viewerZone : undefined;
  const rows = segments.map((segment, index): RunSheetRow => {
    const t = timing.segments[index]!;
    const products = segment.productIds
      .map((id) => input.products.get(id))
      .filter((p): p is Product => p !== undefined)
      .map((p): RunSheetProduct => {
        const image = input.productImages?.get(p.id);
        return { name: p.name, sku: p.sku, listPrice: p.listPrice, ...(image ? { imageHash: image } : {}) };
      });
    const first = products[0];
    const row: RunSheetRow = {
      index: index + 1,
      kind: segmentKindLabels[segment.kind],
      title: segment.title,
      startAt: t.startAt,
      endAt: t.endAt,
      plannedSec: segment.plannedSec,
      clock: clockTime(t.startAt, show.zone),
      ...(viewerZone ? { viewerClock: clockTime(t.startAt, viewerZone) } : {}),
      products,
      sponsored: segment.sponsored,
      ...(segment.sponsored && segment.disclosureLabel ? { disclosureLabel: segment.disclosureLabel } : {}),
    };
    if (segment.deal) {
      const d = segment.deal;
      row.deal = {
        price: d.price,
        discountPercent: first && first.listPrice.currency === d.price.currency ? discountPercent(first.listPrice.amountMinor, d.price.amountMinor) : 0,
        ...(d.code ? { code: d.code } : {}),
        ...(d.stockCap !== undefined ? { stockCap: d.stockCap } : {}),
        ...(d.perBuyerLimit !== undefined ? { perBuyerLimit: d.perBuyerLimit } : {}),
        ...(d.countdownSec !== undefined ? { countdownSec: d.countdownSec } : {}),
      };
    }
    if (view === 'crew') {
      row.crew = {
        ...(segment.scene ? { scene: segment.scene } : {}),
        overlays: (Object.keys(overlayLabels) as (keyof Segment['overlays'])[]).filter((k) => segment.overlays[k]).map((k) => overlayLabels[k]),
        talkingPoints: segment.talkingPoints,
        crewNotes: segment.crewNotes,
        fanGroupText: segment.fanGroupText,
      };
    }
    return row;
  });
  return {
    view,
    title: show.title,
    brandName: input.brand?.name ?? '',
    ...(input.campaign ? { campaignName: input.campaign.name } : {}),
    platforms: show.platforms.map((p) => showPlatformLabels[p]),
    hostNames: input.hosts.map((h) => h.name),
    startAt: show.startAt,
    endAt: timing.endAt,
    zone: show.zone,
    zoneLabel: zoneAbbreviation(show.startAt, show.zone),
    ...(viewerZone ? { viewerZone } : {}),
    date: localDate(show.startAt, show.zone),
    targetDurationSec: show.targetDurationSec,
    totalSec: timing.totalSec,
    overTargetSec: timing.overTargetSec,
    generatedAt: options.generatedAt,
    rows,
  };
}
