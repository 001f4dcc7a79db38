/**
 * Reads the run-sheet PDFs back with poppler's pdftotext/pdfinfo (poppler-utils) and checks what a brand
 * would check. Without poppler the checks are skipped locally (with a printed reason) and fail on CI.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSheet } from '../../../shared/domain/runsheet';
import { repeatSegments, sampleRunSheet, sampleRunSheetInput } from '../../../shared/sample/sample-runsheet';
import { sampleIds } from '../../../shared/sample/sample-workspace';
import { formatSheetMoney } from '../../../shared/export/runsheet.html';
import { loadRunSheetFonts, renderRunSheetPdf } from './runsheet.pdf';
import { flat, flatPages, hasPoppler, layoutPages, requirePopplerOnCi, runTool } from './pdf.readback';
import { resolveRunSheetImages } from './runsheet.export';
import { withSampleImages } from './sample-images';

it('has pdftotext to read PDFs back (required on CI)', () => requirePopplerOnCi('run-sheet PDF'));

let dir: string;
let brand: RunSheet;
let crew: RunSheet;
let longBrand: RunSheet;
const files = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kol-runsheet-pdf-'));
  const { input } = sampleRunSheetInput();
  brand = sampleRunSheet('brand', input);
  crew = sampleRunSheet('crew', input);
  longBrand = sampleRunSheet('brand', repeatSegments(input, 200));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function pdfFile(name: string, sheet: RunSheet): Promise<{ file: string; bytes: Buffer }> {
  const bytes = await renderRunSheetPdf(sheet);
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  files.set(name, file);
  return { file, bytes };
}

/** The PDF drops emoji Noto Sans SC cannot draw (🔴, 💧, ⚡️). */
const withoutEmoji = (text: string) => text.replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, '');

/** Real crew strings from the sample: crew notes, scenes, fan-group text. */
function crewStrings(sheet: RunSheet): string[] {
  const serum = sheet.rows[1]!.crew!;
  const flash = sheet.rows[2]!.crew!;
  return [
    serum.crewNotes,
    serum.scene!,
    serum.fanGroupText,
    flash.crewNotes,
    flash.fanGroupText,
    sheet.rows[5]!.crew!.scene!,
  ];
}

