import { beforeAll, describe, expect, it } from 'vitest';
import { buildRunSheet, type RunSheet, type RunSheetInput, type RunSheetView } from '../domain/runsheet';
import { SAMPLE_GENERATED_AT as GENERATED_AT, sampleRunSheetInput } from '../sample/sample-runsheet';
import type { SampleWorkspace } from '../sample/sample-workspace';
import { escapeHtml, formatLength, formatSheetMoney, renderRunSheetHtml } from './runsheet.html';

let input: RunSheetInput;
let sample: SampleWorkspace;

beforeAll(() => {
  ({ input, workspace: sample } = sampleRunSheetInput(GENERATED_AT));
});

const sheetFor = (view: RunSheetView, patch: Partial<RunSheetInput> = {}): RunSheet =>
  buildRunSheet({ ...input, ...patch }, view, { generatedAt: GENERATED_AT, viewerZone: 'Europe/London' });

/** Text content of an HTML fragment with entities decoded, whitespace collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The <tr> elements of the run-sheet table's body, as HTML strings. */
function bodyRows(html: string): string[] {
  const table = /<table aria-label="Run-sheet">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  const bodies = table.match(/<tbody[\s\S]*?<\/tbody>/g) ?? [];
  return bodies.flatMap((b) => b.match(/<tr[\s\S]*?<\/tr>/g) ?? []);
}

const crewStrings = (): string[] => {
  const serum = input.segments[1]!;
  return [serum.crewNotes, serum.scene!, serum.fanGroupText, input.segments[2]!.crewNotes];
};

