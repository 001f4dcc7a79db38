/**
 * Run-sheet as ONE self-contained HTML file (what a brand opens from disk, and what the renderer's Print
 * button prints). Also the home of the run-sheet's display formatting (money, lengths, header facts, column
 * headings), so the PDF, CSV and HTML writers say exactly the same thing.
 *
 * Invariants of the HTML:
 * - no scripts, no external requests: styles in one <style>, images only as data: URLs, and a strict CSP
 *   (`default-src 'none'; style-src 'unsafe-inline'; img-src data:`) so even a hostile title cannot load or run
 *   anything;
 * - every piece of text goes through `escapeHtml` (& < > " ');
 * - the brand view never shows crew fields, even if a caller left them on the rows;
 * - print CSS: A4 landscape, the table header repeats on every page, a segment is not split across pages;
 * - fonts are the reader's system fonts: Latin UI fonts first (so English quotes and apostrophes are not drawn
 *   full-width by a CJK font), then "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei" for Chinese;
 * - the table holds only the header row and the segment rows (plus one crew-detail row per segment in the
 *   crew view), so `getByRole('row')` counts segments.
 *
 * Pure TypeScript: no DOM, no Node.
 */
import type { Money } from '../domain/entities';
import { formatMoney } from '../domain/money';
import type { RunSheet, RunSheetRow, RunSheetView } from '../domain/runsheet';
import { clockTime, localDate, zoneAbbreviation } from '../domain/timing';

// ---------------------------------------------------------------------------------------------
// Shared display formatting (used by the PDF and CSV writers too)
// ---------------------------------------------------------------------------------------------

/** Money as a run-sheet shows it: Chinese yuan as "¥169.00" (zh-CN), everything else in en-US ("$12.00"). */
export function formatSheetMoney(money: Money): string {
  return formatMoney(money, money.currency === 'CNY' ? 'zh-CN' : 'en-US');
}

/** A length for people: "4 min", "4 min 30 s", "1 h", "1 h 5 min", "45 s". */
export function formatLength(totalSec: number): string {
  const sec = Math.max(0, Math.round(totalSec));
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  if (h > 0) return `${h} h${m ? ` ${m} min` : ''}${s ? ` ${s} s` : ''}`;
  if (m > 0) return `${m} min${s ? ` ${s} s` : ''}`;
  return `${s} s`;
}

/** A countdown as the on-screen timer shows it: 300 → "5:00". */
export function formatCountdown(sec: number): string {
  const whole = Math.max(0, Math.round(sec));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** Plain integers with grouping ("1,500"). */
export function formatCount(n: number): string {
  return new Intl.NumberFormat('en-US').format(n);
}

/** "2026-11-29" → "2026-11-29 (Sun)". */
export function formatSheetDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))),
  );
  return `${date} (${weekday})`;
}

/** "Asia/Shanghai" → "Shanghai", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

export function viewTitle(view: RunSheetView): string {
  return view === 'crew' ? 'Crew run-sheet' : 'Brand run-sheet';
}

/** Short zone name of the viewer's zone at the show's start, e.g. "GMT"; undefined when there is none. */
export function viewerZoneLabel(sheet: RunSheet): string | undefined {
  return sheet.viewerZone ? zoneAbbreviation(sheet.startAt, sheet.viewerZone) : undefined;
}

function timeRange(sheet: RunSheet, zone: string, label: string): string {
  const startDate = localDate(sheet.startAt, zone);
  const endDate = localDate(sheet.endAt, zone);
  const nextDay = endDate !== startDate ? ' (+1 day)' : '';
  return `${clockTime(sheet.startAt, zone)}–${clockTime(sheet.endAt, zone)}${nextDay} ${label}`;
}

export interface SheetFact {
  label: string;
  value: string;
  /** Secondary line, e.g. the zone's name. */
  detail?: string;
}

/** The header facts of a run-sheet, in display order. */
export function runSheetFacts(sheet: RunSheet): SheetFact[] {
  const facts: SheetFact[] = [
    { label: 'Date', value: formatSheetDate(sheet.date) },
    { label: 'Show time', value: timeRange(sheet, sheet.zone, sheet.zoneLabel), detail: `${zoneCity(sheet.zone)} time (${sheet.zone})` },
  ];
  const viewerLabel = viewerZoneLabel(sheet);
  if (sheet.viewerZone && viewerLabel) {
    const viewerDate = localDate(sheet.startAt, sheet.viewerZone);
    const dayNote = viewerDate !== sheet.date ? `, ${formatSheetDate(viewerDate)}` : '';
    facts.push({ label: `${zoneCity(sheet.viewerZone)} time`, value: timeRange(sheet, sheet.viewerZone, viewerLabel), detail: `${sheet.viewerZone}${dayNote}` });
  }
  facts.push({ label: 'Platforms', value: sheet.platforms.join(', ') || '—' });
  facts.push({ label: sheet.hostNames.length === 1 ? 'Host' : 'Hosts', value: sheet.hostNames.join(', ') || '—' });
  if (sheet.campaignName) facts.push({ label: 'Campaign', value: sheet.campaignName });
  facts.push({ label: 'Planned length', value: runSheetLength(sheet).short });
  return facts;
}

