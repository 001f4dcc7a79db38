/**
 * The run-sheet: a show's schedule as handed to a brand (brand view: the 直播脚本 the brand approves) or to the
 * crew (crew view). Built from planning data in the renderer, then written to PDF/CSV/HTML by the export
 * service, so the desktop app and browser mode produce the same files.
 *
 * Invariants:
 * - the brand view carries no crew fields (scenes, overlays, crew notes, fan-group text, rule warnings, claim flags,
 *   the assistant's and the controller's cues) at all, so no writer can leak them; talking points, the host's cues,
 *   selling points, deal terms and giveaway rules are in both views (the brand approves what is said on stream);
 * - role cues (shared/domain/role-cues.ts) are cleaned and present only when not empty: `hostCues` on the row,
 *   `assistantCues` and `controllerCues` in the crew fields; crew notes stay general notes for the whole crew;
 * - the sheet is language-neutral data (segment kinds and overlays as codes, money as minor units) plus the
 *   `language` it is to be written in: writers take their words from shared/export/export.strings.ts;
 * - images (brand logo, product images) travel as asset hashes (`brandLogoHash`, `imageHash`); the export service
 *   resolves them to data: URLs (`brandLogoDataUrl`, `imageDataUrl`) before any writer runs;
 * - beats: the crew view lists every beat of a segment with its offset (and planned clock time); the brand view
 *   only the price reveal and the link going live, with their times (what the brand needs to know about the
 *   offer). The price ladder and a segment's hard start are deal terms and schedule: in both views;
 * - sales targets (GMV, orders, units) of the show and of each segment are in both views (the brand buys GMV),
 *   only the figures that are set (shared/domain/targets.ts), absent when none is.
 */
import type { BeatKind, Brand, Campaign, Creator, GiveawayEntryRule, Money, Product, SalesTargets, Segment, SegmentKind, SegmentOverlays, Show } from './entities';
import { showPlatformLabels } from './entities';
import type { ExportLanguage } from '../export/export.strings';
import { cleanRoleCues, roleCuesOf } from './role-cues';
import { defaultOrientation, type Orientation } from './safe-zones';
import { cleanBeat, discountPercent, segmentIssues } from './segment-rules';
import { segmentClaims, type ClaimCategory, type ClaimPlace } from './claims';
import { cleanTargets } from './targets';
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
  /** The claims the brand approves (from the product). */
  sellingPoints: string[];
}

export interface RunSheetGiveaway {
  prize: string;
  /** The winner count. */
  quantity?: number;
  entry?: GiveawayEntryRule;
  rules: string;
}

/** A rule warning about a segment (crew view only), e.g. no OBS scene. `code` words it in the export language. */
export interface RunSheetIssue {
  code: string;
  message: string;
}

/** A claim flag of a segment (crew view only): the words, where, the kind and the rule's source; reviewed or not. */
export interface RunSheetClaim {
  words: string;
  field: ClaimPlace;
  category: ClaimCategory;
  source: string;
  reviewed: boolean;
}

export interface RunSheetPriceStep {
  price: Money;
  trigger: 'time' | 'stock';
  /** time: seconds into the segment, and the planned clock time (HH:mm, show zone). */
  offsetSec?: number;
  clock?: string;
  /** stock: the stock left that brings the step. */
  atOrBelow?: number;
}

export interface RunSheetDeal {
  price: Money;
  discountPercent: number;
  code?: string;
  stockCap?: number;
  perBuyerLimit?: number;
  countdownSec?: number;
  /** Price ladder (阶梯价), in order. */
  ladder?: RunSheetPriceStep[];
}

export interface RunSheetBeat {
  kind: BeatKind;
  label?: string;
  /** Seconds into the segment, and the planned clock time (HH:mm, show zone); absent for a beat fired by hand. */
  offsetSec?: number;
  clock?: string;
  /** Stock release: units added. */
  units?: number;
}

/** Beat kinds a brand run-sheet shows (with their times). */
export const brandBeatKinds: readonly BeatKind[] = ['price_reveal', 'link_live'];

