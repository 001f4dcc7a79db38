/** Deliverables CSV: BOM, chronological rows, local wall-clock times, formula injection escaped. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildSampleWorkspace } from '../sample/sample-workspace';
import { deliverableColumns, renderDeliverablesCsv } from './csv-export';

const sample = buildSampleWorkspace(new Date('2026-11-26T09:00:00Z'));
const headers = Object.fromEntries(deliverableColumns.map((c) => [c, c])) as Record<(typeof deliverableColumns)[number], string>;
const words = { content: 'Content', show: 'Live show', yes: 'Yes', no: 'No', status: (s: string) => s };

describe('renderDeliverablesCsv', () => {
  it('writes one row per item and show, in time order, with escaped formulas', () => {
    const [first, ...rest] = sample.contentItems;
    if (!first) throw new Error('the sample has content items');
    const evil = { ...first, caption: '=HYPERLINK("http://evil","x")', promoCode: '+SUM(1)' };
    const csv = renderDeliverablesCsv({
      items: [evil, ...rest],
      shows: sample.shows,
      campaignNames: new Map(sample.campaigns.map((c) => [c.id, c.name])),
      creatorNames: new Map(sample.creators.map((c) => [c.id, c.name])),
      headers,
      words,
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(sample.contentItems.length + sample.shows.length);
    const starts = parsed.data.map((r) => r.start ?? '');
    expect([...starts].sort()).toEqual(starts);
    const row = parsed.data.find((r) => r.title?.includes('HYPERLINK'));
    expect(row?.title).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(row?.promoCode).toBe("'+SUM(1)");
    const show = parsed.data.find((r) => r.kind === 'Live show');
    expect(show?.localStart).toMatch(/ 20:00$/);
    expect(show?.zone).toBe('Asia/Shanghai');
  });
});
