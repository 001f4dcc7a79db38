/**
 * Rules a segment must follow before it is saved or exported. Errors block saving the offending value
 * (nothing is saved silently in a broken state); warnings are shown but allowed (a scene can be chosen later).
 * Every issue names the field it is about, so the editor can show it inline, and carries a stable `code` with
 * its `params` so the UI can word it in the user's language (`message` is the English wording, used by exports).
 */
import type { Deal, Product, Segment } from './entities';

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
] as const;
export type SegmentIssueCode = (typeof segmentIssueCodes)[number];

export type SegmentIssueParams = Record<string, string | number>;

export interface SegmentIssue {
  segmentId: string;
  field: 'plannedSec' | 'deal.price' | 'deal.stockCap' | 'deal.perBuyerLimit' | 'deal.countdownSec' | 'productIds' | 'scene' | 'disclosureLabel' | 'title';
  severity: IssueSeverity;
  code: SegmentIssueCode;
  params: SegmentIssueParams;
  message: string;
}

export type SegmentForRules = Pick<Segment, 'id' | 'title' | 'plannedSec' | 'productIds' | 'deal' | 'scene' | 'sponsored' | 'disclosureLabel'>;

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
  if (!segment.scene || segment.scene.trim() === '') issue('scene', 'sceneMissing', 'No OBS scene: the show will not switch scenes here.', 'warning');
  if (segment.sponsored && !segment.disclosureLabel?.trim()) issue('disclosureLabel', 'disclosureMissing', 'Sponsored segment without a disclosure label.', 'error');
  return issues;
}

export function hasErrors(issues: readonly SegmentIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
