import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestArgs } from '../../../shared/contract/studio-api';
import { createAssetStore } from '../assets/asset.store';
import { exportFormats, runSheetSchema } from '../../../shared/contract/runsheet.schema';
import type { RunSheet } from '../../../shared/domain/runsheet';
import { sampleRunSheet } from '../../../shared/sample/sample-runsheet';
import { renderRunSheetHtml } from '../../../shared/export/runsheet.html';
import { renderRunSheetCsv } from './runsheet.csv';
import { exportRunSheet, resolveRunSheetImages, runSheetFileName, slugifyTitle, withoutCrewFields } from './runsheet.export';
import { renderRunSheetPdf } from './runsheet.pdf';

const brand: RunSheet = sampleRunSheet('brand');
const crew: RunSheet = sampleRunSheet('crew');

const decode = (base64: string) => Buffer.from(base64, 'base64');

describe('exportRunSheet', () => {
  it.each([
    ['brand', 'pdf', '光研补水之夜-glow-theory-hydration-night-2026-11-29-brand.pdf', 'application/pdf'],
    ['crew', 'pdf', '光研补水之夜-glow-theory-hydration-night-2026-11-29-crew.pdf', 'application/pdf'],
    ['brand', 'csv', '光研补水之夜-glow-theory-hydration-night-2026-11-29-brand.csv', 'text/csv;charset=utf-8'],
    ['crew', 'csv', '光研补水之夜-glow-theory-hydration-night-2026-11-29-crew.csv', 'text/csv;charset=utf-8'],
    ['brand', 'html', '光研补水之夜-glow-theory-hydration-night-2026-11-29-brand.html', 'text/html;charset=utf-8'],
    ['crew', 'html', '光研补水之夜-glow-theory-hydration-night-2026-11-29-crew.html', 'text/html;charset=utf-8'],
  ] as const)('%s view as %s: %s (%s)', async (view, format, fileName, mime) => {
    const sheet = view === 'brand' ? brand : crew;
    const file = await exportRunSheet(sheet, format);
    expect(file.fileName).toBe(fileName);
    expect(file.mime).toBe(mime);
    expect(file.base64).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    const bytes = decode(file.base64);
    expect(bytes.toString('base64')).toBe(file.base64);
    if (format === 'pdf') {
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
      expect(bytes.equals(await renderRunSheetPdf(sheet))).toBe(true);
    } else {
      const text = bytes.toString('utf8');
      expect(text).toBe(format === 'csv' ? renderRunSheetCsv(sheet) : renderRunSheetHtml(sheet));
      expect(text).toContain('玻尿酸保湿精华 Hyaluronic Serum');
    }
  });

  it('round-trips every format through base64 byte for byte, including the CSV BOM', async () => {
    for (const format of exportFormats) {
      const file = await exportRunSheet(crew, format);
      const bytes = decode(file.base64);
      expect(bytes.length).toBeGreaterThan(1000);
      if (format === 'csv') expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      if (format === 'html') expect(bytes.subarray(0, 15).toString('utf8')).toBe('<!doctype html>');
    }
  });

  it('strips crew fields from a brand sheet before any writer sees them', async () => {
    const leaky: RunSheet = { ...brand, rows: brand.rows.map((row, i) => ({ ...row, crew: crew.rows[i]!.crew! })) };
    expect(leaky.rows.every((row) => row.crew !== undefined)).toBe(true);
    expect(withoutCrewFields(leaky).rows.every((row) => !('crew' in row))).toBe(true);
    expect(withoutCrewFields(crew)).toBe(crew);
    const secret = crew.rows[1]!.crew!.crewNotes;
    for (const format of ['csv', 'html'] as const) {
      const text = decode((await exportRunSheet(leaky, format)).base64).toString('utf8');
      expect(text).not.toContain(secret);
      expect(text).toContain(brand.rows[1]!.title);
    }
    const pdf = decode((await exportRunSheet(leaky, 'pdf')).base64);
    expect(pdf.equals(decode((await exportRunSheet(brand, 'pdf')).base64))).toBe(true);
  });

  it('the contract schema carries the export language, the logo, giveaway terms and the approval mark, and refuses bad ones', () => {
    const sheet = sampleRunSheet('brand', undefined, 'zh-CN');
    const withLogo = { ...sheet, brandLogoHash: 'a'.repeat(64) };
    expect(runSheetSchema.parse(withLogo)).toEqual(withLogo);
    expect(sheet.rows[3]!.giveaway).toMatchObject({ quantity: 10 });
    expect(sheet).toMatchObject({ language: 'zh-CN', approval: 'draft', scriptVersion: '2' });
    expect(runSheetSchema.safeParse({ ...sheet, language: 'fr' }).success).toBe(false);
    // The logo travels as an asset hash, never as bytes or a URL.
    expect(runSheetSchema.safeParse({ ...sheet, brandLogoDataUrl: 'data:image/png;base64,iVBORw0KGgo=' }).success).toBe(false);
    expect(runSheetSchema.safeParse({ ...sheet, brandLogoHash: 'https://evil.example/logo.png' }).success).toBe(false);
    expect(runSheetSchema.safeParse({ ...sheet, approval: 'signed' }).success).toBe(false);
  });

  it('rejects an unknown format', async () => {
    await expect(exportRunSheet(brand, 'docx' as never)).rejects.toThrow(/unknown run-sheet export format: docx/);
  });
});

