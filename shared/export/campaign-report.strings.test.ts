import { describe, expect, it } from 'vitest';
import { campaignReportStrings } from './campaign-report.strings';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('campaign report strings', () => {
  it('have the same keys and placeholders in English and Chinese, none empty', () => {
    const en = campaignReportStrings.en;
    const zh = campaignReportStrings['zh-CN'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(zh[key].trim(), key).not.toBe('');
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });
});
