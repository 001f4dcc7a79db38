/**
 * Run-sheet PDF benchmark.
 * - runsheet_pdf_200_ms: end-to-end `exportRunSheet(sheet, 'pdf')` (layout, CJK font subsetting, base64) of
 *   the brand view of a 200-segment show (the sample show's eight segments repeated, titles made unique),
 *   median of 7 runs after one warm-up (the warm-up also reads the font files into memory);
 * - runsheet_pdf_200_baseline_ms: in the same run, a bare pdfkit document with one plain Helvetica text line
 *   per segment (no table layout, no embedded font), and runsheet_pdf_200_ratio_vs_plain_pdfkit.
 */
import PDFDocument from 'pdfkit';
import { performance } from 'node:perf_hooks';
import { exportRunSheet } from '../../electron/services/export/runsheet.export';
import type { RunSheet } from '../../shared/domain/runsheet';
import { repeatSegments, sampleRunSheet, sampleRunSheetInput } from '../../shared/sample/sample-runsheet';
import { median, round } from './stats';

async function longSheet(count: number): Promise<RunSheet> {
  return sampleRunSheet('brand', repeatSegments(sampleRunSheetInput().input, count));
}

async function plainPdfkit(lines: string[]): Promise<string> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, bufferPages: true });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  doc.font('Helvetica').fontSize(9);
  for (const line of lines) doc.text(line);
  doc.end();
  return (await done).toString('base64');
}

async function samples(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}

export async function runRunSheetBench(): Promise<Record<string, number>> {
  const runs = 7;
  const sheet = await longSheet(200);
  if (sheet.rows.length !== 200) throw new Error(`expected 200 rows, got ${sheet.rows.length}`);
  const plainLines = sheet.rows.map((r) =>
    [r.index, r.clock, r.kind, `Segment ${r.index}`, r.products.map((p) => p.sku).join(' '), r.deal?.code ?? '', r.deal?.stockCap ?? ''].join('  '),
  );
  const pdf = median(await samples(() => exportRunSheet(sheet, 'pdf'), runs));
  const baseline = median(await samples(() => plainPdfkit(plainLines), runs));
  return {
    runsheet_pdf_200_ms: round(pdf),
    runsheet_pdf_200_baseline_ms: round(baseline),
    runsheet_pdf_200_ratio_vs_plain_pdfkit: round(pdf / baseline, 2),
  };
}
