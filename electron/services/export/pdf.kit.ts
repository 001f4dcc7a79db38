/**
 * The PDF machinery the run-sheet and the post-show report share (pdfkit, A4 landscape): the embedded CJK fonts,
 * text cleaning/measuring/wrapping (TextKit), cells wrapped into lines up front (CellWriter), bands (horizontal
 * strips of columns) that move whole to the next page or split line by line with the table header repeated, page
 * furniture (title block, facts grid, callout, running header, "Page N of M" footers), colours and text styles.
 *
 * Layout is done here, not by pdfkit's text flow: every cell is wrapped into lines up front (CJK text may break
 * between any two ideographs, Latin words only at spaces, and closing punctuation never starts a line), so a
 * row's height is known before it is drawn. That is what lets a row move whole to the next page (with the table
 * header repeated) instead of being cut, and lets a row taller than a page continue line by line.
 *
 * Chinese needs an embedded CJK font: Noto Sans SC (regular + bold) from @expo-google-fonts/noto-sans-sc, or
 * from KOL_STUDIO_FONT_DIR. Each file is read once per process and kept in memory; pdfkit subsets it per
 * document, so a file only carries the glyphs it uses. Characters the font has no glyph for AND that are emoji
 * (🔴, 💧, ⚡️ in fan-group text) are left out rather than printed as empty boxes.
 *
 * Words the kit prints itself ("Page N of M", "cont.") are in the document's language (export.strings.ts).
 * Images (logos, product images) are data: URLs, drawn only when pdfkit can decode them (PNG, JPEG), each
 * embedded once per document.
 *
 * Reproducible: `createPdf` takes the document's date from the caller (pdfkit derives the file ID from it), so
 * the same input gives the same bytes.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { exportText, type ExportLanguage } from '../../../shared/export/export.strings';

// ---------------------------------------------------------------------------------------------
// Fonts
// ---------------------------------------------------------------------------------------------

const FONT_FILES = { regular: 'NotoSansSC_400Regular.ttf', bold: 'NotoSansSC_700Bold.ttf' } as const;
const FONT_SUBDIRS = { regular: '400Regular', bold: '700Bold' } as const;
type FontWeight = keyof typeof FONT_FILES;

export interface PdfFonts {
  regular: Buffer;
  bold: Buffer;
  /** Where they were read from, for error messages and caches. */
  regularPath: string;
  boldPath: string;
}

const fontBuffers = new Map<string, Promise<Buffer>>();

function fontCandidates(weight: FontWeight): string[] {
  const candidates: string[] = [];
  const override = process.env.KOL_STUDIO_FONT_DIR?.trim();
  if (override) {
    candidates.push(path.join(override, FONT_FILES[weight]), path.join(override, FONT_SUBDIRS[weight], FONT_FILES[weight]));
  }
  try {
    const pkg = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json');
    candidates.push(path.join(path.dirname(pkg), FONT_SUBDIRS[weight], FONT_FILES[weight]));
  } catch {
    // Package missing: only the override directory can help; the error below names what was tried.
  }
  return candidates;
}

function readCached(file: string): Promise<Buffer> {
  let pending = fontBuffers.get(file);
  if (!pending) {
    pending = readFile(file);
    // A failed read is not cached, so fixing the file (or the env) helps without a restart.
    pending.catch(() => fontBuffers.delete(file));
    fontBuffers.set(file, pending);
  }
  return pending;
}

async function loadFont(weight: FontWeight): Promise<{ buffer: Buffer; file: string }> {
  const tried: string[] = [];
  for (const file of fontCandidates(weight)) {
    try {
      return { buffer: await readCached(file), file };
    } catch {
      tried.push(file);
    }
  }
  throw new Error(
    `PDF export: no ${FONT_FILES[weight]} found (tried ${tried.join(', ') || 'nothing'}). ` +
      'Install @expo-google-fonts/noto-sans-sc or set KOL_STUDIO_FONT_DIR to a folder holding the Noto Sans SC TTFs.',
  );
}

/** The CJK fonts, read once per process (per path) and kept in memory. */
export async function loadPdfFonts(): Promise<PdfFonts> {
  const [regular, bold] = await Promise.all([loadFont('regular'), loadFont('bold')]);
  return { regular: regular.buffer, bold: bold.buffer, regularPath: regular.file, boldPath: bold.file };
}

// ---------------------------------------------------------------------------------------------
// Page geometry and style
// ---------------------------------------------------------------------------------------------

