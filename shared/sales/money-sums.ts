/**
 * Money summed per currency: the one place sales code adds amounts, so no sum ever mixes currencies.
 *
 * Invariants: pure; amounts stay integer minor units; a MoneySums lists one Money per currency present, sorted by
 * currency code, with zero sums kept only when a currency was added (so "0 CNY" still names its currency).
 */
import type { CurrencyCode, Money, OrderLine } from '../domain/entities';
import type { MoneySums } from './results.types';

export class MoneyTally {
  private readonly sums = new Map<CurrencyCode, number>();

  add(money: Money | undefined, times = 1): this {
    if (money) this.sums.set(money.currency, (this.sums.get(money.currency) ?? 0) + money.amountMinor * times);
    return this;
  }

  addAll(sums: readonly Money[] | undefined, times = 1): this {
    for (const money of sums ?? []) this.add(money, times);
    return this;
  }

  get(currency: CurrencyCode): Money {
    return { amountMinor: this.sums.get(currency) ?? 0, currency };
  }

  result(): MoneySums {
    return [...this.sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([currency, amountMinor]) => ({ amountMinor, currency }));
  }
}

export function sumMoney(amounts: readonly (Money | undefined)[]): MoneySums {
  const tally = new MoneyTally();
  for (const money of amounts) tally.add(money);
  return tally.result();
}

/** The amount of `sums` in `currency` (0 when absent). */
export function amountIn(sums: MoneySums, currency: CurrencyCode): number {
  return sums.find((money) => money.currency === currency)?.amountMinor ?? 0;
}

/** a − b per currency. */
export function subtractSums(a: MoneySums, b: MoneySums): MoneySums {
  return new MoneyTally().addAll(a).addAll(b, -1).result();
}

/** Each sum divided by `divisor`, rounded half away from zero to a whole minor unit ([] when divisor is 0). */
export function divideSums(sums: MoneySums, divisor: number): MoneySums {
  if (!(divisor > 0)) return [];
  return sums.map((money) => ({ currency: money.currency, amountMinor: roundHalfAway(money.amountMinor / divisor) }));
}

export function roundHalfAway(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** What a line gives back: a cancelled or refunded line refunds `refund` when set, else its whole amount; a paid line may carry a partial refund. */
export function lineRefund(line: Pick<OrderLine, 'status' | 'amount' | 'refund'>): Money {
  if (line.refund) return line.refund;
  return line.status === 'paid' ? { amountMinor: 0, currency: line.amount.currency } : line.amount;
}

/** Units a line still counts after refunds: none for a cancelled or fully refunded line. */
export function lineNetUnits(line: Pick<OrderLine, 'status' | 'quantity' | 'amount' | 'refund'>): number {
  if (line.status === 'paid') return line.quantity;
  return line.refund && line.refund.amountMinor < line.amount.amountMinor ? line.quantity : 0;
}
