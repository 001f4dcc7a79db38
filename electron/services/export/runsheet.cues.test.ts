/**
 * Role cues in the run-sheets: the crew files show Host / Assistant / Controller columns (主播 / 助播 / 场控); the
 * brand files show the host's cues (said on stream, approved with the talking points) and never the assistant's
 * or the controller's, even when a caller leaves them on the rows. PDFs are read back with pdftotext.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSheetSchema } from '../../../shared/contract/runsheet.schema';
import type { RunSheet, RunSheetInput } from '../../../shared/domain/runsheet';
import { renderRunSheetHtml, roleCueColumns } from '../../../shared/export/runsheet.html';
import { sampleRunSheet, sampleRunSheetInput } from '../../../shared/sample/sample-runsheet';
import { renderRunSheetCsv } from './runsheet.csv';
import { flat, flatPages, hasPoppler, layoutPages } from './pdf.readback';
import { renderRunSheetPdf } from './runsheet.pdf';

const HOST = ['Rub the serum on the back of your hand, close to the lens', '3, 2, 1 上链接!'];
const ASSISTANT = ['Hold up the 30 ml bottle beside the host', 'Pin cart link 2 (玻尿酸)'];
const CONTROLLER = ['Release the last 100 units at 20:10', 'Screen comments for 过敏 questions'];

function inputWithCues(): RunSheetInput {
  const { input } = sampleRunSheetInput();
  const segments = input.segments.map((segment, i) =>
    i === 1 ? { ...segment, cues: { host: HOST, assistant: ASSISTANT, controller: CONTROLLER } } : i === 2 ? { ...segment, cues: { host: [], assistant: [' '], controller: ['Start the 5:00 countdown on “go”'] } } : segment,
  );
  return { ...input, segments };
}

let crew: RunSheet;
let brand: RunSheet;
let crewZh: RunSheet;

beforeAll(() => {
  const input = inputWithCues();
  crew = sampleRunSheet('crew', input);
  brand = sampleRunSheet('brand', input);
  crewZh = sampleRunSheet('crew', input, 'zh-CN');
});

describe('role cues on the run-sheet data', () => {
  it('puts the host’s cues on the row and the assistant’s and controller’s in the crew fields only, cleaned', () => {
    expect(crew.rows[1]!.hostCues).toEqual(HOST);
    expect(crew.rows[1]!.crew).toMatchObject({ assistantCues: ASSISTANT, controllerCues: CONTROLLER });
    expect(crew.rows[2]!.crew).not.toHaveProperty('assistantCues');
    expect(crew.rows[2]!).not.toHaveProperty('hostCues');
    expect(crew.rows[0]!).not.toHaveProperty('hostCues');
    expect(brand.rows[1]!.hostCues).toEqual(HOST);
    expect(JSON.stringify(brand)).not.toContain(ASSISTANT[0]);
    expect(JSON.stringify(brand)).not.toContain(CONTROLLER[0]);
    expect(runSheetSchema.safeParse(crew).success).toBe(true);
    expect(runSheetSchema.safeParse(brand).success).toBe(true);
  });

  it('gives the crew three role columns when a segment has any cue, the brand the host’s only', () => {
    expect(roleCueColumns(crew, crew.rows[1]!).map((c) => [c.heading, c.cues.length])).toEqual([
      ['Host', 2],
      ['Assistant', 2],
      ['Controller', 2],
    ]);
    expect(roleCueColumns(crewZh, crewZh.rows[2]!).map((c) => c.heading)).toEqual(['主播', '助播', '场控']);
    expect(roleCueColumns(crew, crew.rows[0]!)).toEqual([]);
    const leaky: RunSheet = { ...brand, rows: brand.rows.map((row, i) => ({ ...row, crew: crew.rows[i]!.crew! })) };
    expect(roleCueColumns(leaky, leaky.rows[1]!)).toEqual([{ role: 'host', heading: 'Host cues', cues: HOST }]);
  });

  it('refuses oversize cues and crew cues on a brand sheet at the door', () => {
    const long = structuredClone(crew);
    long.rows[1]!.hostCues = ['x'.repeat(1001)];
    expect(runSheetSchema.safeParse(long).success).toBe(false);
    const leaky: RunSheet = { ...brand, rows: brand.rows.map((row, i) => ({ ...row, crew: crew.rows[i]!.crew! })) };
    expect(runSheetSchema.safeParse(leaky).success).toBe(false);
  });
});

describe('role cues in the CSV', () => {
  const parse = (csv: string) => Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });

  it('crew: Host, Assistant and Controller cue columns; brand: host cues only', () => {
    const crewRows = parse(renderRunSheetCsv(crew));
    expect(crewRows.data[1]).toMatchObject({
      'Host cues': HOST.map((x) => `• ${x}`).join('\n'),
      'Assistant cues': ASSISTANT.map((x) => `• ${x}`).join('\n'),
      'Controller cues': CONTROLLER.map((x) => `• ${x}`).join('\n'),
    });
    expect(crewRows.data[0]!['Host cues']).toBe('');
    const brandCsv = renderRunSheetCsv(brand);
    const brandRows = parse(brandCsv);
    expect(brandRows.data[1]!['Host cues']).toBe(HOST.map((x) => `• ${x}`).join('\n'));
    expect(brandRows.meta.fields).not.toContain('Assistant cues');
    expect(brandRows.meta.fields).not.toContain('Controller cues');
    for (const cue of [...ASSISTANT, ...CONTROLLER]) expect(brandCsv).not.toContain(cue);
    expect(parse(renderRunSheetCsv(crewZh)).meta.fields).toEqual(expect.arrayContaining(['主播提示', '助播提示', '场控提示']));
  });
});

describe('role cues on the shareable page', () => {
  it('crew: a labelled "Role cues" section with Host / Assistant / Controller columns inside the crew row', () => {
    const html = renderRunSheetHtml(crew);
    expect(html).toMatch(/<section class="cue-grid" aria-label="Role cues"><div data-role="host"><h3>Host<\/h3><ul><li>Rub the serum/);
    expect(html).toContain('<div data-role="controller"><h3>Controller</h3><ul><li>Release the last 100 units at 20:10</li>');
    // The segment without an assistant cue shows a dash in that column.
    expect(html).toMatch(/<div data-role="assistant"><h3>Assistant<\/h3><p><span class="muted">—<\/span><\/p><\/div><div data-role="controller"><h3>Controller<\/h3><ul><li>Start the 5:00 countdown on “go”/);
    expect(html.match(/class="cue-grid"/g)).toHaveLength(2);
    expect(renderRunSheetHtml(crewZh)).toContain('<h3>助播</h3>');
  });

  it('brand: the host’s cues beside the talking points, no assistant or controller cue even when the rows carry them', () => {
    const leaky: RunSheet = { ...brand, rows: brand.rows.map((row, i) => ({ ...row, crew: crew.rows[i]!.crew! })) };
    for (const sheet of [brand, leaky]) {
      const html = renderRunSheetHtml(sheet);
      expect(html).toContain('<h3>Host cues</h3><ul><li>Rub the serum on the back of your hand, close to the lens</li><li>3, 2, 1 上链接!</li></ul>');
      for (const cue of [...ASSISTANT, ...CONTROLLER]) expect(html).not.toContain(cue);
      expect(html).not.toContain('cue-grid"');
    }
  });
});

describe.skipIf(!hasPoppler)('role cues in the PDFs, read back with pdftotext', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kol-cues-pdf-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function read(name: string, sheet: RunSheet): Promise<{ text: string; flatText: string }> {
    const file = path.join(dir, `${name}.pdf`);
    writeFileSync(file, await renderRunSheetPdf(sheet));
    return { text: layoutPages(file).join('\n'), flatText: flatPages(file).join('') };
  }

  it('crew PDF: HOST / ASSISTANT / CONTROLLER headings with every cue; zh-CN: 主播 / 助播 / 场控', async () => {
    const { text, flatText } = await read('crew', crew);
    expect(text).toMatch(/HOST\s+ASSISTANT\s+CONTROLLER/);
    for (const cue of [...HOST, ...ASSISTANT, ...CONTROLLER]) expect(flatText).toContain(flat(cue));
    const zh = await read('crew-zh', crewZh);
    expect(zh.text).toMatch(/主播\s+助播\s+场控/);
    expect(zh.flatText).toContain(flat(CONTROLLER[1]!));
  });

  it('brand PDF: HOST CUES with the host’s cues, never an assistant or controller cue (even when the rows carry them)', async () => {
    const leaky: RunSheet = { ...brand, rows: brand.rows.map((row, i) => ({ ...row, crew: crew.rows[i]!.crew! })) };
    for (const [name, sheet] of [['brand', brand], ['brand-leaky', leaky]] as const) {
      const { text, flatText } = await read(name, sheet);
      expect(text).toContain('HOST CUES');
      for (const cue of HOST) expect(flatText).toContain(flat(cue));
      for (const cue of [...ASSISTANT, ...CONTROLLER]) expect(flatText).not.toContain(flat(cue));
      expect(text).not.toMatch(/ASSISTANT|CONTROLLER/);
    }
  });
});
