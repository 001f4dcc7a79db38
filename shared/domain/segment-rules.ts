/**
 * Rules a segment must follow before it is saved or exported. Errors block saving the offending value
 * (nothing is saved silently in a broken state); warnings are shown but allowed (a scene can be chosen later).
 * Every issue names the field it is about, so the editor can show it inline, and carries a stable `code` with
 * its `params` so the UI can word it in the user's language (`message` is the English wording, used by exports).
 */
import type { Beat, Deal, Product, Segment } from './entities';

export type IssueSeverity = 'error' | 'warning';

export const segmentIssueCodes = [
  'dealPriceNegative',
  'dealNeedsProduct',
  'dealCurrencyMismatch',
  'dealPriceNotBelowList',
  'stockCapAboveStock',
  'stockCapInvalid',
  'perBuyerInvalid',
  'perBuyerAboveCap',
  'countdownInvalid',
  'titleMissing',
  'plannedInvalid',
  'productMissing',
  'sceneMissing',
  'disclosureMissing',
  'ladderStepInvalid',
  'ladderAboveList',
  'ladderCurrencyMismatch',
  'ladderOrder',
  'ladderStockNotBelowCap',
  'ladderStockNeedsCap',
  'beatNeedsDeal',
  'beatUnitsInvalid',
  'beatReleaseAboveCap',
  'beatOffsetBeyondPlan',
  'beatOrder',
] as const;
export type SegmentIssueCode = (typeof segmentIssueCodes)[number];

export type SegmentIssueParams = Record<string, string | number>;

export interface SegmentIssue {
  segmentId: string;
  field:
    | 'plannedSec'
    | 'deal.price'
    | 'deal.stockCap'
    | 'deal.perBuyerLimit'
    | 'deal.countdownSec'
    | 'deal.ladder'
    | 'beats'
    | 'productIds'
    | 'scene'
    | 'disclosureLabel'
    | 'title';
  severity: IssueSeverity;
  code: SegmentIssueCode;
  params: SegmentIssueParams;
  message: string;
}

export type SegmentForRules = Pick<Segment, 'id' | 'title' | 'plannedSec' | 'productIds' | 'deal' | 'scene' | 'sponsored' | 'disclosureLabel' | 'beats'>;

/** Discount shown to viewers, in whole percent (rounded down so a deal never claims more than it gives). */
export function discountPercent(listMinor: number, dealMinor: number): number {
  if (listMinor <= 0 || dealMinor >= listMinor) return 0;
  return Math.floor(((listMinor - dealMinor) / listMinor) * 100);
}

export function dealIssues(segmentId: string, deal: Deal, product: Product | undefined): SegmentIssue[] {
  const issues: SegmentIssue[] = [];
  const issue = (field: SegmentIssue['field'], code: SegmentIssueCode, message: string, params: SegmentIssueParams = {}, severity: IssueSeverity = 'error') =>
    issues.push({ segmentId, field, severity, code, params, message });
  if (!Number.isInteger(deal.price.amountMinor) || deal.price.amountMinor < 0) issue('deal.price', 'dealPriceNegative', 'Deal price must be zero or more.');
  if (!product) {
    issue('productIds', 'dealNeedsProduct', 'A deal needs a featured product.');
  } else {
    if (product.listPrice.currency !== deal.price.currency) {
      issue('deal.price', 'dealCurrencyMismatch', `Deal price is in ${deal.price.currency} but ${product.name} is listed in ${product.listPrice.currency}.`, {
        dealCurrency: deal.price.currency,
        product: product.name,
        listCurrency: product.listPrice.currency,
      });
    } else if (deal.price.amountMinor >= product.listPrice.amountMinor) {
      issue('deal.price', 'dealPriceNotBelowList', `Deal price must be below the list price of ${product.name}.`, { product: product.name });
    }
    if (deal.stockCap !== undefined && deal.stockCap > product.stockOnHand) {
      issue('deal.stockCap', 'stockCapAboveStock', `Stock cap ${deal.stockCap} is above the ${product.stockOnHand} in stock for ${product.name}.`, {
        cap: deal.stockCap,
        stock: product.stockOnHand,
        product: product.name,
      });
    }
  }
  if (deal.stockCap !== undefined && (!Number.isInteger(deal.stockCap) || deal.stockCap <= 0)) issue('deal.stockCap', 'stockCapInvalid', 'Stock cap must be a whole number above 0.');
  if (deal.perBuyerLimit !== undefined) {
    if (!Number.isInteger(deal.perBuyerLimit) || deal.perBuyerLimit <= 0) issue('deal.perBuyerLimit', 'perBuyerInvalid', 'Per-buyer limit must be a whole number above 0.');
    else if (deal.stockCap !== undefined && deal.perBuyerLimit > deal.stockCap) issue('deal.perBuyerLimit', 'perBuyerAboveCap', 'Per-buyer limit is above the stock cap.', {}, 'warning');
  }
  if (deal.countdownSec !== undefined && (!Number.isInteger(deal.countdownSec) || deal.countdownSec <= 0)) issue('deal.countdownSec', 'countdownInvalid', 'Countdown must be a whole number of seconds above 0.');
  issues.push(...ladderIssues(segmentId, deal, product));
  return issues;
}