describe.skipIf(!hasPoppler)('run-sheet PDF, read back with pdftotext', () => {
  it('brand view shows the header, every segment, times, products, prices, deal terms and disclosure', async () => {
    const { file } = await pdfFile('brand', brand);
    const pages = layoutPages(file);
    const text = pages.join('\n');
    const flatText = flatPages(file).join('');
    expect(pages.length).toBeGreaterThanOrEqual(1);

    for (const s of ['Glow Theory 光研', '光研补水之夜 Glow Theory Hydration Night', 'LIVE SCRIPT · BRAND APPROVAL', 'VERSION 2 · DRAFT', '2026-11-29 (Sun)', '20:00–20:58 GMT+8', '12:00–12:58 GMT']) {
      expect(text).toContain(s);
    }
    for (const s of ['Douyin 抖音直播', 'Taobao Live 淘宝直播', '林小雨 Lin Xiaoyu', '陈嘉怡 Chen Jiayi', '补水周 Hydration Week', '58 min']) {
      expect(text).toContain(s);
    }
    expect(text).toContain('Total planned: 58 min');
    expect(text).not.toMatch(/Over target|target|Trim segments/);

    // Column headings.
    for (const s of ['Segment', 'Products (SKU)', 'Code', 'Disclosure', 'Per-buyer']) expect(text).toContain(s);

    for (const row of brand.rows) {
      expect(flatText).toContain(flat(row.title));
      expect(text).toMatch(new RegExp(`^\\s*${row.index}\\s+${row.clock}\\s`, 'm'));
      expect(text).toContain(row.viewerClock!);
      for (const p of row.products) {
        expect(flatText).toContain(flat(p.name));
        expect(text).toContain(`SKU ${p.sku}`);
        expect(text).toContain(formatSheetMoney(p.listPrice));
      }
      if (row.deal) {
        expect(text).toContain(formatSheetMoney(row.deal.price));
        expect(text).toContain(`${row.deal.discountPercent}% off`);
      }
    }
    for (const s of ['20:00', '20:04', '20:14', '20:53', 'CN¥199.00', 'CN¥169.00', '15% off', 'CN¥149.00', '37% off', 'XIAOYU169', 'FLASH149', 'VC199']) {
      expect(text).toContain(s);
    }
    // The serum row, as a brand reads it across the table.
    expect(text).toMatch(/2\s+20:04\s+PRODUCT PITCH · 10 MIN\s+玻尿酸保湿精华 Hyaluronic Serum\s+CN¥199\.00\s+CN¥169\.00\s+XIAOYU169\s+300\s+3\s+—\s+广告/);
    expect(text).toMatch(/3\s+20:14\s+FLASH DEAL · 6 MIN\s+神经酰胺修护面霜 Ceramide Barrier Cream\s+CN¥239\.00\s+CN¥149\.00\s+FLASH149\s+200\s+2\s+5:00\s+广告/);
    expect(text).toMatch(/VC199\s+150\s+1\s+3:00\s+广告/);
    expect(text.match(/广告/g)).toHaveLength(8);
    // Chinese really renders: the CJK font is embedded, subset.
    expect(text).toContain('玻尿酸保湿精华');
    expect(text).toContain('维C亮肤精华 Vitamin C Brightening Serum');
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it('brand view contains no crew notes, talking points, scenes or fan-group text, even when the rows carry them', async () => {
    const leaky: RunSheet = { ...brand, rows: brand.rows.map((row, i) => ({ ...row, crew: crew.rows[i]!.crew! })) };
    for (const [name, sheet] of [['brand-clean', brand], ['brand-leaky', leaky]] as const) {
      const { file } = await pdfFile(name, sheet);
      const flatText = flatPages(file).join('');
      const text = layoutPages(file).join('\n');
      for (const s of crewStrings(crew)) expect(flatText).not.toContain(flat(withoutEmoji(s)));
      expect(text).not.toMatch(/CREW NOTES|FAN-GROUP TEXT|OVERLAYS|SCENE/);
    }
  });

  it('brand view is the 直播脚本 to approve: talking points, selling points, giveaway terms, logo and images, sign-off', async () => {
    const { input, workspace } = sampleRunSheetInput();
    const sampleImages = await withSampleImages(input, workspace);
    const sheet = await resolveRunSheetImages(sampleRunSheet('brand', sampleImages.input), sampleImages.store);
    const { file } = await pdfFile('brand-script', sheet);
    const text = layoutPages(file).join('\n');
    const flatText = flatPages(file).join('');
    expect(text).toContain('TALKING POINTS');
    for (const row of sheet.rows) for (const point of row.talkingPoints) expect(flatText).toContain(flat(point));
    for (const p of sheet.rows[1]!.products) for (const point of p.sellingPoints) expect(flatText).toContain(flat(point));
    expect(text).toContain('GIVEAWAY');
    expect(flatText).toContain(flat('积雪草舒缓面膜一盒 Cica Calming Sheet Mask (box of 5)'));
    expect(flatText).toContain(flat('no purchase needed'));
    expect(text).toMatch(/Winners\s+10/);
    expect(text).toMatch(/How to enter\s+Comment the keyword: 补水/);
    expect(text).toContain('Brand sign-off');
    expect(text).toMatch(/Approver name\s+Signature\s+Date/);
    // The logo and the product images are in the file (each embedded once).
    const images = runTool('pdfimages', ['-list', file])
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[2] === 'image');
    const objects = new Set(images.map((cols) => cols[10]));
    // The logo and the six products' images, each embedded once however often it is shown.
    expect(objects.size).toBe(1 + 6);
    expect(images.length).toBeGreaterThan(objects.size);
  });

  it('no internal warning in the brand PDF (over target, rule checks); the crew PDF keeps them', async () => {
    const { input } = sampleRunSheetInput();
    // Over the one-hour target, and a segment without an OBS scene (a rule warning).
    const segments = input.segments.map((s, i) => (i === 0 ? { ...s, plannedSec: s.plannedSec + 10 * 60 } : i === 4 ? { ...s, scene: '' } : s));
    const brandText = layoutPages((await pdfFile('brand-warn', sampleRunSheet('brand', { ...input, segments }))).file).join('\n');
    const crewFile = (await pdfFile('crew-warn', sampleRunSheet('crew', { ...input, segments }))).file;
    const crewText = layoutPages(crewFile).join('\n');
    expect(brandText).toContain(input.segments[0]!.talkingPoints[0]!);
    expect(brandText).not.toMatch(/Over target|Trim segments|No OBS scene|CHECKS BEFORE THE SHOW/);
    expect(crewText).toContain('Over target by 8 min');
    expect(crewText).toContain('Trim segments before the show.');
    expect(crewText).toContain('CHECKS BEFORE THE SHOW');
    expect(flatPages(crewFile).join('')).toContain(flat('No OBS scene: the show will not switch scenes here.'));
  });

  it('zh-CN: Chinese headings, dates, 折 discounts, money and page numbers', async () => {
    const zh = sampleRunSheet('brand', undefined, 'zh-CN');
    const { file } = await pdfFile('brand-zh', zh);
    const pages = layoutPages(file);
    const text = pages.join('\n');
    for (const s of ['直播脚本 · 品牌确认', '版本 2 · 草稿', '2026年11月29日 周日', '直播时间', '商品（SKU）', '原价', '直播价', '优惠码', '话术要点', '福袋抽奖', '品牌确认签字', '确认人姓名', '计划总时长：58分钟']) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/¥169\.00\s+XIAOYU169/);
    expect(text).toContain('8.5折');
    expect(text).toContain('6.3折');
    expect(text).not.toContain('% off');
    expect(text).not.toContain('CN¥');
    expect(text).toContain(`第 1 页，共 ${pages.length} 页`);
    const crewZh = layoutPages((await pdfFile('crew-zh', sampleRunSheet('crew', undefined, 'zh-CN'))).file).join('\n');
    for (const s of ['团队执行表', '场景', '叠加层', '团队备注', '粉丝群文案', '优惠卡、倒计时']) expect(crewZh).toContain(s);
  });

  it('crew view adds scene, overlays, talking points, crew notes and fan-group text', async () => {
    const { file } = await pdfFile('crew', crew);
    const pages = layoutPages(file);
    const text = pages.join('\n');
    const flatText = flatPages(file).join('');
    expect(text).toContain('CREW RUN-SHEET');
    for (const s of crewStrings(crew)) expect(flatText).toContain(flat(withoutEmoji(s)));
    for (const row of crew.rows) {
      expect(flatText).toContain(flat(row.title));
      for (const point of row.talkingPoints) expect(flatText).toContain(flat(point));
    }
    expect(text).toMatch(/TALKING POINTS/);
    expect(text).toContain('Deal card, Countdown, Stock,');
    expect(text).toContain(`Page ${pages.length} of ${pages.length}`);
  });

  it('crew view lists the claims to review under each segment, with the rule\'s source', async () => {
    const { input } = sampleRunSheetInput();
    const segments = input.segments.map((segment, i) => (i === 1 ? { ...segment, talkingPoints: ['今晚全网最低价'], reviewedClaimKeys: [] } : segment));
    const sheet = sampleRunSheet('crew', { ...input, segments });
    const { file } = await pdfFile('crew-claims', sheet);
    const flatText = flatPages(file).join('');
    expect(layoutPages(file).join('\n')).toContain('CLAIMS TO REVIEW');
    expect(flatText).toContain(flat('“全网最低” in a talking point: a lowest-price claim.'));
    expect(flatText).toContain(flat('《中华人民共和国广告法》第二十八条'));
    const { file: brandFile } = await pdfFile('brand-claims', sampleRunSheet('brand', { ...input, segments }));
    expect(layoutPages(brandFile).join('\n')).not.toContain('CLAIMS TO REVIEW');
  });

  it('the vertical Douyin sample show exports for the brand and the crew: role cues, beats, the ladder, the hard start, the giveaway', async () => {
    const { input } = sampleRunSheetInput(undefined, sampleIds.showVerticalNight);
    expect(input.show.orientation).toBe('vertical');
    const crewSheet = sampleRunSheet('crew', input);
    const brandSheet = sampleRunSheet('brand', input);
    const crewFile = (await pdfFile('vertical-crew', crewSheet)).file;
    const brandFile = (await pdfFile('vertical-brand', brandSheet)).file;
    const crewFlat = flatPages(crewFile).join('');
    const brandFlat = flatPages(brandFile).join('');
    for (const row of crewSheet.rows) expect(crewFlat).toContain(flat(row.title));
    // Crew: every role's cues, the hold-and-release beats, the price ladder and the 20:30 hard start.
    expect(crewFlat).toContain(flat('Tap cart link 1 on the host’s “上链接”'));
    expect(crewFlat).toContain(flat('上链接后放 150 单，8 分钟后再放 50 单'));
    expect(crewFlat).toContain(flat('by hand · Price reveal — 开价 ¥149'));
    expect(crewFlat).toContain(flat('Stock release +50 units — 再放 50 单'));
    expect(crewFlat).toMatch(/HARDSTART20:30/i);
    expect(crewFlat).toContain(flat('when 40 left'));
    expect(crewFlat).not.toContain('CLAIMS TO REVIEW');
    // Brand: the host's words and the giveaway terms; the crew-internal assistant and controller cues stay out.
    expect(brandFlat).toContain(flat('开价后喊：3, 2, 1 上链接！'));
    expect(brandFlat).toContain(flat('积雪草舒缓面膜一盒'));
    expect(brandFlat).not.toContain(flat('上链接后放 150 单'));
    expect(brandFlat).not.toContain(flat('Tap cart link 1'));
  });

  it('a 200-segment show: every page numbered and headed, every segment on exactly one page', async () => {
    const { file } = await pdfFile('long', longBrand);
    const pages = layoutPages(file);
    const flatPerPage = flatPages(file);
    expect(pages.length).toBeGreaterThan(5);
    expect(flatPerPage).toHaveLength(pages.length);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      // The table header repeats on every page that has rows.
      if (i < pages.length - 1) expect(page).toMatch(/Segment\s+Products \(SKU\)/);
      if (i > 0) expect(page).toContain('Glow Theory 光研 · 光研补水之夜 Glow Theory Hydration Night');
    });
    for (const row of longBrand.rows) {
      const onPages = flatPerPage.filter((p) => p.includes(flat(row.title)));
      expect(onPages, row.title).toHaveLength(1);
    }
    // Rows are not cut: each row's number, clock, title and products are on the same page.
    for (const row of longBrand.rows) {
      const page = flatPerPage.find((p) => p.includes(flat(row.title)))!;
      for (const p of row.products) expect(page).toContain(flat(`SKU ${p.sku}`));
      expect(page).toContain(`${row.index}${row.clock}`);
    }
    // 200 segments run far past the one-hour target: the brand is not told (that is for the crew).
    expect(longBrand.overTargetSec).toBeGreaterThan(0);
    expect(pages.join('')).not.toMatch(/Over target|over$/m);
    expect(pages.at(-1)).toMatch(/Total planned: \d+ h/);
    expect(pages.at(-1)).toContain('Brand sign-off');
  });

  it('an empty show still gives a tidy one-page sheet', async () => {
    const { file } = await pdfFile('empty', { ...brand, rows: [], totalSec: 0, overTargetSec: -3600 });
    const pages = layoutPages(file);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('No segments planned yet.');
    expect(pages[0]).toContain('Page 1 of 1');
  });

  it('sets the metadata from the sheet, so the same sheet gives the same bytes', async () => {
    const { file, bytes } = await pdfFile('meta', brand);
    const info = runTool('pdfinfo', ['-isodates', file]);
    expect(info).toMatch(/^Title:\s+光研补水之夜 Glow Theory Hydration Night · 2026-11-29 · Live script · brand approval$/m);
    expect(info).toMatch(/^Author:\s+KOL Studio$/m);
    expect(info).toMatch(/^CreationDate:\s+2026-11-26T04:00:00Z$/m);
    expect(info).toMatch(/^Page size:\s+841\.89 x 595\.28 pts \(A4\)$/m);
    const again = await renderRunSheetPdf(brand);
    expect(again.equals(bytes)).toBe(true);
    const fonts = runTool('pdffonts', [file]);
    expect(fonts).toMatch(/\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/\+NotoSansSC-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).not.toContain('Helvetica');
    // Subset: the full Noto Sans SC files are ~10 MB each.
    expect(bytes.length).toBeLessThan(200_000);
  });
});

