import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, money, parseMajorAmount } from './money';

describe('money', () => {
  it('knows minor units per currency', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('CNY')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
  });

  it('formats integer minor units with Intl, per locale', () => {
    expect(formatMoney({ amountMinor: 16900, currency: 'CNY' }, 'zh-CN')).toBe('¥169.00');
    expect(formatMoney({ amountMinor: 1999, currency: 'USD' }, 'en-US')).toBe('$19.99');
    expect(formatMoney({ amountMinor: 1500, currency: 'JPY' }, 'ja-JP')).toBe('￥1,500');
  });

  it('parses typed amounts to minor units, refusing non-numbers', () => {
    expect(parseMajorAmount('12.5', 'USD')).toBe(1250);
    expect(parseMajorAmount('12,50', 'EUR')).toBe(1250);
    expect(parseMajorAmount(' 199 ', 'CNY')).toBe(19900);
    expect(parseMajorAmount('1500', 'JPY')).toBe(1500);
    expect(parseMajorAmount('0.1', 'USD')).toBe(10);
    expect(parseMajorAmount('abc', 'USD')).toBeNull();
    expect(parseMajorAmount('', 'USD')).toBeNull();
    expect(parseMajorAmount('1e5', 'USD')).toBeNull();
  });

  it('refuses fractional minor units', () => {
    expect(() => money(10.5, 'USD')).toThrow(/integer minor units/);
    expect(money(1050, 'USD')).toEqual({ amountMinor: 1050, currency: 'USD' });
  });
});