describe('file names', () => {
  it('slugs keep CJK and other scripts, lowercase Latin, and never carry path separators', () => {
    expect(slugifyTitle('光研补水之夜 Glow Theory Hydration Night')).toBe('光研补水之夜-glow-theory-hydration-night');
    expect(slugifyTitle('../../etc/passwd')).toBe('etc-passwd');
    expect(slugifyTitle('C:\\Users\\x\\show: "Live" <1>?*|')).toBe('c-users-x-show-live-1');
    expect(slugifyTitle('Maya’s Café — Ｆｕｌｌ width')).toBe('mayas-café-full-width');
    expect(slugifyTitle('라이브 쇼 ライブ')).toBe('라이브-쇼-ライブ');
    expect(slugifyTitle('🔥🔥 !!! ')).toBe('run-sheet');
    expect(slugifyTitle('')).toBe('run-sheet');
    const long = slugifyTitle('word '.repeat(40));
    expect([...long].length).toBeLessThanOrEqual(60);
    expect(long.endsWith('word')).toBe(true);
    expect([...slugifyTitle('长'.repeat(100))]).toHaveLength(60);
  });

  it('names are <slug>-<date>-<view>.<ext> and safe as a single path segment', () => {
    const hostile: RunSheet = { ...brand, title: '../..\\secret/../x', view: 'crew' };
    const name = runSheetFileName(hostile, 'pdf');
    expect(name).toBe('secret-x-2026-11-29-crew.pdf');
    expect(name).not.toMatch(/[/\\:*?"<>|]/);
    expect(runSheetFileName({ ...brand, title: '' }, 'csv')).toBe('run-sheet-2026-11-29-brand.csv');
  });
});

describe('run-sheet images: hashes in the request, data: URLs for the writers', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

  async function storeWithPng() {
    const store = createAssetStore(path.join(mkdtempSync(path.join(os.tmpdir(), 'kol-export-assets-')), 'assets'));
    const { hash } = await store.put(png);
    return { store, hash };
  }

  it('resolves every product image hash before any writer runs; unknown hashes are left out', async () => {
    const { store, hash } = await storeWithPng();
    const missing = 'f'.repeat(64);
    const sheet: RunSheet = {
      ...brand,
      rows: brand.rows.map((row, i) => ({ ...row, products: row.products.map((p) => ({ ...p, imageHash: i === 0 ? missing : hash })) })),
    };
    const resolved = await resolveRunSheetImages(sheet, store);
    const products = resolved.rows.flatMap((row) => row.products);
    expect(products.every((p) => p.imageHash === undefined)).toBe(true);
    expect(resolved.rows[0]!.products.every((p) => p.imageDataUrl === undefined)).toBe(true);
    const withImages = resolved.rows.slice(1).flatMap((row) => row.products);
    expect(withImages.length).toBeGreaterThan(0);
    expect(withImages.every((p) => p.imageDataUrl === `data:image/png;base64,${png.toString('base64')}`)).toBe(true);
    const html = decode((await exportRunSheet(sheet, 'html', store)).base64).toString('utf8');
    expect(html).toContain(`<img src="data:image/png;base64,${png.toString('base64')}"`);
    // The brand's logo the same way; a logo the store lacks is left out.
    const withLogo = await resolveRunSheetImages({ ...sheet, brandLogoHash: hash }, store);
    expect(withLogo.brandLogoDataUrl).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect('brandLogoHash' in withLogo).toBe(false);
    expect((await resolveRunSheetImages({ ...sheet, brandLogoHash: missing }, store)).brandLogoDataUrl).toBeUndefined();
    const pdf = await exportRunSheet(sheet, 'pdf', store);
    expect(decode(pdf.base64).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses data: URLs and unknown fields in an export request (strict contract)', async () => {
    const row = brand.rows.find((r) => r.products.length > 0)!;
    const withDataUrl = { ...brand, rows: [{ ...row, products: [{ ...row.products[0]!, imageDataUrl: 'data:image/png;base64,AAAA' }] }] };
    expect(requestArgs.exportRunSheet.safeParse([withDataUrl, 'pdf']).success).toBe(false);
    expect(requestArgs.exportRunSheet.safeParse([{ ...brand, extra: 1 }, 'pdf']).success).toBe(false);
    expect(requestArgs.exportRunSheet.safeParse([brand, 'pdf']).success).toBe(true);
  });
});