export const PAGE_W = 841.89;
export const PAGE_H = 595.28;
export const MARGIN_X = 30;
export const TOP = 28;
export const CONTENT_W = PAGE_W - 2 * MARGIN_X;
export const BODY_BOTTOM = PAGE_H - 40;
export const FOOTER_Y = PAGE_H - 28;
export const CELL_PAD_X = 4;

export const R = 'NotoSansSC-Regular';
export const B = 'NotoSansSC-Bold';
export type FontName = typeof R | typeof B;

export const C = {
  ink: '#1F2937',
  strong: '#111827',
  muted: '#6B7280',
  faint: '#9CA3AF',
  accent: '#1E3A5F',
  rule: '#D8DEE6',
  zebra: '#F6F8FB',
  deal: '#B42318',
  warnFill: '#FEF3F2',
  warnLine: '#F3B4AE',
  crew: '#B45309',
  crewInk: '#92400E',
  crewFill: '#FFF8EB',
  brandFill: '#F1F5FA',
  approved: '#067647',
  white: '#FFFFFF',
} as const;

export interface TextStyle {
  font: FontName;
  size: number;
  color: string;
  /** Line height as a multiple of the size. */
  leading?: number;
}

export const S = {
  body: { font: R, size: 7.8, color: C.ink },
  bodyBold: { font: B, size: 7.8, color: C.ink },
  title: { font: B, size: 8.2, color: C.strong },
  kind: { font: B, size: 6.2, color: C.accent },
  small: { font: R, size: 6.6, color: C.muted },
  clock: { font: B, size: 8.4, color: C.strong },
  index: { font: B, size: 7.8, color: C.muted },
  deal: { font: B, size: 7.8, color: C.deal },
  dealOff: { font: R, size: 6.6, color: C.deal },
  dash: { font: R, size: 7.8, color: C.faint },
  flag: { font: B, size: 7, color: C.deal },
  th: { font: B, size: 6.8, color: C.white, leading: 1.25 },
  crewLabel: { font: B, size: 6, color: C.crewInk },
  brandLabel: { font: B, size: 6.2, color: C.accent },
  point: { font: R, size: 7.6, color: C.ink },
  selling: { font: R, size: 6.8, color: '#374151' },
  crewBody: { font: R, size: 7.3, color: C.ink },
  cont: { font: R, size: 6, color: C.faint },
} satisfies Record<string, TextStyle>;

export const lineHeight = (style: TextStyle) => style.size * (style.leading ?? 1.36);
/** pdfkit puts the baseline at y + ascender (1.16 em for Noto Sans SC); lift glyphs to centre them in the line. */
export const BASELINE_LIFT = 0.1;

// ---------------------------------------------------------------------------------------------
// Text: cleaning, measuring, wrapping
// ---------------------------------------------------------------------------------------------

/** Emoji and their joiners, modifiers and tags (one code point at a time). */
const emojiLike = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\uFE0E|\uFE0F|\u200D|\u20E3|[\u{E0020}-\u{E007F}])$/u;
const controls = /[\u0000-\u0008\u000B-\u001F\u007F]/g; // eslint-disable-line no-control-regex
/** Glyph coverage per code point, per font file. */
const coverageByFont = new Map<string, Map<number, boolean>>();

interface FontkitLike {
  hasGlyphForCodePoint?: (codePoint: number) => boolean;
}

