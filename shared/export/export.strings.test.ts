import { describe, expect, it } from 'vitest';
import { segmentKinds } from '../domain/entities';
import { exportLanguages, exportStrings, exportText, formatDateIn, formatDiscountIn, formatLengthIn, formatMoneyIn, isExportLanguage, issueIn, segmentKindIn } from './export.strings';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('export string tables', () => {
  it('en and zh-CN have exactly the same keys, each with the same placeholders, none empty', () => {
    const en = exportStrings.en;
    const zh = exportStrings['zh-CN'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
      expect(en[key].trim(), key).not.toBe('');
      expect(zh[key].trim(), key).not.toBe('');
    }
  });

  it('fills placeholders and names segment kinds in both languages', () => {
    expect(exportText('en', 'page.of', { page: 2, total: 5 })).toBe('Page 2 of 5');
    expect(exportText('zh-CN', 'page.of', { page: 2, total: 5 })).toBe('第 2 页，共 5 页');
    for (const kind of segmentKinds) expect(segmentKindIn('zh-CN', kind)).toMatch(/\p{Script=Han}/u);
    expect(isExportLanguage('zh-CN')).toBe(true);
    expect(isExportLanguage('fr')).toBe(false);
    expect(exportLanguages).toEqual(['en', 'zh-CN']);
  });

  it('formats discounts, money, lengths and dates the way each language reads them', () => {
    expect(formatDiscountIn('en', 15)).toBe('15% off');
    expect(formatDiscountIn('zh-CN', 15)).toBe('8.5折');
    expect(formatDiscountIn('zh-CN', 37)).toBe('6.3折');
    expect(formatDiscountIn('zh-CN', 50)).toBe('5折');
    expect(formatDiscountIn('zh-CN', 0)).toBe('');
    expect(formatMoneyIn('zh-CN', { amountMinor: 16_900, currency: 'CNY' })).toBe('¥169.00');
    expect(formatMoneyIn('en', { amountMinor: 16_900, currency: 'CNY' })).toBe('CN¥169.00');
    expect(formatMoneyIn('en', { amountMinor: 1999, currency: 'USD' })).toBe('$19.99');
    expect(formatMoneyIn('zh-CN', { amountMinor: 1999, currency: 'USD' })).toBe('US$19.99');
    expect(formatLengthIn('en', 3900)).toBe('1 h 5 min');
    expect(formatLengthIn('zh-CN', 270)).toBe('4分钟30秒');
    expect(formatDateIn('en', '2026-11-29')).toBe('2026-11-29 (Sun)');
    expect(formatDateIn('zh-CN', '2026-11-29')).toBe('2026年11月29日 周日');
  });

  it('words rule warnings by code, and falls back to the English message for a code it does not know', () => {
    expect(issueIn('zh-CN', { code: 'sceneMissing', message: 'No OBS scene' })).toBe('未设 OBS 场景：此环节不会切换场景。');
    expect(issueIn('zh-CN', { code: 'somethingNew', message: 'Something new.' })).toBe('Something new.');
  });
});