export interface RunSheetCrewFields {
  scene?: string;
  overlays: (keyof SegmentOverlays)[];
  /** General notes for the whole crew. */
  crewNotes: string;
  fanGroupText: string;
  /** The 助播 assistant's cues (crew-internal); absent when none. */
  assistantCues?: string[];
  /** The 场控 controller's cues (crew-internal); absent when none. */
  controllerCues?: string[];
  /** Rule warnings (errors block exports): internal, never in a brand file. */
  issues: RunSheetIssue[];
  /** Claim flags (shared/domain/claims.ts; crew notes are not checked), reviewed ones marked: the "claims to review" block. */
  claims?: RunSheetClaim[];
}

export interface RunSheetRow {
  index: number;
  kind: SegmentKind;
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
  talkingPoints: string[];
  /** The 主播 host's cues: said on stream, so the brand sees them too; absent when none. */
  hostCues?: string[];
  giveaway?: RunSheetGiveaway;
  /** Beats in order (brand view: price reveal and link live only). */
  beats?: RunSheetBeat[];
  /** Hard start: the clock time (HH:mm, show zone) the segment is pinned to. */
  hardStartClock?: string;
  sponsored: boolean;
  disclosureLabel?: string;
  /** The segment's sales targets, when any is set. */
  targets?: SalesTargets;
  crew?: RunSheetCrewFields;
}

export type ScriptApproval = 'draft' | 'approved';

export interface RunSheet {
  view: RunSheetView;
  /** The language every writer uses for its words, dates, money and discounts. */
  language: ExportLanguage;
  title: string;
  brandName: string;
  /** The brand's logo as an asset hash, when it has one (what the renderer sends). */
  brandLogoHash?: string;
  /** data: URL of the logo, filled in by the export service (resolveRunSheetImages) before any writer runs. */
  brandLogoDataUrl?: string;
  /** The script's version as the producer names it ("3", "v2.1"). */
  scriptVersion?: string;
  approval: ScriptApproval;
  campaignName?: string;
  platforms: string[];
  /** The show's picture: one header line "Vertical 9:16" / "竖屏 9:16" (its own, else its platforms' default). */
  orientation?: Orientation;
  hostNames: string[];
  startAt: string;
  endAt: string;
  zone: string;
  zoneLabel: string;
  viewerZone?: string;
  /** YYYY-MM-DD in the show's zone. */
  date: string;
  targetDurationSec: number;
  /** The show's sales targets, when any is set. */
  targets?: SalesTargets;
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
  /** Asset hash of the brand's logo (uploaded with putAsset); becomes the sheet's `brandLogoHash`. */
  brandLogo?: string;
}

export interface RunSheetOptions {
  generatedAt: string;
  viewerZone?: string;
  /** Defaults to English. */
  language?: ExportLanguage;
}

function targetsOf(owner: { targets?: SalesTargets }): { targets?: SalesTargets } {
  const targets = cleanTargets(owner.targets);
  return targets ? { targets } : {};
}

