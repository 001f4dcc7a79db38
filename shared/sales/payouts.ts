/**
 * Partnership terms and payout statements: which terms apply to a creator for a show or a campaign, and what the
 * creator is owed under them (slot fee, flat fee, commission on net GMV per product, refunds clawed back, bonus).
 *
 * Invariants:
 * - pure; money is integer minor units in the terms' currency; amounts are added only through MoneyTally /
 *   productSales / lineRefund (money-sums.ts), never by hand;
 * - terms: the most specific apply — for a show: the show's terms, else the terms of the show's campaign, else the
 *   creator's default (neither show nor campaign set); for a campaign: the campaign's terms, else the default. When
 *   several terms share the most specific scope, the most recently updated wins;
 * - terms whose money fields (slot fee, flat fee, bonus thresholds and bonuses) are not all in the terms' currency
 *   are refused (`terms_mixed_currency`, naming the field), never converted;
 * - sales: imported order lines attributed to the scope's shows (for a campaign: the campaign's shows that the
 *   creator hosted); lines in another currency than the terms' are left out and listed in `excluded`, per currency;
 * - slot fee (坑位费): once per show slot — once for a show, once per hosted show of a campaign; flat fee once;
 * - commission per product: net = gross − refunds; commission = rate × net rounded half away from zero to a whole
 *   minor unit (per product line), and never below 0 (when refunds exceed sales for a product — a refund booked
 *   against an earlier period — the creator owes nothing back through this statement: its commission is 0);
 *   clawback = rate × gross (same rounding) − commission, so commission + clawback = commission on gross sales;
 *   a product's own rate overrides the terms' rate;
 * - bonus: the highest tier whose threshold the net GMV reaches (0 when none);
 * - total = slot fee + flat fee + commission + bonus.
 */
import type { BonusTier, Campaign, Creator, CurrencyCode, Id, Money, OrderLine, PartnershipTerms, Show } from '../domain/entities';
import { MoneyTally, roundHalfAway } from './money-sums';
import { productSales } from './product-sales';
import type { PayoutLine, PayoutProblem, PayoutResult, PayoutScope } from './results.types';

/** What a statement is for: one show, or one campaign with its shows. */
export type PayoutSubject = { kind: 'show'; show: Show } | { kind: 'campaign'; campaign: Campaign; shows: readonly Show[] };

/** Terms for the subject, most specific first (show, campaign, default), or undefined when the creator has none that apply. */
export function applicableTerms(terms: readonly PartnershipTerms[], creatorId: Id, subject: PayoutSubject): PartnershipTerms | undefined {
  const mine = terms.filter((t) => t.creatorId === creatorId);
  const latest = (list: PartnershipTerms[]) => list.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))[0];
  const campaignId = subject.kind === 'show' ? subject.show.campaignId : subject.campaign.id;
  const levels: ((t: PartnershipTerms) => boolean)[] = [
    ...(subject.kind === 'show' ? [(t: PartnershipTerms) => t.showId === subject.show.id] : []),
    (t) => !t.showId && campaignId !== undefined && t.campaignId === campaignId,
    (t) => !t.showId && !t.campaignId,
  ];
  for (const level of levels) {
    const found = latest(mine.filter(level));
    if (found) return found;
  }
  return undefined;
}

/** The first money field of the terms that is not in the terms' currency, or undefined when all are. */
export function termsCurrencyProblem(terms: PartnershipTerms): PayoutProblem | undefined {
  const fields: [string, Money | undefined][] = [
    ['slotFee', terms.slotFee],
    ['flatFee', terms.flatFee],
    ...(terms.bonusTiers ?? []).flatMap((tier, i): [string, Money][] => [
      [`bonusTiers[${i}].netGmvAtLeast`, tier.netGmvAtLeast],
      [`bonusTiers[${i}].bonus`, tier.bonus],
    ]),
  ];
  for (const [field, money] of fields) {
    if (money && money.currency !== terms.currency) return { code: 'terms_mixed_currency', termsId: terms.id, field, currency: money.currency, expected: terms.currency };
  }
  return undefined;
}

/** The rate for a product: its own rate when the terms set one, else the terms' rate. */
export function rateFor(terms: Pick<PartnershipTerms, 'commissionRate' | 'productRates'>, productId: Id | undefined): number {
  const own = productId ? terms.productRates?.find((r) => r.productId === productId) : undefined;
  return own ? own.rate : terms.commissionRate;
}

