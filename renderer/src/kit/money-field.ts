/**
 * Money in a form: typed in major units (12.50), stored as integer minor units + currency (1250 CNY). Invariant:
 * toMoney(fromMoney(m)) equals m for every integer amount.
 */
import type { Money } from '../../../shared/domain/entities';
import { minorDigits } from '../../../shared/domain/money';

/** The currencies a form offers. */
export const currencies = ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'KRW', 'HKD', 'TWD', 'SGD', 'MYR', 'THB', 'IDR', 'PHP', 'VND', 'AUD', 'CAD'];

export function fromMoney(money: Money): number {
  return money.amountMinor / 10 ** minorDigits(money.currency);
}

export function toMoney(major: number, currency: string): Money {
  return { amountMinor: Math.round(major * 10 ** minorDigits(currency)), currency };
}

/** A number a NumberInput holds: a number, or '' when empty. */
export type NumberValue = number | string;