export interface SheetLength {
  /** "58 min of 60 min target". */
  short: string;
  /** "Total planned: 58 min · target 60 min · 2 min to spare". */
  line: string;
  /** Set when the plan runs over its target. */
  warning?: string;
}

export function runSheetLength(sheet: RunSheet): SheetLength {
  const total = formatLength(sheet.totalSec);
  if (sheet.targetDurationSec <= 0) return { short: `${total} (no target)`, line: `Total planned: ${total} · no target length set` };
  const target = formatLength(sheet.targetDurationSec);
  const short = `${total} of ${target} target`;
  if (sheet.overTargetSec > 0) {
    const over = formatLength(sheet.overTargetSec);
    return {
      short,
      line: `Total planned: ${total} · target ${target} · ${over} over`,
      warning: `Over target by ${over}: ${total} planned against a ${target} target. Trim segments before the show.`,
    };
  }
  const spare = sheet.targetDurationSec - sheet.totalSec;
  return { short, line: `Total planned: ${total} · target ${target} · ${spare > 0 ? `${formatLength(spare)} to spare` : 'on target'}` };
}

/** What the Disclosure column shows for a row: the label, a flag when sponsored without one, or a dash. */
export function disclosureText(row: RunSheetRow): { text: string; missing: boolean } {
  if (!row.sponsored) return { text: '—', missing: false };
  if (row.disclosureLabel) return { text: row.disclosureLabel, missing: false };
  return { text: 'Sponsored: no label', missing: true };
}

export type SheetColumnKey = 'index' | 'time' | 'segment' | 'products' | 'listPrice' | 'dealPrice' | 'code' | 'stockCap' | 'limit' | 'countdown' | 'disclosure';

export interface SheetColumn {
  key: SheetColumnKey;
  /** Heading; `\n` separates the lines the PDF uses. */
  heading: string;
  numeric: boolean;
}

/** The schedule table's columns, the same in the PDF and the HTML. */
export function runSheetColumns(sheet: RunSheet): SheetColumn[] {
  const viewer = viewerZoneLabel(sheet);
  return [
    { key: 'index', heading: '#', numeric: true },
    { key: 'time', heading: `Time\n${sheet.zoneLabel}${viewer ? ` / ${viewer}` : ''}`, numeric: false },
    { key: 'segment', heading: 'Segment', numeric: false },
    { key: 'products', heading: 'Products (SKU)', numeric: false },
    { key: 'listPrice', heading: 'List\nprice', numeric: true },
    { key: 'dealPrice', heading: 'Deal\nprice', numeric: true },
    { key: 'code', heading: 'Code', numeric: false },
    { key: 'stockCap', heading: 'Stock\ncap', numeric: true },
    { key: 'limit', heading: 'Per-buyer\nlimit', numeric: true },
    { key: 'countdown', heading: 'Count-\ndown', numeric: true },
    { key: 'disclosure', heading: 'Disclosure', numeric: false },
  ];
}

/** Crew fields of a row, or undefined in the brand view whatever the row carries. */
export function crewFieldsFor(sheet: RunSheet, row: RunSheetRow): RunSheetRow['crew'] {
  return sheet.view === 'crew' ? row.crew : undefined;
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);
}