/** The highest tier the net GMV reaches (tiers in the terms' currency). */
export function reachedTier(tiers: readonly BonusTier[] | undefined, net: Money): BonusTier | undefined {
  let best: BonusTier | undefined;
  for (const tier of tiers ?? []) {
    if (tier.netGmvAtLeast.currency !== net.currency || net.amountMinor < tier.netGmvAtLeast.amountMinor) continue;
    if (!best || tier.netGmvAtLeast.amountMinor > best.netGmvAtLeast.amountMinor) best = tier;
  }
  return best;
}

/** The shows of the subject the creator is paid a slot for: the show itself, or the campaign's shows the creator hosted. */
export function payoutShows(subject: PayoutSubject, creatorId: Id): Show[] {
  if (subject.kind === 'show') return [subject.show];
  return subject.shows.filter((s) => s.campaignId === subject.campaign.id && s.hostIds.includes(creatorId) && !s.isTemplate);
}

export function payoutScope(subject: PayoutSubject): PayoutScope {
  return subject.kind === 'show' ? { kind: 'show', showId: subject.show.id, title: subject.show.title } : { kind: 'campaign', campaignId: subject.campaign.id, name: subject.campaign.name };
}

const zero = (currency: CurrencyCode): Money => ({ amountMinor: 0, currency });

export interface PayoutInput {
  creator: Pick<Creator, 'id' | 'name'>;
  subject: PayoutSubject;
  /** The workspace's terms (any creator; the applicable ones are picked here). */
  terms: readonly PartnershipTerms[];
  /** Imported order lines (any show; those of the subject's shows are taken). */
  orderLines: readonly OrderLine[];
}

export function payoutStatement({ creator, subject, terms: allTerms, orderLines }: PayoutInput): PayoutResult {
  const terms = applicableTerms(allTerms, creator.id, subject);
  if (!terms) return { ok: false, problem: { code: 'no_terms', creatorId: creator.id } };
  const problem = termsCurrencyProblem(terms);
  if (problem) return { ok: false, problem };
  const { currency } = terms;

  const shows = payoutShows(subject, creator.id);
  const showIds = new Set(shows.map((s) => s.id));
  const inScope = orderLines.filter((line) => line.showId !== undefined && showIds.has(line.showId));
  const included = inScope.filter((line) => line.amount.currency === currency);
  const excludedLines = inScope.filter((line) => line.amount.currency !== currency);

  const lines: PayoutLine[] = productSales(included).map((row) => {
    const tally = (sums: Money[]) => new MoneyTally().addAll(sums).get(currency);
    const gross = tally(row.gross);
    const refunds = tally(row.refunds);
    const net = tally(row.net);
    const rate = rateFor(terms, row.productId);
    const onGross = roundHalfAway(gross.amountMinor * rate);
    const commission = Math.max(0, roundHalfAway(net.amountMinor * rate));
    return {
      ...(row.productId ? { productId: row.productId } : {}),
      sku: row.sku,
      name: row.name,
      gross,
      refunds,
      net,
      rate,
      commission: { amountMinor: commission, currency },
      clawback: { amountMinor: onGross - commission, currency },
    };
  });

  const sum = (pick: (line: PayoutLine) => Money) => new MoneyTally().add(zero(currency)).addAll(lines.map(pick)).get(currency);
  const gross = sum((l) => l.gross);
  const refunds = sum((l) => l.refunds);
  const net = sum((l) => l.net);
  const commission = sum((l) => l.commission);
  const clawback = sum((l) => l.clawback);
  const slotFee = new MoneyTally().add(zero(currency)).add(terms.slotFee, shows.length).get(currency);
  const flatFee = terms.flatFee ?? zero(currency);
  const bonusTier = reachedTier(terms.bonusTiers, net);
  const bonus = bonusTier?.bonus ?? zero(currency);
  const total = new MoneyTally().addAll([slotFee, flatFee, commission, bonus]).get(currency);

  const excluded = new Map<CurrencyCode, { lines: number; gross: MoneyTally }>();
  for (const line of excludedLines) {
    let entry = excluded.get(line.amount.currency);
    if (!entry) excluded.set(line.amount.currency, (entry = { lines: 0, gross: new MoneyTally() }));
    entry.lines += 1;
    entry.gross.add(line.amount);
  }

  return {
    ok: true,
    statement: {
      creatorId: creator.id,
      creatorName: creator.name,
      scope: payoutScope(subject),
      termsId: terms.id,
      currency,
      slots: shows.length,
      slotFee,
      flatFee,
      gross,
      refunds,
      net,
      lines,
      commission,
      clawback,
      bonus,
      ...(bonusTier ? { bonusTier } : {}),
      total,
      excluded: [...excluded.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([code, entry]) => ({ currency: code, lines: entry.lines, gross: entry.gross.get(code) })),
    },
  };
}
