import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { RunSheet } from '../../../shared/domain/runsheet';
import { sampleRunSheet } from '../../../shared/sample/sample-runsheet';
import { escapeCsvFormula, moneyAmount, renderRunSheetCsv } from './runsheet.csv';

const brand: RunSheet = sampleRunSheet('brand');
const crew: RunSheet = sampleRunSheet('crew');

function parse(csv: string): { fields: string[]; rows: Record<string, string>[] } {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const result = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return { fields: result.meta.fields ?? [], rows: result.data };
}

const brandColumns = [
  '#',
  'Start (Asia/Shanghai)',
  'Start (Europe/London)',
  'Segment kind',
  'Title',
  'Planned minutes',
  'Products',
  'SKUs',
  'List price',
  'List price amount',
  'Deal price',
  'Deal price amount',
  'Currency',
  'Discount %',
  'Discount',
  'Code',
  'Stock cap',
  'Per-buyer limit',
  'Countdown (s)',
  'Sponsored',
  'Disclosure',
  'Talking points',
  'Host cues',
  'Selling points',
  'Giveaway prize',
  'Giveaway quantity',
  'Giveaway rules',
  'Giveaway entry rule',
  'Beats',
  'Price ladder',
  'Hard start',
  'Target GMV',
  'Target GMV amount',
  'Target orders',
  'Target units',
];