export function buildRunSheet(input: RunSheetInput, view: RunSheetView, options: RunSheetOptions): RunSheet {
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
        return { name: p.name, sku: p.sku, listPrice: p.listPrice, ...(image ? { imageHash: image } : {}), sellingPoints: p.sellingPoints.filter((t) => t.trim() !== '') };
      });
    const first = products[0];
    const cues = roleCuesOf({ cues: cleanRoleCues(segment.cues) });
    const clockAt = (offsetSec: number) => clockTime(new Date(Date.parse(t.startAt) + offsetSec * 1000).toISOString(), show.zone);
    const beats = (segment.beats ?? [])
      .filter((beat) => view === 'crew' || brandBeatKinds.includes(beat.kind))
      .map((beat): RunSheetBeat => {
        const { id: _id, ...clean } = cleanBeat(beat);
        return { ...clean, ...(clean.offsetSec !== undefined ? { clock: clockAt(clean.offsetSec) } : {}) };
      });
    const row: RunSheetRow = {
      index: index + 1,
      kind: segment.kind,
      title: segment.title,
      startAt: t.startAt,
      endAt: t.endAt,
      plannedSec: segment.plannedSec,
      clock: clockTime(t.startAt, show.zone),
      ...(viewerZone ? { viewerClock: clockTime(t.startAt, viewerZone) } : {}),
      products,
      talkingPoints: segment.talkingPoints,
      ...(cues.host.length ? { hostCues: cues.host } : {}),
      ...(segment.giveaway && (segment.giveaway.prize.trim() || segment.giveaway.rules.trim() || segment.giveaway.entry)
        ? {
            giveaway: {
              prize: segment.giveaway.prize.trim(),
              ...(segment.giveaway.quantity !== undefined ? { quantity: segment.giveaway.quantity } : {}),
              ...(segment.giveaway.entry ? { entry: { kind: segment.giveaway.entry.kind, text: segment.giveaway.entry.text.trim() } } : {}),
              rules: segment.giveaway.rules.trim(),
            },
          }
        : {}),
      ...(beats.length > 0 ? { beats } : {}),
      ...(segment.pinnedAt ? { hardStartClock: clockTime(segment.pinnedAt, show.zone) } : {}),
      sponsored: segment.sponsored,
      ...(segment.sponsored && segment.disclosureLabel ? { disclosureLabel: segment.disclosureLabel } : {}),
      ...targetsOf(segment),
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
        ...(d.ladder?.length
          ? {
              ladder: d.ladder.map(
                (step): RunSheetPriceStep =>
                  step.trigger.kind === 'time'
                    ? { price: step.price, trigger: 'time', offsetSec: step.trigger.offsetSec, clock: clockAt(step.trigger.offsetSec) }
                    : { price: step.price, trigger: 'stock', atOrBelow: step.trigger.atOrBelow },
              ),
            }
          : {}),
      };
    }
    if (view === 'crew') {
      row.crew = {
        ...(segment.scene ? { scene: segment.scene } : {}),
        overlays: (Object.keys(overlayLabels) as (keyof Segment['overlays'])[]).filter((k) => segment.overlays[k]),
        crewNotes: segment.crewNotes,
        fanGroupText: segment.fanGroupText,
        ...(cues.assistant.length ? { assistantCues: cues.assistant } : {}),
        ...(cues.controller.length ? { controllerCues: cues.controller } : {}),
        issues: segmentIssues(segment, input.products)
          .filter((issue) => issue.severity === 'warning')
          .map((issue) => ({ code: issue.code, message: issue.message })),
        claims: segmentClaims(segment).map((flag) => ({ words: flag.match, field: flag.field, category: flag.category, source: flag.source, reviewed: flag.reviewed })),
      };
    }
    return row;
  });
  return {
    view,
    language: options.language ?? 'en',
    title: show.title,
    brandName: input.brand?.name ?? '',
    ...(input.brandLogo ? { brandLogoHash: input.brandLogo } : {}),
    ...(show.scriptVersion?.trim() ? { scriptVersion: show.scriptVersion.trim() } : {}),
    approval: show.scriptApproval ?? 'draft',
    ...(input.campaign ? { campaignName: input.campaign.name } : {}),
    platforms: show.platforms.map((p) => showPlatformLabels[p]),
    orientation: show.orientation ?? defaultOrientation(show.platforms),
    hostNames: input.hosts.map((h) => h.name),
    startAt: show.startAt,
    endAt: timing.endAt,
    zone: show.zone,
    zoneLabel: zoneAbbreviation(show.startAt, show.zone),
    ...(viewerZone ? { viewerZone } : {}),
    date: localDate(show.startAt, show.zone),
    targetDurationSec: show.targetDurationSec,
    ...targetsOf(show),
    totalSec: timing.totalSec,
    overTargetSec: timing.overTargetSec,
    generatedAt: options.generatedAt,
    rows,
  };
}