const safeImage = /^data:image\/(?:png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

const CSS = `
*{box-sizing:border-box}
html{color-scheme:light}
body{margin:0;background:#eef1f5;color:#1f2937;font:13px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Source Han Sans SC",sans-serif,"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji";-webkit-print-color-adjust:exact;print-color-adjust:exact}
.sheet{max-width:1400px;margin:24px auto;background:#fff;padding:28px 32px 20px;border-radius:6px;box-shadow:0 1px 3px rgba(15,23,42,.12)}
.top{display:flex;justify-content:space-between;align-items:flex-start;gap:24px;border-bottom:2px solid #1e3a5f;padding-bottom:12px}
.brand{margin:0;color:#1e3a5f;font-size:15px;font-weight:700;letter-spacing:.02em}
h1{margin:2px 0 0;font-size:24px;line-height:1.25;font-weight:700;color:#111827}
.badge{flex:none;text-align:right;font-size:11px;color:#6b7280}
.badge strong{display:inline-block;background:#1e3a5f;color:#fff;border-radius:3px;padding:3px 9px;font-size:11px;letter-spacing:.06em;text-transform:uppercase;margin-bottom:4px}
.badge.crew strong{background:#b45309}
.facts{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:10px 24px;margin:14px 0 0;padding:0}
.facts div{min-width:0}
.facts dt{font-size:10px;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:#6b7280}
.facts dd{margin:1px 0 0;font-weight:600;overflow-wrap:anywhere}
.facts dd small{display:block;font-weight:400;color:#6b7280;font-size:11px}
.warning{margin:14px 0 0;padding:8px 12px;border:1px solid #f3b4ae;border-left:4px solid #b42318;background:#fef3f2;color:#912018;font-weight:600;border-radius:3px}
table{width:100%;border-collapse:collapse;margin-top:18px;font-size:12px}
caption{caption-side:top;text-align:left;font-size:11px;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:#6b7280;padding-bottom:6px}
thead th{background:#1e3a5f;color:#fff;font-weight:700;font-size:11px;line-height:1.25;text-align:left;vertical-align:bottom;padding:7px 6px;white-space:pre-line}
th.num,td.num{text-align:right}
td{padding:7px 6px;vertical-align:top;border-bottom:1px solid #d8dee6;overflow-wrap:anywhere}
tbody.segment:nth-of-type(even) td{background:#f6f8fb}
td.idx{color:#6b7280;font-weight:700}
.clock{font-weight:700;font-variant-numeric:tabular-nums}
.sub{display:block;color:#6b7280;font-size:.917em}
.kind{display:block;color:#1e3a5f;font-size:10px;font-weight:700;letter-spacing:.06em;text-transform:uppercase}
.title{font-weight:700}
.product,.lp{display:flex;gap:6px;align-items:flex-start;min-height:2.8em}
.lp{display:block}
.product+.product,.lp+.lp{margin-top:.4em}
.product img{width:28px;height:28px;object-fit:cover;border-radius:3px;border:1px solid #d8dee6;flex:none}
.deal{font-weight:700;color:#b42318}
.off{display:block;font-size:11px;color:#b42318}
.code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-weight:700;font-size:11.5px}
.muted{color:#9ca3af}
.flag{color:#b42318;font-weight:700}
tr.crew td{background:#fff8eb!important;border-bottom:1px solid #d8dee6}
.crew-grid{display:grid;grid-template-columns:minmax(140px,1fr) minmax(0,2fr) minmax(0,2fr);gap:10px 22px;border-left:3px solid #b45309;padding:2px 0 2px 10px}
.crew-grid h3{margin:0 0 2px;font-size:10px;letter-spacing:.08em;text-transform:uppercase;color:#92400e}
.crew-grid p{margin:0 0 6px;white-space:pre-line}
.crew-grid ul{margin:0 0 6px;padding-left:16px}
.total{margin:10px 6px 0;font-weight:700;color:#374151}
.total.over{color:#b42318}
.foot{display:flex;justify-content:space-between;margin-top:18px;padding-top:8px;border-top:1px solid #d8dee6;color:#6b7280;font-size:11px}
@page{size:A4 landscape;margin:11mm 10mm}
@media print{
body{background:#fff;font-size:10.5px}
.sheet{margin:0;max-width:none;padding:0;box-shadow:none;border-radius:0}
h1{font-size:19px}
table{font-size:9.5px}
thead{display:table-header-group}
thead th{font-size:9px;padding:5px 4px}
td{padding:5px 4px}
tbody.segment,tr{break-inside:avoid;page-break-inside:avoid}
.top,.facts,.warning,.total{break-inside:avoid}
}
`.trim();

function cell(content: string, className?: string): string {
  return `<td${className ? ` class="${className}"` : ''}>${content}</td>`;
}

const dash = '<span class="muted">—</span>';

function rowHtml(sheet: RunSheet, row: RunSheetRow, columnCount: number): string {
  const e = escapeHtml;
  const time = `<span class="clock">${e(row.clock)}</span>${row.viewerClock ? `<span class="sub">${e(row.viewerClock)}</span>` : ''}`;
  const segment = `<span class="kind">${e(row.kind)} · ${e(formatLength(row.plannedSec))}</span><span class="title">${e(row.title)}</span>`;
  const products = row.products.length
    ? row.products
        .map((p) => {
          const img = p.imageDataUrl && safeImage.test(p.imageDataUrl) ? `<img src="${e(p.imageDataUrl)}" alt="">` : '';
          return `<div class="product">${img}<div>${e(p.name)}<span class="sub">SKU ${e(p.sku)}</span></div></div>`;
        })
        .join('')
    : dash;
  const list = row.products.length ? row.products.map((p) => `<span class="lp">${e(formatSheetMoney(p.listPrice))}</span>`).join('') : dash;
  const d = row.deal;
  const deal = d
    ? `<span class="deal">${e(formatSheetMoney(d.price))}</span>${d.discountPercent > 0 ? `<span class="off">${d.discountPercent}% off</span>` : ''}`
    : dash;
  const disclosure = disclosureText(row);
  const cells = [
    cell(String(row.index), 'num idx'),
    cell(time),
    cell(segment),
    cell(products),
    cell(list, 'num'),
    cell(deal, 'num'),
    cell(d?.code ? `<span class="code">${e(d.code)}</span>` : dash),
    cell(d?.stockCap !== undefined ? e(formatCount(d.stockCap)) : dash, 'num'),
    cell(d?.perBuyerLimit !== undefined ? e(formatCount(d.perBuyerLimit)) : dash, 'num'),
    cell(d?.countdownSec !== undefined ? e(formatCountdown(d.countdownSec)) : dash, 'num'),
    cell(disclosure.missing ? `<span class="flag">${e(disclosure.text)}</span>` : e(disclosure.text)),
  ];
  let html = `<tbody class="segment"><tr class="segment-row" data-index="${row.index}">${cells.join('')}</tr>`;
  const crew = crewFieldsFor(sheet, row);
  if (crew) {
    const list = (items: string[]) => (items.length ? `<ul>${items.map((t) => `<li>${e(t)}</li>`).join('')}</ul>` : `<p>${dash}</p>`);
    const para = (text: string) => `<p>${text.trim() ? e(text) : dash}</p>`;
    html +=
      `<tr class="crew"><td></td><td colspan="${columnCount - 1}"><div class="crew-grid">` +
      `<div><h3>Scene</h3>${para(crew.scene ?? '')}<h3>Overlays</h3>${para(crew.overlays.join(', '))}</div>` +
      `<div><h3>Talking points</h3>${list(crew.talkingPoints)}</div>` +
      `<div><h3>Crew notes</h3>${para(crew.crewNotes)}<h3>Fan-group text</h3>${para(crew.fanGroupText)}</div>` +
      `</div></td></tr>`;
  }
  return `${html}</tbody>`;
}

export function renderRunSheetHtml(sheet: RunSheet): string {
  const e = escapeHtml;
  const columns = runSheetColumns(sheet);
  const length = runSheetLength(sheet);
  const facts = runSheetFacts(sheet)
    .map((f) => `<div><dt>${e(f.label)}</dt><dd>${e(f.value)}${f.detail ? `<small>${e(f.detail)}</small>` : ''}</dd></div>`)
    .join('');
  const head = columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${e(c.heading)}</th>`).join('');
  const body = sheet.rows.map((row) => rowHtml(sheet, row, columns.length)).join('\n');
  const generated = `${sheet.generatedAt.slice(0, 16).replace('T', ' ')} UTC`;
  const docTitle = `${sheet.title} · ${sheet.date} · ${viewTitle(sheet.view)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="KOL Studio">
<title>${e(docTitle)}</title>
<style>${CSS}</style>
</head>
<body>
<main class="sheet">
<header>
<div class="top">
<div>
<p class="brand">${e(sheet.brandName || '—')}</p>
<h1>${e(sheet.title)}</h1>
</div>
<div class="badge${sheet.view === 'crew' ? ' crew' : ''}"><strong>${e(viewTitle(sheet.view))}</strong><br>${e(`${sheet.rows.length} segments`)}</div>
</div>
<dl class="facts">${facts}</dl>
${length.warning ? `<p class="warning" role="alert">${e(length.warning)}</p>` : ''}
</header>
<table aria-label="Run-sheet">
<caption>Run-sheet · ${e(`${sheet.rows.length} segments`)}</caption>
<thead><tr>${head}</tr></thead>
${body}
</table>
<p class="total${length.warning ? ' over' : ''}">${e(length.line)}</p>
<footer class="foot"><span>${e(`${sheet.brandName ? `${sheet.brandName} · ` : ''}${viewTitle(sheet.view)}`)}</span><span>${e(`Generated ${generated} by KOL Studio`)}</span></footer>
</main>
</body>
</html>
`;
}