/**
 * Price ladder (阶梯价) rules. Steps take over in the order listed, so: time steps at rising offsets, stock steps at
 * falling thresholds (else a later step could never follow an earlier one); no step above the product's list
 * price (error: a "deal" may not charge more than the list); a stock threshold must be below the stock cap.
 */
export function ladderIssues(segmentId: string, deal: Deal, product: Product | undefined): SegmentIssue[] {
  const issues: SegmentIssue[] = [];
  const issue = (code: SegmentIssueCode, message: string, params: SegmentIssueParams, severity: IssueSeverity = 'error') =>
    issues.push({ segmentId, field: 'deal.ladder', severity, code, params, message });
  let lastOffset = -1;
  let lastThreshold = Number.POSITIVE_INFINITY;
  (deal.ladder ?? []).forEach((step, index) => {
    const n = index + 1;
    const trigger = step.trigger;
    const triggerValue = trigger.kind === 'time' ? trigger.offsetSec : trigger.atOrBelow;
    if (!Number.isInteger(step.price.amountMinor) || step.price.amountMinor < 0 || !Number.isInteger(triggerValue) || triggerValue < 0) {
      issue('ladderStepInvalid', `Ladder step ${n} needs a price of zero or more and a whole-number trigger.`, { step: n });
      return;
    }
    if (step.price.currency !== deal.price.currency) {
      issue('ladderCurrencyMismatch', `Ladder step ${n} is in ${step.price.currency} but the deal is in ${deal.price.currency}.`, {
        step: n,
        stepCurrency: step.price.currency,
        dealCurrency: deal.price.currency,
      });
    } else if (product && product.listPrice.currency === step.price.currency && step.price.amountMinor > product.listPrice.amountMinor) {
      issue('ladderAboveList', `Ladder step ${n} is priced above the list price of ${product.name}.`, { step: n, product: product.name });
    }
    if (trigger.kind === 'time') {
      if (trigger.offsetSec <= lastOffset) {
        issue('ladderOrder', `Ladder step ${n} must come after the step before it: time steps at rising times, stock steps at falling stock.`, { step: n });
      }
      lastOffset = trigger.offsetSec;
    } else {
      if (trigger.atOrBelow >= lastThreshold) {
        issue('ladderOrder', `Ladder step ${n} must come after the step before it: time steps at rising times, stock steps at falling stock.`, { step: n });
      }
      lastThreshold = trigger.atOrBelow;
      if (deal.stockCap === undefined) {
        issue('ladderStockNeedsCap', `Ladder step ${n} waits for stock to fall, but the deal has no stock cap: stock must be set by hand on air.`, { step: n }, 'warning');
      } else if (trigger.atOrBelow >= deal.stockCap) {
        issue('ladderStockNotBelowCap', `Ladder step ${n} waits for stock to fall to ${trigger.atOrBelow}, which is not below the stock cap of ${deal.stockCap}.`, {
          step: n,
          n: trigger.atOrBelow,
          cap: deal.stockCap,
        });
      }
    }
  });
  return issues;
}

