import { describe, expect, it } from 'vitest';
import { termsCurrencyProblem } from '../sales/payouts';
import { buildSampleTerms } from './sample-terms';
import { buildSampleWorkspace } from './sample-workspace';

describe('sample partnership terms', () => {
  const now = new Date('2026-12-01T08:00:00.000Z');
  const sample = buildSampleWorkspace(now);
  const terms = buildSampleTerms(now);
  it('name creators, shows, campaigns and products of the sample, hosts of their shows', () => {
    for (const t of terms) {
      expect(sample.creators.some((c) => c.id === t.creatorId)).toBe(true);
      if (t.showId) expect(sample.shows.find((s) => s.id === t.showId)?.hostIds).toContain(t.creatorId);
      if (t.campaignId) expect(sample.shows.some((s) => s.campaignId === t.campaignId && s.hostIds.includes(t.creatorId))).toBe(true);
      for (const r of t.productRates ?? []) expect(sample.products.some((p) => p.id === r.productId)).toBe(true);
    }
  });
  it('keep every amount in the terms’ currency, with unique ids and stable output', () => {
    expect(terms.map(termsCurrencyProblem)).toEqual(terms.map(() => undefined));
    expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length);
    expect(buildSampleTerms(now)).toEqual(terms);
  });
});