const cjkChar = /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3100-\u31FF\u3200-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;
/** No line may start with these (closing punctuation, CJK and Latin). */
const noBreakBefore = /[，。、；：？！）」』】》〉〕”’,.;:!?)\]}%…·ー〜～\uE001\uE003]/u;
/** No line may end with these (opening punctuation, currency). */
const noBreakAfter = /[（「『【《〈〔“‘([{¥$€£\uE000\uE002]/u;
const curlyQuotes = ['‘', '’', '“', '”'];
/** Private-use markers standing for curly quotes drawn in their proportional (Latin) form. */
const quoteMarker = /[\uE000-\uE003]/;

export class TextKit {
  private widths = new Map<string, number>();
  private readonly hasGlyph: (codePoint: number) => boolean;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    fontKey: string,
  ) {
    let coverage = coverageByFont.get(fontKey);
    if (!coverage) coverageByFont.set(fontKey, (coverage = new Map()));
    doc.font(R);
    const fontkit = (doc as unknown as { _font?: { font?: FontkitLike } })._font?.font;
    const probe = typeof fontkit?.hasGlyphForCodePoint === 'function' ? fontkit.hasGlyphForCodePoint.bind(fontkit) : undefined;
    this.hasGlyph = (cp) => {
      let known = coverage.get(cp);
      if (known === undefined) {
        known = probe ? probe(cp) : false;
        coverage.set(cp, known);
      }
      return known;
    };
  }

  /**
   * Drops control characters and emoji the font cannot draw; tabs become spaces. Curly quotes in Latin context
   * ("tonight’s", “sold out”) become markers drawn with the font's proportional forms: Noto Sans SC's default
   * quotes are full-width, right for Chinese but gappy in English.
   */
  clean(text: string): string {
    let out = '';
    for (const ch of text.replace(/\t/g, ' ').replace(/\r\n?/g, '\n').replace(controls, '').replace(/[\uE000-\uE003]/g, '')) {
      if (emojiLike.test(ch) && !this.hasGlyph(ch.codePointAt(0) ?? 0)) continue;
      out += ch;
    }
    out = out.replace(/[ \u00A0]{2,}/g, ' ');
    const chars = [...out];
    const neighbour = (from: number, step: number): string => {
      for (let i = from + step; i >= 0 && i < chars.length; i += step) {
        const c = chars[i] ?? '';
        if (c !== ' ' && !curlyQuotes.includes(c)) return c;
      }
      return '';
    };
    return chars
      .map((ch, i) => {
        const q = curlyQuotes.indexOf(ch);
        if (q < 0 || cjkChar.test(neighbour(i, -1)) || cjkChar.test(neighbour(i, 1))) return ch;
        return String.fromCharCode(0xe000 + q);
      })
      .join('');
  }

  /** The pieces of a line: plain text, and Latin-context quotes drawn with the `pwid` feature. */
  runs(text: string): { text: string; proportional: boolean }[] {
    if (!quoteMarker.test(text)) return [{ text, proportional: false }];
    return text
      .split(/([\uE000-\uE003])/)
      .filter(Boolean)
      .map((part) => {
        const code = part.charCodeAt(0);
        return part.length === 1 && code >= 0xe000 && code <= 0xe003
          ? { text: curlyQuotes[code - 0xe000] ?? part, proportional: true }
          : { text: part, proportional: false };
      });
  }

  private plainWidth(text: string, style: TextStyle, proportional: boolean): number {
    const key = `${style.font}|${style.size}|${proportional ? 'p' : ''}|${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.doc.font(style.font).fontSize(style.size).widthOfString(text, proportional ? { features: ['pwid'] } : {});
      this.widths.set(key, w);
    }
    return w;
  }

  width(text: string, style: TextStyle): number {
    return this.runs(text).reduce((sum, run) => sum + this.plainWidth(run.text, style, run.proportional), 0);
  }

  /** Draws one line of text with its top at y (no wrapping). */
  draw(text: string, style: TextStyle, x: number, y: number): void {
    const { doc } = this;
    doc.font(style.font).fontSize(style.size).fillColor(style.color);
    let cx = x;
    for (const run of this.runs(text)) {
      doc.text(run.text, cx, y, { lineBreak: false, ...(run.proportional ? { features: ['pwid'] } : {}) });
      cx += this.plainWidth(run.text, style, run.proportional);
    }
  }

  /** Splits a paragraph (no newlines) into unbreakable pieces; ' ' pieces are break opportunities. */
  private tokens(paragraph: string): string[] {
    const out: string[] = [];
    let current = '';
    let prev = '';
    for (const ch of paragraph) {
      if (ch === ' ' || ch === '\u3000') {
        if (current) out.push(current);
        current = '';
        if (out.length && out[out.length - 1] !== ' ') out.push(' ');
        prev = ' ';
        continue;
      }
      const breakable =
        current !== '' &&
        !noBreakBefore.test(ch) &&
        !noBreakAfter.test(prev) &&
        (cjkChar.test(ch) || cjkChar.test(prev) || prev === '—' || prev === '/' || (prev === '-' && current.length > 2));
      if (breakable) {
        out.push(current);
        current = ch;
      } else {
        current += ch;
      }
      prev = ch;
    }
    if (current) out.push(current);
    return out;
  }

  /** Wraps text into lines no wider than `width` (hard newlines kept). */
  wrap(text: string, style: TextStyle, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of this.clean(text).split('\n')) {
      const trimmed = paragraph.trim();
      if (!trimmed) continue;
      let line = '';
      let lineW = 0;
      let pendingSpace = false;
      const spaceW = this.width(' ', style);
      const pushPiece = (piece: string) => {
        const w = this.width(piece, style);
        const extra = line && pendingSpace ? spaceW : 0;
        if (line && lineW + extra + w > width) {
          lines.push(line);
          line = '';
          lineW = 0;
        } else if (extra) {
          line += ' ';
          lineW += extra;
        }
        pendingSpace = false;
        if (!line && w > width) {
          // A word longer than the column: break it between characters.
          for (const ch of piece) {
            const cw = this.width(ch, style);
            if (line && lineW + cw > width) {
              lines.push(line);
              line = '';
              lineW = 0;
            }
            line += ch;
            lineW += cw;
          }
          return;
        }
        line += piece;
        lineW += w;
      };
      for (const token of this.tokens(trimmed)) {
        if (token === ' ') pendingSpace = true;
        else pushPiece(token);
      }
      if (line) lines.push(line);
    }
    return lines;
  }
}

// ---------------------------------------------------------------------------------------------
// Layout model: a band is a horizontal strip of columns, each a list of lines
// ---------------------------------------------------------------------------------------------

export interface Line {
  text: string;
  /** An image drawn instead of text (a data: URL pdfkit opened), `imageH` tall and at most `imageW` wide. */
  image?: string;
  imageW?: number;
  imageH?: number;
  style: TextStyle;
  height: number;
  /** Indent from the column's content x. */
  dx: number;
  /** Drawn at the column's content x, left of an indented line (a bullet). */
  marker?: string;
  /** Where the marker is drawn, from the column's content x (default 0). */
  markerDx?: number;
  align: 'left' | 'right';
}

export interface Column {
  x: number;
  width: number;
  lines: Line[];
}

export interface Band {
  columns: Column[];
  padTop: number;
  padBottom: number;
  fill?: string;
  /** Detail strip: a tinted box from `detailX` to the right edge, with an accent bar (crew colours by default). */
  detailX?: number;
  detailColors?: { fill: string; bar: string };
  header?: boolean;
}

export const contentHeight = (col: Column) => col.lines.reduce((sum, l) => sum + l.height, 0);
export const bandHeight = (band: Band) => band.padTop + Math.max(0, ...band.columns.map(contentHeight)) + band.padBottom;

export class CellWriter {
  readonly lines: Line[] = [];
  constructor(
    private readonly kit: TextKit,
    private readonly innerWidth: number,
    private readonly align: 'left' | 'right' = 'left',
  ) {}

  text(text: string, style: TextStyle, options: { indent?: number; marker?: string; markerAt?: number; gapBefore?: number } = {}): this {
    const indent = options.indent ?? 0;
    const wrapped = this.kit.wrap(text, style, this.innerWidth - indent);
    if (wrapped.length && options.gapBefore) this.gap(options.gapBefore);
    wrapped.forEach((t, i) => {
      this.lines.push({
        text: t,
        style,
        height: lineHeight(style),
        dx: indent,
        align: this.align,
        ...(i === 0 && options.marker ? { marker: options.marker, ...(options.markerAt ? { markerDx: options.markerAt } : {}) } : {}),
      });
    });
    return this;
  }

  gap(height: number): this {
    if (height > 0) this.lines.push({ text: '', style: S.body, height, dx: 0, align: 'left' });
    return this;
  }

  /** An image (a data: URL the document has opened, see `PdfTableWriter.usableImage`) as one line, `size` square. */
  image(dataUrl: string, size: number, gapAfter = 2): this {
    this.lines.push({ text: '', image: dataUrl, imageW: Math.min(size, this.innerWidth), imageH: size, style: S.body, height: size + gapAfter, dx: 0, align: 'left' });
    return this;
  }

  /**
   * An image at the left with lines beside it: `beside` writes its lines indented past the image; the block is
   * at least as tall as the image. (The image line itself takes no height, so it and its text stay together.)
   */
  imageBeside(dataUrl: string, size: number, beside: (indent: number) => void): this {
    const before = this.height;
    this.lines.push({ text: '', image: dataUrl, imageW: size, imageH: size, style: S.body, height: 0, dx: 0, align: 'left' });
    beside(size + 5);
    this.gap(size + 1 - (this.height - before));
    return this;
  }

  get height(): number {
    return this.lines.reduce((sum, l) => sum + l.height, 0);
  }
}


// ---------------------------------------------------------------------------------------------
// A table document: title block, table with a repeated header, rows of bands, footers
// ---------------------------------------------------------------------------------------------

export interface TableColumnSpec<K extends string = string> {
  key: K;
  heading: string;
  numeric: boolean;
  x: number;
  width: number;
}

export interface Fact {
  label: string;
  value: string;
  detail?: string;
}

/**
 * Columns left to right across the content width: fixed widths as given, the width left over shared by the
 * flexible columns in proportion to their share; any other column gets 40pt.
 */
export function layoutColumns<K extends string, D extends { key: K }>(
  defs: readonly D[],
  fixed: Partial<Record<K, number>>,
  flexShares: Partial<Record<K, number>>,
): (D & { x: number; width: number })[] {
  const flex = CONTENT_W - defs.reduce((sum, d) => sum + (fixed[d.key] ?? 0), 0);
  let x = MARGIN_X;
  return defs.map((d) => {
    const share = flexShares[d.key];
    const width = fixed[d.key] ?? (share !== undefined ? flex * share : 40);
    const column = { ...d, x, width };
    x += width;
    return column;
  });
}

/** "—" for an empty cell. */
export const dash = (w: CellWriter): CellWriter => w.text('—', S.dash);

/** One table row's cells, filled column by column (in any order), then laid out as a band in column order. */
export class RowCells<K extends string> {
  private readonly cells = new Map<K, CellWriter>();
  constructor(
    private readonly columns: readonly TableColumnSpec<K>[],
    private readonly writer: (key: K) => CellWriter,
  ) {}

  put(key: K, fill: (w: CellWriter) => void): this {
    const w = this.writer(key);
    fill(w);
    this.cells.set(key, w);
    return this;
  }

  band(fill?: string): Band {
    return {
      padTop: 4,
      padBottom: 4,
      ...(fill ? { fill } : {}),
      columns: this.columns.map((column) => ({ x: column.x, width: column.width, lines: this.cells.get(column.key)?.lines ?? [] })),
    };
  }
}

/** Where the running header on pages after the first ends. */
const RUNNING_HEADER_BOTTOM = TOP + 20;

/**
 * Lays out a landscape table document page by page. Subclasses draw their first-page header and rows; this
 * class owns the page flow: a row moves whole to the next page when it fits on an empty one, otherwise it
 * splits line by line ("cont."), and every new page gets the running header and the table header.
 */
export abstract class PdfTableWriter<K extends string, Col extends TableColumnSpec<K> = TableColumnSpec<K>> {
  protected readonly kit: TextKit;
  protected readonly headerBand: Band;
  protected y = TOP;
  protected pageHasRows = false;

  private readonly images = new Map<string, boolean>();

  constructor(
    protected readonly doc: PDFKit.PDFDocument,
    fontKey: string,
    protected readonly columns: Col[],
    protected readonly language: ExportLanguage = 'en',
  ) {
    this.kit = new TextKit(doc, fontKey);
    this.headerBand = this.buildTableHeader();
    this.bottomAlignHeader();
  }

  /** The header on every page after the first; leaves `y` where the table continues. */
  protected abstract drawRunningHeader(): void;

  protected column(key: K): Col {
    const column = this.columns.find((c) => c.key === key);
    if (!column) throw new Error(`PDF table: no ${key} column`);
    return column;
  }

  private writerFor(column: Col): CellWriter {
    return new CellWriter(this.kit, column.width - 2 * CELL_PAD_X, column.numeric ? 'right' : 'left');
  }

  /** A writer for a cell of that column (right-aligned when numeric). */
  protected writer(key: K): CellWriter {
    return this.writerFor(this.column(key));
  }

  /** A new row's cells; `.band(fill)` lays them out. */
  protected row(): RowCells<K> {
    return new RowCells(this.columns, (key) => this.writer(key));
  }

  // ----- drawing primitives ---------------------------------------------------------------------

  /**
   * The data: URL when pdfkit can draw it (PNG or JPEG that decodes), else undefined: an image that cannot be
   * drawn is left out rather than failing the whole file. Each image is embedded once per document.
   */
  protected usableImage(dataUrl: string | undefined): string | undefined {
    if (!dataUrl || !/^data:image\/(?:png|jpeg);base64,/.test(dataUrl)) return undefined;
    let ok = this.images.get(dataUrl);
    if (ok === undefined) {
      try {
        (this.doc as unknown as { openImage(src: string): unknown }).openImage(dataUrl);
        ok = true;
      } catch {
        ok = false;
      }
      this.images.set(dataUrl, ok);
    }
    return ok ? dataUrl : undefined;
  }

  protected drawLine(line: Line, x: number, width: number, y: number): void {
    if (line.image) {
      const w = line.imageW ?? width;
      const h = line.imageH ?? line.height - 2;
      this.doc.image(line.image, x + line.dx, y, { fit: [w, h] });
      return;
    }
    if (!line.text) return;
    const ty = y - line.style.size * BASELINE_LIFT;
    if (line.marker) this.kit.draw(line.marker, line.style, x + (line.markerDx ?? 0), ty);
    const tx = line.align === 'right' ? x + width - this.kit.width(line.text, line.style) : x + line.dx;
    this.kit.draw(line.text, line.style, tx, ty);
  }

  /** Draws lines one under another from y; returns the y below them. */
  protected drawLines(lines: readonly Line[], x: number, width: number, y: number): number {
    let ly = y;
    for (const line of lines) {
      this.drawLine(line, x, width, ly);
      ly += line.height;
    }
    return ly;
  }

  protected drawBand(band: Band, y: number): number {
    const { doc } = this;
    const height = bandHeight(band);
    if (band.fill) doc.rect(MARGIN_X, y, CONTENT_W, height).fill(band.fill);
    if (band.detailX !== undefined) {
      const colors = band.detailColors ?? { fill: C.crewFill, bar: C.crew };
      doc.rect(band.detailX, y, MARGIN_X + CONTENT_W - band.detailX, height - 3).fill(colors.fill);
      doc.rect(band.detailX, y, 2, height - 3).fill(colors.bar);
    }
    for (const column of band.columns) this.drawLines(column.lines, column.x + CELL_PAD_X, column.width - 2 * CELL_PAD_X, y + band.padTop);
    return height;
  }

  protected rule(y: number, color: string = C.rule, width = 0.6): void {
    this.doc.moveTo(MARGIN_X, y).lineTo(MARGIN_X + CONTENT_W, y).lineWidth(width).strokeColor(color).stroke();
  }

  // ----- page furniture -------------------------------------------------------------------------

  /**
   * Badge and meta line at the top right (and a stamp under them, e.g. DRAFT / APPROVED), the logo, brand and
   * title at the left, an accent rule; returns y below.
   */
  protected drawTitleBlock(opts: { badge: string; badgeColor: string; meta: string; brand: string; title: string; logo?: string; stamp?: { text: string; color: string } }): number {
    const { doc, kit } = this;
    const badgeText = opts.badge.toUpperCase();
    const badgeStyle: TextStyle = { font: B, size: 7.2, color: C.white };
    const badgeW = kit.width(badgeText, badgeStyle) + 16;
    const badgeX = MARGIN_X + CONTENT_W - badgeW;
    doc.roundedRect(badgeX, TOP, badgeW, 15, 2).fill(opts.badgeColor);
    this.drawLine({ text: badgeText, style: badgeStyle, height: 15, dx: 0, align: 'left' }, badgeX + 8, badgeW, TOP + 3.2);
    const metaW = kit.width(opts.meta, S.small);
    this.drawLine({ text: opts.meta, style: S.small, height: 9, dx: 0, align: 'left' }, MARGIN_X + CONTENT_W - metaW, metaW, TOP + 19);

    let rightBottom = TOP + 30;
    let stampW = 0;
    if (opts.stamp) {
      const stampStyle: TextStyle = { font: B, size: 8.5, color: opts.stamp.color };
      const stampText = opts.stamp.text.toUpperCase();
      stampW = kit.width(stampText, stampStyle) + 14;
      const sx = MARGIN_X + CONTENT_W - stampW;
      doc.roundedRect(sx, TOP + 31, stampW, 15, 2).lineWidth(1.2).strokeColor(opts.stamp.color).stroke();
      this.drawLine({ text: stampText, style: stampStyle, height: 15, dx: 0, align: 'left' }, sx + 7, stampW, TOP + 33.5);
      rightBottom = TOP + 48;
    }

    const logo = this.usableImage(opts.logo);
    const logoSize = 40;
    const leftX = logo ? MARGIN_X + logoSize + 10 : MARGIN_X;
    if (logo) doc.image(logo, MARGIN_X, TOP - 1, { fit: [logoSize, logoSize], align: 'center', valign: 'center' });
    const leftW = CONTENT_W - Math.max(badgeW, metaW, stampW) - 24 - (leftX - MARGIN_X);
    const brand = new CellWriter(kit, leftW).text(opts.brand || '—', { font: B, size: 11, color: C.accent });
    const title = new CellWriter(kit, leftW).text(opts.title, { font: B, size: 17, color: C.strong, leading: 1.28 });
    let y = this.drawLines([...brand.lines, ...title.lines], leftX, leftW, TOP - 1);
    y = Math.max(y + 4, TOP + 34, rightBottom + 2, logo ? TOP + logoSize + 3 : 0);
    this.rule(y, C.accent, 1.4);
    return y + 9;
  }

  /** Facts as a 4-column grid (label, value, optional detail); returns y below. */
  protected drawFacts(facts: readonly Fact[], top: number): number {
    const { kit } = this;
    let y = top;
    const gap = 16;
    const perRow = 4;
    const factW = (CONTENT_W - gap * (perRow - 1)) / perRow;
    for (let i = 0; i < facts.length; i += perRow) {
      const cells = facts.slice(i, i + perRow).map((fact) => {
        const w = new CellWriter(kit, factW);
        w.text(fact.label.toUpperCase(), { font: B, size: 6.2, color: C.muted });
        w.text(fact.value, { font: B, size: 8.6, color: C.strong });
        if (fact.detail) w.text(fact.detail, S.small);
        return w;
      });
      cells.forEach((cell, j) => this.drawLines(cell.lines, MARGIN_X + j * (factW + gap), factW, y));
      y += Math.max(...cells.map((c) => c.height)) + 7;
    }
    return y;
  }

  /** A tinted box with an accent bar at the left (a warning); returns y below. */
  protected drawCallout(text: string, top: number, colors: { ink: string; fill: string; line: string } = { ink: C.deal, fill: C.warnFill, line: C.warnLine }): number {
    const { doc } = this;
    const w = new CellWriter(this.kit, CONTENT_W - 20).text(text, { font: B, size: 8.2, color: colors.ink });
    const h = w.height + 10;
    doc.rect(MARGIN_X, top, CONTENT_W, h).fill(colors.fill);
    doc.rect(MARGIN_X, top, CONTENT_W, h).lineWidth(0.6).strokeColor(colors.line).stroke();
    doc.rect(MARGIN_X, top, 3, h).fill(colors.ink);
    this.drawLines(w.lines, MARGIN_X + 12, CONTENT_W - 20, top + 5);
    return top + h + 8;
  }

  /** The running header's text: `left` in accent bold (cut to one line), `right` small at the right. */
  protected drawRunningHeaderText(left: string, right: string): void {
    const { kit } = this;
    const rightW = kit.width(right, S.small);
    const leftLine = new CellWriter(kit, CONTENT_W - rightW - 20).text(left, { font: B, size: 8, color: C.accent }).lines[0];
    if (leftLine) this.drawLine(leftLine, MARGIN_X, CONTENT_W - rightW - 20, TOP);
    this.drawLine({ text: right, style: S.small, height: 9, dx: 0, align: 'left' }, MARGIN_X + CONTENT_W - rightW, rightW, TOP + 1.5);
    this.rule(TOP + 14, C.accent, 0.8);
    this.y = RUNNING_HEADER_BOTTOM;
  }

  protected drawTableHeader(): void {
    this.y += this.drawBand(this.headerBand, this.y);
  }

  protected newPage(withTableHeader = true): void {
    this.doc.addPage();
    this.drawRunningHeader();
    if (withTableHeader) this.drawTableHeader();
    this.pageHasRows = false;
  }

  /** On every page: a rule, `left` (one line) and "Page N of M". Call once, after everything is drawn. */
  protected drawFooters(left: string): void {
    const { doc, kit } = this;
    const range = doc.bufferedPageRange();
    const total = range.count;
    const footer: TextStyle = { font: R, size: 6.6, color: C.muted };
    for (let i = 0; i < total; i++) {
      doc.switchToPage(range.start + i);
      const pageLabel = exportText(this.language, 'page.of', { page: i + 1, total });
      const labelW = kit.width(pageLabel, { ...footer, font: B });
      doc.moveTo(MARGIN_X, FOOTER_Y - 5).lineTo(MARGIN_X + CONTENT_W, FOOTER_Y - 5).lineWidth(0.5).strokeColor(C.rule).stroke();
      const leftLine = new CellWriter(kit, CONTENT_W - labelW - 30).text(left, footer).lines[0];
      if (leftLine) this.drawLine(leftLine, MARGIN_X, CONTENT_W - labelW - 30, FOOTER_Y);
      this.drawLine({ text: pageLabel, style: { ...footer, font: B, color: C.ink }, height: 9, dx: 0, align: 'left' }, MARGIN_X + CONTENT_W - labelW, labelW, FOOTER_Y);
    }
  }

  // ----- table ----------------------------------------------------------------------------------

  private buildTableHeader(): Band {
    return {
      header: true,
      fill: C.accent,
      padTop: 5,
      padBottom: 4,
      columns: this.columns.map((column) => {
        const w = this.writerFor(column);
        for (const part of column.heading.split('\n')) w.text(part, S.th);
        return { x: column.x, width: column.width, lines: w.lines };
      }),
    };
  }

  /** Bottom-align headings: pad short ones at the top. */
  private bottomAlignHeader(): void {
    const max = Math.max(...this.headerBand.columns.map(contentHeight));
    for (const column of this.headerBand.columns) {
      const missing = max - contentHeight(column);
      if (missing > 0) column.lines.unshift({ text: '', style: S.th, height: missing, dx: 0, align: 'left' });
    }
  }

  /** Splits a band so its head fits in `avail`; head null when not even one line fits. */
  private splitBand(band: Band, avail: number): [Band | null, Band | null] {
    const inner = avail - band.padTop - band.padBottom;
    const cut = band.columns.map((column) => {
      let h = 0;
      let i = 0;
      while (i < column.lines.length && h + (column.lines[i]?.height ?? 0) <= inner) h += column.lines[i++]?.height ?? 0;
      return i;
    });
    if (cut.every((n) => n === 0)) return [null, band];
    const head: Band = { ...band, columns: band.columns.map((c, i) => ({ ...c, lines: c.lines.slice(0, cut[i]) })) };
    const rest = band.columns.map((c, i) => ({ ...c, lines: c.lines.slice(cut[i]) }));
    if (rest.every((c) => c.lines.length === 0)) return [band, null];
    // Drop leading spacers on the continuation; mark it so a reader knows it goes on from the last page.
    for (const c of rest) while (c.lines[0] && !c.lines[0].text) c.lines.shift();
    const first = rest[0];
    if (first) first.lines.unshift({ text: exportText(this.language, 'seg.cont'), style: S.cont, height: lineHeight(S.cont), dx: 0, align: 'left' });
    return [head, { ...band, columns: rest }];
  }

  /**
   * Places one table row (its bands, drawn one under another) and rules it off. The row moves whole to a new
   * page when it does not fit here but fits on an empty page; otherwise its bands split line by line.
   */
  protected placeRow(bands: readonly Band[]): void {
    const total = bands.reduce((sum, b) => sum + bandHeight(b), 0);
    const pageCapacity = BODY_BOTTOM - (RUNNING_HEADER_BOTTOM + bandHeight(this.headerBand));
    if (this.y + total > BODY_BOTTOM && this.pageHasRows && total <= pageCapacity) this.newPage();
    for (let band of bands) {
      for (;;) {
        if (this.y + bandHeight(band) <= BODY_BOTTOM) {
          this.y += this.drawBand(band, this.y);
          this.pageHasRows = true;
          break;
        }
        const [head, tail] = this.splitBand(band, BODY_BOTTOM - this.y);
        if (head) {
          this.y += this.drawBand(head, this.y);
          this.pageHasRows = true;
        } else if (!this.pageHasRows) {
          // Not even one line fits on an empty page: draw it anyway rather than loop forever.
          this.y += this.drawBand(band, this.y);
          break;
        }
        if (!tail) break;
        this.newPage();
        band = tail;
      }
    }
    this.rule(this.y);
  }

  /** A full-width muted line in the table, for an empty table. */
  protected drawEmptyTable(text: string): void {
    const w = new CellWriter(this.kit, CONTENT_W).text(text, { ...S.body, color: C.muted });
    this.y += this.drawBand({ padTop: 8, padBottom: 8, columns: [{ x: MARGIN_X, width: CONTENT_W, lines: w.lines }] }, this.y);
    this.rule(this.y);
  }

  /**
   * Lines after the table (totals, notes): kept together on a new page (without the table header) when they do
   * not fit here but fit there; longer text flows on line by line.
   */
  protected drawAfterTable(writer: CellWriter, gapBefore = 6): void {
    const bottom = FOOTER_Y - 10;
    if (this.y + gapBefore + writer.height > bottom && RUNNING_HEADER_BOTTOM + gapBefore + writer.height <= bottom) this.newPage(false);
    let y = this.y + gapBefore;
    for (const line of writer.lines) {
      if (y + line.height > bottom && y > RUNNING_HEADER_BOTTOM) {
        this.newPage(false);
        y = this.y;
      }
      this.drawLine(line, MARGIN_X, CONTENT_W, y);
      y += line.height;
    }
    this.y = y;
  }
}

// ---------------------------------------------------------------------------------------------
// Document
// ---------------------------------------------------------------------------------------------

export interface PdfInfo {
  Title: string;
  Subject: string;
  /** Creation and modification date: from the content, so the same content gives the same bytes. */
  created: Date;
}

/** Creates an A4 landscape document with the fonts registered, lets `draw` fill it and resolves with its bytes. */
export async function createPdf(info: PdfInfo, fonts: PdfFonts | undefined, draw: (doc: PDFKit.PDFDocument, fontKey: string) => void): Promise<Buffer> {
  const { regular, bold, regularPath } = fonts ?? (await loadPdfFonts());
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    bufferPages: true,
    displayTitle: true,
    info: {
      Title: info.Title,
      Author: 'KOL Studio',
      Subject: info.Subject,
      Creator: 'KOL Studio',
      CreationDate: info.created,
      ModDate: info.created,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    doc.registerFont(R, regular);
    doc.registerFont(B, bold);
    draw(doc, regularPath);
  } finally {
    doc.end();
  }
  return done;
}