/**
 * Beat rules: a price reveal or stock release needs a deal; a stock release adds a whole number of units above 0,
 * and all releases together stay within the stock cap (the held-back stock comes out of the cap); timed beats run
 * in order of their offsets and within the segment's plan (warnings: the show may run long on purpose).
 */
/**
 * A beat as it is kept and handed on (editor, snapshot, run-sheet): the label trimmed (a blank one dropped), the
 * offset kept, units only on a stock release.
 */
export function cleanBeat(beat: Beat): Beat {
  const label = beat.label?.trim();
  return {
    id: beat.id,
    kind: beat.kind,
    ...(label ? { label } : {}),
    ...(beat.offsetSec !== undefined ? { offsetSec: beat.offsetSec } : {}),
    ...(beat.kind === 'stock_release' && beat.units !== undefined ? { units: beat.units } : {}),
  };
}

export function beatIssues(segment: Pick<Segment, 'id' | 'plannedSec' | 'deal' | 'beats'>): SegmentIssue[] {
  const issues: SegmentIssue[] = [];
  const issue = (code: SegmentIssueCode, message: string, params: SegmentIssueParams, severity: IssueSeverity = 'error') =>
    issues.push({ segmentId: segment.id, field: 'beats', severity, code, params, message });
  let released = 0;
  let lastOffset = -1;
  (segment.beats ?? []).forEach((beat, index) => {
    const n = index + 1;
    if ((beat.kind === 'price_reveal' || beat.kind === 'stock_release') && !segment.deal) {
      issue('beatNeedsDeal', `Beat ${n} changes the deal, but this segment has no deal.`, { beat: n });
    }
    if (beat.kind === 'stock_release') {
      if (beat.units === undefined || !Number.isInteger(beat.units) || beat.units <= 0) issue('beatUnitsInvalid', `Beat ${n} releases stock: give it a whole number of units above 0.`, { beat: n });
      else released += beat.units;
    }
    if (beat.offsetSec !== undefined) {
      if (beat.offsetSec < lastOffset) issue('beatOrder', `Beat ${n} is timed before the beat ahead of it.`, { beat: n }, 'warning');
      lastOffset = Math.max(lastOffset, beat.offsetSec);
      if (Number.isFinite(segment.plannedSec) && beat.offsetSec > segment.plannedSec) {
        issue('beatOffsetBeyondPlan', `Beat ${n} is timed at ${beat.offsetSec} s, after the segment's planned ${segment.plannedSec} s.`, {
          beat: n,
          offset: beat.offsetSec,
          planned: segment.plannedSec,
        }, 'warning');
      }
    }
  });
  const cap = segment.deal?.stockCap;
  if (cap !== undefined && released > cap) {
    issue('beatReleaseAboveCap', `Stock releases add up to ${released}, above the stock cap of ${cap}.`, { total: released, cap });
  }
  return issues;
}

export function segmentIssues(segment: SegmentForRules, productsById: ReadonlyMap<string, Product>): SegmentIssue[] {
  const issues: SegmentIssue[] = [];
  const issue = (field: SegmentIssue['field'], code: SegmentIssueCode, message: string, severity: IssueSeverity) =>
    issues.push({ segmentId: segment.id, field, severity, code, params: {}, message });
  if (segment.title.trim() === '') issue('title', 'titleMissing', 'Give the segment a title.', 'error');
  if (!Number.isFinite(segment.plannedSec) || segment.plannedSec <= 0) issue('plannedSec', 'plannedInvalid', 'Planned duration must be more than 0.', 'error');
  for (const id of segment.productIds) if (!productsById.has(id)) issue('productIds', 'productMissing', 'A featured product no longer exists.', 'error');
  if (segment.deal) {
    const first = segment.productIds[0];
    issues.push(...dealIssues(segment.id, segment.deal, first ? productsById.get(first) : undefined));
  }
  if (segment.beats?.length) issues.push(...beatIssues(segment));
  if (!segment.scene || segment.scene.trim() === '') issue('scene', 'sceneMissing', 'No OBS scene: the show will not switch scenes here.', 'warning');
  if (segment.sponsored && !segment.disclosureLabel?.trim()) issue('disclosureLabel', 'disclosureMissing', 'Sponsored segment without a disclosure label.', 'error');
  return issues;
}

export function hasErrors(issues: readonly SegmentIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