describe('renderRunSheetCsv', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    const csv = renderRunSheetCsv(brand);
    expect(csv.startsWith('\uFEFF"#","Start (Asia/Shanghai)",')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Records end with CRLF; line breaks inside quoted cells (talking points) are bare \n.
    expect(csv.match(/\r\n/g)).toHaveLength(brand.rows.length + 1);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\r/);
  });

  it('brand view: one row per segment with the expected columns and values', () => {
    const { fields, rows } = parse(renderRunSheetCsv(brand));
    expect(fields).toEqual(brandColumns);
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r.Title)).toEqual(brand.rows.map((r) => r.title));
    expect(rows.map((r) => r['Start (Asia/Shanghai)'])).toEqual(['20:00', '20:04', '20:14', '20:20', '20:25', '20:34', '20:45', '20:53']);
    expect(rows[0]!['Start (Europe/London)']).toBe('12:00');
    const serum = rows[1]!;
    expect(serum).toMatchObject({
      '#': '2',
      'Segment kind': 'Product pitch',
      'Planned minutes': '10',
      Products: '玻尿酸保湿精华 Hyaluronic Serum',
      SKUs: 'GT-HA-30',
      'List price': 'CN¥199.00',
      'List price amount': '199',
      'Deal price': 'CN¥169.00',
      'Deal price amount': '169',
      Currency: 'CNY',
      'Discount %': '15',
      Discount: '15% off',
      Code: 'XIAOYU169',
      'Stock cap': '300',
      'Per-buyer limit': '3',
      'Countdown (s)': '',
      Sponsored: 'Yes',
      Disclosure: '广告',
    });
    expect(rows[2]!['Countdown (s)']).toBe('300');
    expect(rows[4]!.Products).toBe('玻尿酸保湿精华 Hyaluronic Serum | 神经酰胺修护面霜 Ceramide Barrier Cream | 氨基酸洁面乳 Amino Acid Gentle Cleanser');
    expect(rows[4]!.SKUs).toBe('GT-HA-30 | GT-CER-50 | GT-AMC-120');
    expect(rows[0]!.Products).toBe('');
    expect(rows[0]!['Deal price']).toBe('');
    expect(rows[1]!['Talking points']).toBe(brand.rows[1]!.talkingPoints.map((t) => `• ${t}`).join('\n'));
    expect(rows[1]!['Selling points']).toContain('• ');
    expect(rows[3]).toMatchObject({ 'Giveaway quantity': '10', 'Giveaway entry rule': 'Comment the keyword: 补水' });
    expect(rows[3]!['Giveaway prize']).toContain('积雪草舒缓面膜');
    expect(rows[3]!['Giveaway rules']).toContain('no purchase needed');
  });

  it('money amount columns are numbers a spreadsheet sums', () => {
    const result = Papa.parse<Record<string, unknown>>(renderRunSheetCsv(brand).slice(1), { header: true, skipEmptyLines: true, dynamicTyping: true });
    expect(result.errors).toEqual([]);
    const amounts = result.data.map((r) => r['Deal price amount']).filter((v) => v !== null && v !== '');
    expect(amounts).toEqual([169, 149, 199]);
    expect(amounts.every((v) => typeof v === 'number')).toBe(true);
    expect((amounts as number[]).reduce((a, b) => a + b, 0)).toBe(517);
    expect(result.data[1]!['List price amount']).toBe(199);
    expect(moneyAmount({ amountMinor: 1999, currency: 'USD' })).toBe(19.99);
    expect(moneyAmount({ amountMinor: 500, currency: 'JPY' })).toBe(500);
  });

  it('is written in Chinese when asked: headings, words, 折 discounts, money via Intl zh-CN', () => {
    const zh = sampleRunSheet('brand', undefined, 'zh-CN');
    const { fields, rows } = parse(renderRunSheetCsv(zh));
    for (const f of ['开始时间（Asia/Shanghai）', '环节类型', '标题', '原价', '原价金额', '直播价', '直播价金额', '币种', '折扣', '优惠码', '话术要点', '商品卖点', '抽奖奖品']) expect(fields).toContain(f);
    expect(rows[1]).toMatchObject({ 环节类型: '商品讲解', 原价: '¥199.00', 直播价: '¥169.00', 直播价金额: '169', 币种: 'CNY', 折扣: '8.5折', 推广: '是' });
    expect(rows[2]!.折扣).toBe('6.3折');
  });

  it('writes counts as bare numbers and text quoted', () => {
    const csv = renderRunSheetCsv(brand);
    const serumLine = csv.split('\r\n')[2]!;
    expect(serumLine.startsWith('2,"20:04","12:04","Product pitch",')).toBe(true);
    expect(serumLine).toContain(',10,"玻尿酸保湿精华 Hyaluronic Serum",');
    expect(serumLine).toContain(',"CN¥199.00",199,"CN¥169.00",169,"CNY",15,"15% off","XIAOYU169",300,3,,"Yes","广告"');
  });

  it('brand view has no crew columns or crew text, even if a caller leaves crew fields on the rows', () => {
    const leaky: RunSheet = { ...brand, rows: brand.rows.map((row, i) => ({ ...row, crew: crew.rows[i]!.crew! })) };
    for (const sheet of [brand, leaky]) {
      const csv = renderRunSheetCsv(sheet);
      const { fields } = parse(csv);
      expect(fields).not.toContain('Crew notes');
      expect(fields).not.toContain('Scene');
      expect(fields).not.toContain('Checks');
      for (const row of crew.rows) {
        expect(csv).not.toContain(row.crew!.crewNotes);
        expect(csv).not.toContain(row.crew!.fanGroupText);
      }
    }
  });

  it('crew view adds scene, overlays, crew notes, fan-group text and rule checks', () => {
    const { fields, rows } = parse(renderRunSheetCsv(crew));
    expect(fields).toEqual([...brandColumns, 'Scene', 'Overlays', 'Assistant cues', 'Controller cues', 'Crew notes', 'Fan-group text', 'Checks']);
    const flash = rows[2]!;
    const source = crew.rows[2]!.crew!;
    expect(flash.Scene).toBe('Deal');
    expect(flash.Overlays).toBe('Deal card, Countdown, Stock, Disclosure badge');
    expect(flash['Talking points']).toBe(crew.rows[2]!.talkingPoints.map((t) => `• ${t}`).join('\n'));
    expect(flash['Crew notes']).toBe(source.crewNotes);
    expect(flash['Fan-group text']).toBe(source.fanGroupText);
    expect(rows[0]!['Fan-group text']).toContain('🔴 开播啦');
  });

  it('omits the viewer-zone column when there is no viewer zone', () => {
    const { viewerZone: _viewerZone, ...rest } = brand;
    const local: RunSheet = { ...rest, rows: brand.rows.map(({ viewerClock: _v, ...row }) => row) };
    const { fields } = parse(renderRunSheetCsv(local));
    expect(fields).not.toContain('Start (Europe/London)');
    expect(fields[2]).toBe('Segment kind');
  });

  it('neutralises formula injection in every text cell (OWASP), including multi-line ones', () => {
    const hostile = ['=HYPERLINK("http://x")', '@SUM(A1)', '+1+1', '-2+3', '\tcmd', '\r=1', '=1\n=2'];
    const rows = crew.rows.map((row, i) => ({
      ...row,
      title: hostile[i % hostile.length]!,
      crew: { ...row.crew!, crewNotes: '=cmd|" /C calc"!A0', fanGroupText: '@evil' },
    }));
    const products = [{ name: '-minus product', sku: '=SKU', listPrice: { amountMinor: 100, currency: 'CNY' }, sellingPoints: [] }];
    rows[0] = { ...rows[0]!, products, deal: { price: { amountMinor: 50, currency: 'CNY' }, discountPercent: 50, code: '+CODE' } };
    const { rows: parsed } = parse(renderRunSheetCsv({ ...crew, rows }));
    parsed.forEach((row, i) => expect(row.Title).toBe(`'${hostile[i % hostile.length]}`));
    expect(parsed[0]!['Crew notes']).toBe(`'=cmd|" /C calc"!A0`);
    expect(parsed[0]!['Fan-group text']).toBe("'@evil");
    expect(parsed[0]!.Products).toBe("'-minus product");
    expect(parsed[0]!.SKUs).toBe("'=SKU");
    expect(parsed[0]!.Code).toBe("'+CODE");
    for (const row of parsed) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('escapeCsvFormula leaves ordinary text alone', () => {
    expect(escapeCsvFormula('玻尿酸 serum')).toBe('玻尿酸 serum');
    expect(escapeCsvFormula('20:00')).toBe('20:00');
    expect(escapeCsvFormula('a=b')).toBe('a=b');
    expect(escapeCsvFormula('=1')).toBe("'=1");
  });
});