describe('renderRunSheetHtml', () => {
  it('is one self-contained document: charset, strict CSP, inline style, no scripts, no external loads', () => {
    const html = renderRunSheetHtml(sheetFor('crew'));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+\s*=/i);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).toContain('"Noto Sans CJK SC","Noto Sans SC","PingFang SC"');
    expect(html).toContain('"Microsoft YaHei"');
    expect(html).toMatch(/@media print\{[\s\S]*thead\{display:table-header-group\}/);
    expect(html).toContain('@page{size:A4 landscape');
  });

  it('has a real table named Run-sheet with column headers and one segment row per segment', () => {
    const sheet = sheetFor('brand');
    const html = renderRunSheetHtml(sheet);
    expect(html).toContain('<table aria-label="Run-sheet">');
    expect(html).toMatch(/<caption>Run-sheet/);
    const headers = [...html.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => textOf(m[1]!).trim());
    expect(headers).toEqual(['#', 'Time GMT+8 / GMT', 'Segment', 'Products (SKU)', 'List price', 'Deal price', 'Code', 'Stock cap', 'Per-buyer limit', 'Count- down', 'Disclosure']);
    const rows = bodyRows(html);
    expect(rows).toHaveLength(8);
    // Every <tr> is the header row or a segment row (what getByRole('row') counts in a browser).
    const table = /<table aria-label="Run-sheet">([\s\S]*?)<\/table>/.exec(html)![1]!;
    expect(table.match(/<tr[\s>]/g)).toHaveLength(1 + 8);
    rows.forEach((row, i) => {
      expect(row.match(/<td/g)).toHaveLength(headers.length);
      expect(textOf(row)).toContain(input.segments[i]!.title);
    });
  });

  it('shows what a brand checks: header facts, times in both zones, products, prices, deal terms, disclosure', () => {
    const sheet = sheetFor('brand');
    const text = textOf(renderRunSheetHtml(sheet));
    for (const s of ['Glow Theory 光研', '光研补水之夜 Glow Theory Hydration Night', '2026-11-29 (Sun)', '20:00–20:58 GMT+8', '12:00–12:58 GMT']) {
      expect(text).toContain(s);
    }
    for (const s of ['Douyin 抖音直播', 'Taobao Live 淘宝直播', '林小雨 Lin Xiaoyu', '陈嘉怡 Chen Jiayi', '补水周 Hydration Week', 'Planned length 58 min']) {
      expect(text).toContain(s);
    }
    const serumRow = textOf(bodyRows(renderRunSheetHtml(sheet))[1]!);
    expect(serumRow).toContain('20:04');
    expect(serumRow).toContain('12:04');
    expect(serumRow).toContain('玻尿酸保湿精华 Hyaluronic Serum');
    expect(serumRow).toContain('SKU GT-HA-30');
    expect(serumRow).toContain('CN¥199.00');
    expect(serumRow).toContain('CN¥169.00');
    expect(serumRow).toContain('15% off');
    expect(serumRow).toContain('XIAOYU169');
    expect(serumRow).toContain('300');
    expect(serumRow).toContain('广告');
    const flashRow = textOf(bodyRows(renderRunSheetHtml(sheet))[2]!);
    expect(flashRow).toContain('5:00');
    expect(flashRow).toContain(formatSheetMoney({ amountMinor: 14_900, currency: 'CNY' }));
    for (const p of sample.products.filter((p) => p.brandId === input.show.brandId && input.segments.some((s) => s.productIds.includes(p.id)))) {
      expect(text).toContain(p.name);
    }
  });

  it('brand view has no crew fields, even when a caller leaves them on the rows', () => {
    const brand = sheetFor('brand');
    const crew = sheetFor('crew');
    const leaky: RunSheet = { ...brand, rows: brand.rows.map((row, i) => ({ ...row, crew: crew.rows[i]!.crew! })) };
    for (const sheet of [brand, leaky]) {
      const html = renderRunSheetHtml(sheet);
      const text = textOf(html);
      for (const s of crewStrings()) expect(text).not.toContain(s);
      expect(text).not.toMatch(/Crew notes|Fan-group text|Overlays|Checks before the show/i);
      expect(html).not.toContain('class="crew"');
    }
  });

  it('crew view adds scene, overlays, talking points, crew notes and fan-group text under each row', () => {
    const html = renderRunSheetHtml(sheetFor('crew'));
    const text = textOf(html);
    for (const s of crewStrings()) expect(text).toContain(s);
    expect(text).toContain('Deal card, Countdown, Stock, Disclosure badge');
    expect(html.match(/<tr class="crew">/g)).toHaveLength(8);
    expect(html).toContain('<li>三种分子量玻尿酸：表层+深层补水</li>');
    expect(html).toContain('🔴 开播啦');
  });

  it('crew view lists each segment\'s claims to review with the rule\'s source, reviewed ones marked; brand view none', () => {
    const segments = input.segments.map((segment, i) =>
      i === 1
        ? { ...segment, talkingPoints: ['今晚全网最低价', 'Best ever serum'], crewNotes: 'Never say 根治', reviewedClaimKeys: ['talkingPoint|en-best|Best ever'] }
        : { ...segment, title: segment.title.replace(/最|第一|顶级/g, ''), talkingPoints: [], fanGroupText: '', lowerThird: undefined, giveaway: undefined },
    );
    const crew = sheetFor('crew', { segments });
    const claims = crew.rows[1]!.crew!.claims!;
    expect(claims.map((c) => [c.words, c.field, c.reviewed])).toEqual([
      ['全网最低', 'talkingPoint', false],
      ['Best ever', 'talkingPoint', true],
    ]);
    const text = textOf(renderRunSheetHtml(crew));
    expect(text).toContain('Claims to review');
    expect(text).toContain('“全网最低” in a talking point: a lowest-price claim. Rule: 《中华人民共和国广告法》第二十八条');
    expect(text).toContain('Reviewed: “Best ever” in a talking point: an absolute claim advertising law forbids.');
    expect(text).not.toContain('“根治”');
    const zh = textOf(renderRunSheetHtml({ ...crew, language: 'zh-CN' }));
    expect(zh).toContain('待审核的宣传用语');
    expect(zh).toContain('话术中的“全网最低”：最低价类用语。依据：');
    const brand = sheetFor('brand', { segments });
    expect(brand.rows.every((row) => row.crew === undefined)).toBe(true);
    expect(textOf(renderRunSheetHtml(brand))).not.toContain('Claims to review');
  });

  it('escapes every piece of text, so a hostile title stays text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const segments = input.segments.map((s, i) => (i === 0 ? { ...s, title: hostile, crewNotes: `"quoted" & 'single' </td>` } : s));
    const brand = { ...input.brand!, name: '<script>alert(1)</script>' };
    const show = { ...input.show, title: `Night "one" & 'two' <b>` };
    const html = renderRunSheetHtml(sheetFor('crew', { segments, brand, show }));
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Night &quot;one&quot; &amp; &#39;two&#39; &lt;b&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &#39;single&#39; &lt;/td&gt;');
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('inlines product images only as well-formed data: URLs', () => {
    const good = 'data:image/png;base64,iVBORw0KGgo=';
    const productImages = new Map([
      ['sample-product-glow-ha-serum', good],
      ['sample-product-glow-ceramide-cream', 'https://evil.example/x.png'],
      ['sample-product-glow-vc-serum', 'data:image/png;base64,AAAA" onerror="alert(1)'],
    ]);
    // Writers get data: URLs: the export entry resolves the hashes the renderer sent (resolveRunSheetImages).
    const sheet = sheetFor('brand');
    const urlOf = new Map([...productImages].map(([id, url]) => [input.products.get(id)?.name, url]));
    const resolved = { ...sheet, rows: sheet.rows.map((row) => ({ ...row, products: row.products.map((p) => (urlOf.get(p.name) ? { ...p, imageDataUrl: urlOf.get(p.name) } : p)) })) };
    const html = renderRunSheetHtml(resolved);
    expect(html).toContain(`<img src="${good}" alt="">`);
    expect(html).not.toContain('evil.example');
    expect(html).not.toContain('onerror');
    expect(html.match(/<img /g)?.length).toBeGreaterThan(0);
    expect([...html.matchAll(/<img src="([^"]*)"/g)].every((m) => m[1] === good)).toBe(true);
  });

  it('warns the crew when the plan runs over its target, and never tells the brand', () => {
    const ok = textOf(renderRunSheetHtml(sheetFor('crew')));
    expect(ok).toContain('Total planned: 58 min · target 1 h · 2 min to spare');
    expect(ok).not.toContain('Over target');
    const long = input.segments.map((s, i) => (i === 0 ? { ...s, plannedSec: s.plannedSec + 5 * 60 } : s));
    const html = renderRunSheetHtml(sheetFor('crew', { segments: long }));
    expect(html).toContain('<p class="warning" role="alert">Over target by 3 min: 1 h 3 min planned against a 1 h target.');
    const brand = textOf(renderRunSheetHtml(sheetFor('brand', { segments: long })));
    expect(brand).toContain('Total planned: 1 h 3 min');
    expect(brand).not.toMatch(/Over target|Trim segments|target/i);
  });

  it('brand view is the 直播脚本 a brand approves: talking points, selling points, giveaway terms, version and status, sign-off', () => {
    // The writer gets the logo resolved (the export service turns brandLogoHash into brandLogoDataUrl).
    const sheet = { ...sheetFor('brand'), brandLogoDataUrl: 'data:image/png;base64,iVBORw0KGgo=' };
    const html = renderRunSheetHtml(sheet);
    const text = textOf(html);
    expect(text).toContain(input.segments[1]!.talkingPoints[0]!);
    expect(text).toContain(sample.products.find((p) => p.id === input.segments[1]!.productIds[0])!.sellingPoints[0]!);
    expect(text).toContain('Giveaway Prize 积雪草舒缓面膜一盒');
    expect(text).toContain('Winners 10');
    expect(text).toContain('How to enter Comment the keyword: 补水');
    expect(text).toContain('no purchase needed');
    expect(text).toContain('Version 2 · Draft');
    expect(text).toContain('Brand sign-off');
    expect(text).toMatch(/Approver name Signature Date/);
    expect(html).toContain('<img class="logo" src="data:image/png;base64,iVBORw0KGgo="');
    const approved = textOf(renderRunSheetHtml({ ...sheet, approval: 'approved' }));
    expect(approved).toContain('Version 2 · Approved');
  });

  it('is written in Chinese when asked: headings, dates, 折 discounts, money via Intl zh-CN', () => {
    const sheet = buildRunSheet(input, 'brand', { generatedAt: GENERATED_AT, viewerZone: 'Europe/London', language: 'zh-CN' });
    const html = renderRunSheetHtml(sheet);
    const text = textOf(html);
    expect(html).toContain('<html lang="zh-CN">');
    for (const s of ['直播脚本 · 品牌确认', '2026年11月29日 周日', '直播时间', '话术要点', '商品卖点', '福袋抽奖', '品牌确认签字', '确认人姓名', '版本 2 · 草稿', '8.5折', '6.3折', '¥169.00', '计划总时长：58分钟']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('% off');
    expect(text).not.toContain('CN¥');
    const headers = [...html.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => textOf(m[1]!).trim());
    expect(headers).toContain('商品（SKU）');
    expect(headers).toContain('直播价');
  });

  it('reads on a 390 px phone: cards below 760 px, prices, codes and clocks never break inside', () => {
    const html = renderRunSheetHtml(sheetFor('brand'));
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/@media screen and \(max-width:760px\)\{[\s\S]*tbody\.segment\{border/);
    expect(html).toContain('.money,.code,.off,.clock{white-space:nowrap}');
    const serumRow = bodyRows(html)[1]!;
    expect(serumRow).toContain('<span class="money deal">CN¥169.00</span>');
    expect(serumRow).toContain('<span class="code">XIAOYU169</span>');
    expect(serumRow).toContain('data-label="Deal price"');
  });

  it('formats lengths for people', () => {
    expect(formatLength(45)).toBe('45 s');
    expect(formatLength(240)).toBe('4 min');
    expect(formatLength(270)).toBe('4 min 30 s');
    expect(formatLength(3600)).toBe('1 h');
    expect(formatLength(3900)).toBe('1 h 5 min');
  });
});

describe('the show’s orientation in the run-sheet header', () => {
  it('one line, in the export language: its own orientation, else the default of its platforms', () => {
    const vertical = buildRunSheet({ ...input, show: { ...input.show, platforms: ['douyin'], orientation: undefined } }, 'crew', { generatedAt: GENERATED_AT, language: 'zh-CN' });
    expect(vertical.orientation).toBe('vertical');
    expect(textOf(renderRunSheetHtml(vertical))).toContain('画面 竖屏 9:16');
    const landscape = buildRunSheet({ ...input, show: { ...input.show, platforms: ['douyin'], orientation: 'landscape' } }, 'brand', { generatedAt: GENERATED_AT });
    expect(textOf(renderRunSheetHtml(landscape))).toContain('Picture Landscape 16:9');
    expect(textOf(renderRunSheetHtml(landscape))).not.toContain('Vertical 9:16');
  });
});
