/**
 * A run with a giveaway draw: the report document carries the record (not the entrant list), the contract schema
 * takes it, the CSV has the draw columns and a row per draw with the winners, the PDF prints seed, hash and winners.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { reportDocumentSchema } from '../../../shared/contract/report.schema';
import { commitSeed, drawWinners, verifyDraw } from '../../../shared/domain/giveaway';
import { buildReportDocument } from '../../../shared/export/report.document';
import { sampleReportDocument, sampleReportRun } from '../../../shared/sample/sample-report';
import { flatPages, hasPoppler } from './pdf.readback';
import { renderReportCsv } from './report.csv';
import { renderReportPdf } from './report.pdf';

function runWithDraw() {
  const run = sampleReportRun();
  const giveaway = run.plan.find((p) => p.kind === 'giveaway')!;
  const record = drawWinners({
    segmentId: giveaway.segmentId,
    prize: 'Cica masks',
    entryRule: 'Comment the keyword: 补水',
    entrants: ['alice', 'bob', 'carol', '小雨', '=cmd', 'dave'],
    winnerCount: 3,
    commitment: commitSeed(),
    committedAt: run.segments[3]!.startedAt,
    drawnAt: run.segments[3]!.startedAt,
  });
  return { run: { ...run, giveaways: [record] }, record, title: giveaway.title };
}

describe('report with a giveaway draw', () => {
  it('carries the record without the entrant list, and the contract accepts it', () => {
    const { run, record, title } = runWithDraw();
    const doc = sampleReportDocument(run);
    expect(doc.giveaways).toEqual([
      expect.objectContaining({ segmentTitle: title, prize: 'Cica masks', winnerCount: 3, entrantCount: 6, seed: record.seed, seedHash: record.seedHash, winners: record.winners }),
    ]);
    const loser = record.entrants.find((e) => !record.winners.includes(e))!;
    expect(JSON.stringify(doc)).not.toContain(`"${loser}"`);
    expect(reportDocumentSchema.safeParse(doc).success).toBe(true);
    expect(verifyDraw(record).ok).toBe(true);
    // A report without draws keeps its shape.
    expect(buildReportDocument(sampleReportRun(), { zone: 'Asia/Shanghai', generatedAt: doc.generatedAt })).not.toHaveProperty('giveaways');
  });

  it('CSV: the draw columns and a row per draw with the winners (formula-looking names neutralised)', () => {
    const { run, record } = runWithDraw();
    const csv = renderReportCsv(sampleReportDocument(run));
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const draw = parsed.data.find((row) => row['Segment kind'] === 'Giveaway' && row.Winners);
    expect(draw).toMatchObject({ Prize: 'Cica masks', 'Winners drawn': '3', Entrants: '6', Seed: record.seed, 'Seed hash (SHA-256, shown before the draw)': record.seedHash });
    const winners = draw!.Winners!.replace(/^'/, '').split(' | ');
    expect(winners.map((w) => w.replace(/^'/, ''))).toEqual(record.winners);
    expect(renderReportCsv(sampleReportDocument())).not.toContain('Seed');
  });

  it.skipIf(!hasPoppler)('PDF: seed, hash and winners printed', async () => {
    const { run, record } = runWithDraw();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kol-report-giveaway-'));
    try {
      const file = path.join(dir, 'report.pdf');
      writeFileSync(file, await renderReportPdf(sampleReportDocument(run)));
      const text = flatPages(file).join('');
      for (const expected of ['GIVEAWAY DRAWS', record.seedHash, record.seed, ...record.winners, 'kol-giveaway-draw/1']) expect(text).toContain(expected.replace(/\s/g, ''));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