describe('run-sheet fonts', () => {
  it('reads the Noto Sans SC files once and hands back the same cached buffers', async () => {
    const a = await loadRunSheetFonts();
    const b = await loadRunSheetFonts();
    expect(a.regular).toBe(b.regular);
    expect(a.bold).toBe(b.bold);
    expect(a.regularPath).toMatch(/noto-sans-sc[/\\]400Regular[/\\]NotoSansSC_400Regular\.ttf$/);
    expect(a.regular.subarray(0, 4).toString('hex')).toBe('00010000'); // TrueType
  });

  it('prefers KOL_STUDIO_FONT_DIR, and falls back to the package when the folder lacks the files', async () => {
    const pkg = await loadRunSheetFonts();
    const fontDir = mkdtempSync(path.join(os.tmpdir(), 'kol-fonts-'));
    const before = process.env.KOL_STUDIO_FONT_DIR;
    try {
      process.env.KOL_STUDIO_FONT_DIR = fontDir;
      expect((await loadRunSheetFonts()).regularPath).toBe(pkg.regularPath);
      symlinkSync(pkg.regularPath, path.join(fontDir, 'NotoSansSC_400Regular.ttf'));
      symlinkSync(pkg.boldPath, path.join(fontDir, 'NotoSansSC_700Bold.ttf'));
      const custom = await loadRunSheetFonts();
      expect(custom.regularPath).toBe(path.join(fontDir, 'NotoSansSC_400Regular.ttf'));
      expect(custom.boldPath).toBe(path.join(fontDir, 'NotoSansSC_700Bold.ttf'));
      expect(custom.regular.equals(pkg.regular)).toBe(true);
    } finally {
      if (before === undefined) delete process.env.KOL_STUDIO_FONT_DIR;
      else process.env.KOL_STUDIO_FONT_DIR = before;
      rmSync(fontDir, { recursive: true, force: true });
    }
  });
});
