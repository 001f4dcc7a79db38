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
 * - on a phone (≤ 760 px, e.g. 390 px in WeChat) each segment is a card (cells stack with their column name)
 *   and nothing is wider than the screen; money, codes and clocks are `white-space:nowrap` spans, so a price
 *   or a code never breaks inside;
 * - written in the sheet's `language` (`<html lang>`, words from export.strings.ts); the brand view (the
 *   直播脚本) shows talking points, selling points, giveaway terms, the version and Draft/Approved mark and a
 *   sign-off block, and never an internal warning (over target, rule checks);
 * - fonts are the reader's system fonts: Latin UI fonts first (so English quotes and apostrophes are not drawn
 *   full-width by a CJK font), then "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei" for Chinese;
 * - the table holds only the header row and the segment rows (plus one crew-detail row per segment in the
 *   crew view), so `getByRole('row')` counts segments (at desktop widths);
 * - role cues: the crew view shows Host / Assistant / Controller columns inside the crew-detail row (labelled
 *   section "Role cues"); the brand view shows the host's cues in the segment cell, never the others.
 *
 * Pure TypeScript: no DOM, no Node.
 */
import type { Money } from '../domain/entities';
import type { CueRole } from '../domain/role-cues';
import type { RunSheet, RunSheetRow, RunSheetView } from '../domain/runsheet';
import { clockTime, localDate, zoneAbbreviation } from '../domain/timing';
import { beatLines, hardStartLine, ladderLines, targetsLine } from './runsheet.beats';
import {
  exportCount,
  exportText,
  formatCountIn,
  formatDateIn,
  formatDiscountIn,
  formatLengthIn,
  formatMoneyIn,
  claimIn,
  giveawayEntryIn,
  targetsIn,
  issueIn,
  overlayIn,
  segmentKindIn,
  type ExportLanguage,
  type ExportT,
  exportTranslator,
} from './export.strings';

// ---------------------------------------------------------------------------------------------
// Shared display formatting (used by the PDF and CSV writers too), in the sheet's language
// ---------------------------------------------------------------------------------------------

/** Money as a run-sheet shows it: Intl in the export language ("CN¥169.00" in English, "¥169.00" in Chinese). */
export function formatSheetMoney(money: Money, lang: ExportLanguage = 'en'): string {
  return formatMoneyIn(lang, money);
}

/** A length for people: "4 min", "4 min 30 s", "1 h", "1 h 5 min", "45 s" (or "4分钟30秒"). */
export function formatLength(totalSec: number, lang: ExportLanguage = 'en'): string {
  return formatLengthIn(lang, totalSec);
}

/** A countdown as the on-screen timer shows it: 300 → "5:00". */
export function formatCountdown(sec: number): string {
  const whole = Math.max(0, Math.round(sec));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** Plain integers with grouping ("1,500"). */
export function formatCount(n: number, lang: ExportLanguage = 'en'): string {
  return formatCountIn(lang, n);
}

/** "2026-11-29" → "2026-11-29 (Sun)" / "2026年11月29日 周日". */
export function formatSheetDate(date: string, lang: ExportLanguage = 'en'): string {
  return formatDateIn(lang, date);
}

/** A deal's discount: "15% off" / "8.5折"; empty when there is none. */
export function formatSheetDiscount(percentOff: number, lang: ExportLanguage = 'en'): string {
  return formatDiscountIn(lang, percentOff);
}

/** "Asia/Shanghai" → "Shanghai", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

const zoneNames = new Map<string, string>();
/**
 * A zone as a reader of the language names it: the city in English ("Shanghai" → "Shanghai time"), Intl's
 * generic name in Chinese ("中国标准时间", "英国时间"); the zone id when Intl has no name for it.
 */
export function zonePlace(zone: string, lang: ExportLanguage = 'en'): string {
  if (lang === 'en') return zoneCity(zone);
  const key = `${lang}|${zone}`;
  let name = zoneNames.get(key);
  if (name === undefined) {
    try {
      const part = new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(new Date(0)).find((p) => p.type === 'timeZoneName');
      name = part && !/^GMT|^UTC/.test(part.value) ? part.value : zone;
    } catch {
      name = zone;
    }
    zoneNames.set(key, name);
  }
  return name;
}

export function viewTitle(view: RunSheetView, lang: ExportLanguage = 'en'): string {
  return exportText(lang, view === 'crew' ? 'sheet.crew' : 'sheet.brand');
}

/** "Draft" / "Approved", with the version when there is one: "Version 3 · Draft". */
export function approvalText(sheet: Pick<RunSheet, 'approval' | 'scriptVersion' | 'language'>): string {
  const status = exportText(sheet.language, sheet.approval === 'approved' ? 'sheet.approved' : 'sheet.draft');
  return sheet.scriptVersion ? `${exportText(sheet.language, 'sheet.version', { version: sheet.scriptVersion })} · ${status}` : status;
}

/** "8 segments" / "8 个环节". */
export function segmentCountText(sheet: Pick<RunSheet, 'rows' | 'language'>): string {
  return exportCount(sheet.language, 'sheet.segments', sheet.rows.length);
}

/** Short zone name of the viewer's zone at the show's start, e.g. "GMT"; undefined when there is none. */
export function viewerZoneLabel(sheet: RunSheet): string | undefined {
  return sheet.viewerZone ? zoneAbbreviation(sheet.startAt, sheet.viewerZone) : undefined;
}

function timeRange(sheet: RunSheet, zone: string, label: string): string {
  const startDate = localDate(sheet.startAt, zone);
  const endDate = localDate(sheet.endAt, zone);
  const nextDay = endDate !== startDate ? exportText(sheet.language, 'time.nextDay') : '';
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
  const t = exportTranslator(sheet.language);
  const facts: SheetFact[] = [
    { label: t('fact.date'), value: formatSheetDate(sheet.date, sheet.language) },
    { label: t('fact.showTime'), value: timeRange(sheet, sheet.zone, sheet.zoneLabel), detail: t('fact.zoneDetail', { city: zonePlace(sheet.zone, sheet.language), zone: sheet.zone }) },
  ];
  const viewerLabel = viewerZoneLabel(sheet);
  if (sheet.viewerZone && viewerLabel) {
    const viewerDate = localDate(sheet.startAt, sheet.viewerZone);
    const dayNote = viewerDate !== sheet.date ? `, ${formatSheetDate(viewerDate, sheet.language)}` : '';
    facts.push({ label: t('fact.zoneTime', { city: zonePlace(sheet.viewerZone, sheet.language) }), value: timeRange(sheet, sheet.viewerZone, viewerLabel), detail: `${sheet.viewerZone}${dayNote}` });
  }
  facts.push({ label: t('fact.platforms'), value: sheet.platforms.join(', ') || '—' });
  if (sheet.orientation) facts.push({ label: t('fact.orientation'), value: t(`orientation.${sheet.orientation}`) });
  facts.push({ label: sheet.hostNames.length === 1 ? t('fact.host') : t('fact.hosts'), value: sheet.hostNames.join(', ') || '—' });
  if (sheet.campaignName) facts.push({ label: t('fact.campaign'), value: sheet.campaignName });
  if (sheet.targets) facts.push({ label: t('fact.targets'), value: targetsIn(sheet.language, sheet.targets) });
  facts.push({ label: t('fact.length'), value: runSheetLength(sheet).short });
  if (sheet.view === 'brand') facts.push({ label: t('fact.status'), value: approvalText(sheet) });
  return facts;
}

export interface SheetLength {
  /** "58 min of 60 min target" (crew), "58 min" (brand). */
  short: string;
  /** "Total planned: 58 min · target 60 min · 2 min to spare" (crew), "Total planned: 58 min" (brand). */
  line: string;
  /** Set when the plan runs over its target: an internal warning, crew view only. */
  warning?: string;
}

/**
 * The planned length. The brand view states the length only: how it compares with the producer's target (and
 * the "Trim segments" warning) is internal and stays in the crew view.
 */
export function runSheetLength(sheet: RunSheet): SheetLength {
  const t = exportTranslator(sheet.language);
  const len = (sec: number) => formatLength(sec, sheet.language);
  const total = len(sheet.totalSec);
  if (sheet.view === 'brand') return { short: total, line: t('length.total', { total }) };
  if (sheet.targetDurationSec <= 0) return { short: t('length.noTarget', { total }), line: t('length.lineNoTarget', { total }) };
  const target = len(sheet.targetDurationSec);
  const short = t('length.ofTarget', { total, target });
  if (sheet.overTargetSec > 0) {
    const over = len(sheet.overTargetSec);
    return { short, line: t('length.lineOver', { total, target, over }), warning: t('length.warning', { over, total, target }) };
  }
  const spare = sheet.targetDurationSec - sheet.totalSec;
  return { short, line: spare > 0 ? t('length.lineSpare', { total, target, spare: len(spare) }) : t('length.lineOnTarget', { total, target }) };
}

/**
 * What the Disclosure column shows for a row: the label, a flag when sponsored without one (crew view only:
 * a brand file never carries an internal warning), or a dash.
 */
export function disclosureText(row: RunSheetRow, sheet: Pick<RunSheet, 'view' | 'language'> = { view: 'crew', language: 'en' }): { text: string; missing: boolean } {
  if (!row.sponsored) return { text: '—', missing: false };
  if (row.disclosureLabel) return { text: row.disclosureLabel, missing: false };
  if (sheet.view === 'brand') return { text: exportText(sheet.language, 'seg.sponsored'), missing: false };
  return { text: exportText(sheet.language, 'seg.noLabel'), missing: true };
}

/** A row's segment kind in the sheet's language. */
export const kindText = (sheet: Pick<RunSheet, 'language'>, row: Pick<RunSheetRow, 'kind'>): string => segmentKindIn(sheet.language, row.kind);

/** The deal's terms as short lines ("Stock cap 300", "Limit 2 per buyer", "Countdown 5:00"). */
export function dealTerms(sheet: Pick<RunSheet, 'language'>, deal: NonNullable<RunSheetRow['deal']>): string[] {
  const t = exportTranslator(sheet.language);
  return [
    ...(deal.stockCap !== undefined ? [t('deal.cap', { n: formatCount(deal.stockCap, sheet.language) })] : []),
    ...(deal.perBuyerLimit !== undefined ? [t('deal.limit', { n: formatCount(deal.perBuyerLimit, sheet.language) })] : []),
    ...(deal.countdownSec !== undefined ? [t('deal.countdown', { time: formatCountdown(deal.countdownSec) })] : []),
  ];
}

/** The giveaway's terms as labelled lines (prize, winner count, how to enter, rules). */
export function giveawayLines(sheet: Pick<RunSheet, 'language'>, giveaway: NonNullable<RunSheetRow['giveaway']>): { label: string; value: string }[] {
  const t = exportTranslator(sheet.language);
  return [
    ...(giveaway.prize ? [{ label: t('seg.prize'), value: giveaway.prize }] : []),
    ...(giveaway.quantity !== undefined ? [{ label: t('seg.quantity'), value: formatCount(giveaway.quantity, sheet.language) }] : []),
    ...(giveaway.entry ? [{ label: t('seg.entry'), value: giveawayEntryIn(sheet.language, giveaway.entry) }] : []),
    ...(giveaway.rules ? [{ label: t('seg.rules'), value: giveaway.rules }] : []),
  ];
}

/** Crew overlays and rule warnings in the sheet's language. */
export const overlaysText = (sheet: Pick<RunSheet, 'language'>, crew: NonNullable<RunSheetRow['crew']>): string =>
  crew.overlays.map((o) => overlayIn(sheet.language, o)).join(sheet.language === 'zh-CN' ? '、' : ', ');
export const issuesText = (sheet: Pick<RunSheet, 'language'>, crew: NonNullable<RunSheetRow['crew']>): string[] => crew.issues.map((i) => issueIn(sheet.language, i));

/** The "claims to review" block of a segment: unreviewed flags first (with the rule's source), then the reviewed ones. */
export const claimsText = (sheet: Pick<RunSheet, 'language'>, crew: NonNullable<RunSheetRow['crew']>): { text: string; reviewed: boolean }[] => {
  const claims = crew.claims ?? [];
  return [...claims.filter((c) => !c.reviewed), ...claims.filter((c) => c.reviewed)].map((c) => ({ text: claimIn(sheet.language, c), reviewed: c.reviewed }));
};

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
  const t = exportTranslator(sheet.language);
  return [
    { key: 'index', heading: t('col.index'), numeric: true },
    { key: 'time', heading: `${t('col.time')}\n${sheet.zoneLabel}${viewer ? ` / ${viewer}` : ''}`, numeric: false },
    { key: 'segment', heading: t('col.segment'), numeric: false },
    { key: 'products', heading: t('col.products'), numeric: false },
    { key: 'listPrice', heading: t('col.listPrice'), numeric: true },
    { key: 'dealPrice', heading: t('col.dealPrice'), numeric: true },
    { key: 'code', heading: t('col.code'), numeric: false },
    { key: 'stockCap', heading: t('col.stockCap'), numeric: true },
    { key: 'limit', heading: t('col.limit'), numeric: true },
    { key: 'countdown', heading: t('col.countdown'), numeric: true },
    { key: 'disclosure', heading: t('col.disclosure'), numeric: false },
  ];
}

/** Crew fields of a row, or undefined in the brand view whatever the row carries. */
export function crewFieldsFor(sheet: RunSheet, row: RunSheetRow): RunSheetRow['crew'] {
  return sheet.view === 'crew' ? row.crew : undefined;
}

export interface SheetCueColumn {
  role: CueRole;
  /** "Host" / "主播" (crew view), "Host cues" / "主播提示" (brand view, where it stands beside the talking points). */
  heading: string;
  cues: string[];
}

/**
 * A row's role cue columns, in role order. Crew view: Host, Assistant, Controller, all three when any has a cue
 * (an empty one shows a dash), none when the row has no cue. Brand view: the host's cues only, never the
 * assistant's or the controller's, whatever the row carries.
 */
export function roleCueColumns(sheet: Pick<RunSheet, 'view' | 'language'>, row: RunSheetRow): SheetCueColumn[] {
  const t = exportTranslator(sheet.language);
  const host = row.hostCues ?? [];
  if (sheet.view === 'brand') return host.length ? [{ role: 'host', heading: t('cue.hostCues'), cues: host }] : [];
  const assistant = row.crew?.assistantCues ?? [];
  const controller = row.crew?.controllerCues ?? [];
  if (!host.length && !assistant.length && !controller.length) return [];
  return [
    { role: 'host', heading: t('cue.host'), cues: host },
    { role: 'assistant', heading: t('cue.assistant'), cues: assistant },
    { role: 'controller', heading: t('cue.controller'), cues: controller },
  ];
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
html{color-scheme:light;-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#eef1f5;color:#1f2937;font:13px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Source Han Sans SC",sans-serif,"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji";-webkit-print-color-adjust:exact;print-color-adjust:exact}
.sheet{max-width:1400px;margin:24px auto;background:#fff;padding:28px 32px 20px;border-radius:6px;box-shadow:0 1px 3px rgba(15,23,42,.12)}
.top{display:flex;justify-content:space-between;align-items:flex-start;gap:24px;border-bottom:2px solid #1e3a5f;padding-bottom:12px}
.who{display:flex;gap:14px;align-items:center;min-width:0}
.logo{width:56px;height:56px;object-fit:contain;border-radius:6px;border:1px solid #d8dee6;background:#fff;flex:none}
.brand{margin:0;color:#1e3a5f;font-size:15px;font-weight:700;letter-spacing:.02em}
h1{margin:2px 0 0;font-size:24px;line-height:1.25;font-weight:700;color:#111827;overflow-wrap:anywhere}
.badge{flex:none;text-align:right;font-size:11px;color:#6b7280}
.badge strong{display:inline-block;background:#1e3a5f;color:#fff;border-radius:3px;padding:3px 9px;font-size:11px;letter-spacing:.06em;text-transform:uppercase;margin-bottom:4px}
.badge.crew strong{background:#b45309}
.status{display:inline-block;margin-top:4px;border:1.5px solid #b45309;color:#b45309;border-radius:3px;padding:1px 8px;font-weight:700;font-size:11px;letter-spacing:.04em}
.status.approved{border-color:#067647;color:#067647}
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
.product{display:flex;gap:8px;align-items:flex-start;min-height:2.8em}
.lp{display:block}
.product+.product,.lp+.lp{margin-top:.4em}
.product img{width:40px;height:40px;object-fit:cover;border-radius:4px;border:1px solid #d8dee6;flex:none}
.product>div{min-width:0}
.v{min-width:0}
.money,.code,.off,.clock{white-space:nowrap}
.deal{font-weight:700;color:#b42318}
.off{display:inline-block;font-size:11px;color:#b42318}
.code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-weight:700;font-size:11.5px}
.points{margin:6px 0 0;padding:0;list-style:none}
.points h3{margin:6px 0 2px;font-size:10px;letter-spacing:.06em;text-transform:uppercase;color:#1e3a5f}
.points ul{margin:0;padding-left:16px}
.points li{margin:1px 0}
.points dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:1px 8px}
.points dt{color:#6b7280}
.points dd{margin:0}
.sell{margin:3px 0 0;padding-left:14px;color:#374151;font-size:11.5px}
.muted{color:#9ca3af}
.flag{color:#b42318;font-weight:700}
tr.crew td{background:#fff8eb!important;border-bottom:1px solid #d8dee6}
.crew-grid{display:grid;grid-template-columns:minmax(140px,1fr) minmax(0,2fr) minmax(0,2fr);gap:10px 22px;border-left:3px solid #b45309;padding:2px 0 2px 10px}
.crew-grid h3{margin:0 0 2px;font-size:10px;letter-spacing:.08em;text-transform:uppercase;color:#92400e}
.crew-grid p{margin:0 0 6px;white-space:pre-line}
.crew-grid ul{margin:0 0 6px;padding-left:16px}
.cue-grid{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:10px 22px;border-left:3px solid #1e3a5f;padding:2px 0 2px 10px;margin-top:8px}
.cue-grid h3{margin:0 0 2px;font-size:10px;letter-spacing:.08em;text-transform:uppercase;color:#1e3a5f}
.cue-grid ul{margin:0 0 6px;padding-left:16px}
.cue-grid p{margin:0 0 6px}
.total{margin:10px 6px 0;font-weight:700;color:#374151}
.total.over{color:#b42318}
.signoff{margin:20px 0 0;padding:12px 14px;border:1px solid #d8dee6;border-radius:4px;break-inside:avoid}
.signoff h2{margin:0 0 4px;font-size:13px;color:#1e3a5f}
.signoff p{margin:0 0 10px;color:#4b5563;font-size:12px}
.signoff .lines{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:18px}
.signoff .line{border-bottom:1px solid #9ca3af;height:34px}
.signoff .line span{display:block;font-size:10px;font-weight:700;letter-spacing:.06em;text-transform:uppercase;color:#6b7280}
.foot{display:flex;justify-content:space-between;gap:12px;flex-wrap:wrap;margin-top:18px;padding-top:8px;border-top:1px solid #d8dee6;color:#6b7280;font-size:11px}
@media screen and (max-width:760px){
body{background:#fff;font-size:14px}
.sheet{margin:0;padding:16px 14px;border-radius:0;box-shadow:none}
.top{flex-direction:column;gap:8px}
.badge{text-align:left}
h1{font-size:20px}
.facts{grid-template-columns:repeat(2,minmax(0,1fr));gap:8px 14px}
table,caption,tbody,tr,td{display:block;width:auto}
thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table{margin-top:14px;font-size:14px}
tbody.segment{border:1px solid #d8dee6;border-radius:8px;margin:0 0 12px;padding:10px 12px;background:#fff}
tbody.segment:nth-of-type(even) td{background:none}
td{border:0;padding:3px 0;display:grid;grid-template-columns:6.5em minmax(0,1fr);gap:8px;text-align:left!important}
td::before{content:attr(data-label);font-size:11px;font-weight:700;color:#6b7280;letter-spacing:.04em;padding-top:2px}
td.idx{display:none}
td.empty{display:none}
td.seg{display:block;border-bottom:1px solid #eef1f5;padding-bottom:8px;margin-bottom:4px}
td.seg::before{content:none}
tr.crew td{display:block}
tr.crew td:first-child{display:none}
tr.crew td::before{content:none}
.crew-grid,.cue-grid{grid-template-columns:1fr}
.signoff .lines{grid-template-columns:1fr}
}
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

function cell(content: string, label: string, className?: string): string {
  // One wrapper per cell: on a phone the cell is a two-column grid (label, value), so its value must be one box.
  return `<td data-label="${escapeHtml(label.replace(/-\n/g, '').replace(/\n/g, ' '))}"${className ? ` class="${className}"` : ''}><div class="v">${content}</div></td>`;
}

const dash = '<span class="muted">—</span>';
const money = (text: string, extra = '') => `<span class="money${extra}">${escapeHtml(text)}</span>`;

function rowHtml(sheet: RunSheet, row: RunSheetRow, columns: SheetColumn[], t: ExportT): string {
  const e = escapeHtml;
  const lang = sheet.language;
  const label = (key: SheetColumnKey) => columns.find((c) => c.key === key)?.heading ?? '';
  const time = `<span class="clock">${e(row.clock)}</span>${row.viewerClock ? `<span class="sub clock">${e(row.viewerClock)}</span>` : ''}`;
  const brandView = sheet.view === 'brand';
  const points =
    brandView && row.talkingPoints.length
      ? `<div class="points"><h3>${e(t('seg.talkingPoints'))}</h3><ul>${row.talkingPoints.map((p) => `<li>${e(p)}</li>`).join('')}</ul></div>`
      : '';
  const hostCues = brandView
    ? roleCueColumns(sheet, row)
        .map((c) => `<div class="points" data-role="${c.role}"><h3>${e(c.heading)}</h3><ul>${c.cues.map((x) => `<li>${e(x)}</li>`).join('')}</ul></div>`)
        .join('')
    : '';
  const giveaway = row.giveaway
    ? `<div class="points"><h3>${e(t('seg.giveaway'))}</h3><dl>${giveawayLines(sheet, row.giveaway)
        .map((l) => `<dt>${e(l.label)}</dt><dd>${e(l.value)}</dd>`)
        .join('')}</dl></div>`
    : '';
  const bullets = (heading: string, lines: string[]) => (lines.length ? `<div class="points"><h3>${e(heading)}</h3><ul>${lines.map((l) => `<li>${e(l)}</li>`).join('')}</ul></div>` : '');
  const hardStart = hardStartLine(sheet, row);
  const beats = `${hardStart ? `<span class="sub">${e(hardStart)}</span>` : ''}${bullets(t('seg.beats'), beatLines(sheet, row))}${bullets(t('seg.ladder'), ladderLines(sheet, row))}`;
  const targets = targetsLine(sheet, row);
  const segment = `<span class="kind">${e(kindText(sheet, row))} · ${e(formatLength(row.plannedSec, lang))}</span><span class="title">${e(row.title)}</span>${targets ? `<span class="sub targets">${e(targets)}</span>` : ''}${points}${hostCues}${giveaway}${beats}`;
  const products = row.products.length
    ? row.products
        .map((p) => {
          const img = p.imageDataUrl && safeImage.test(p.imageDataUrl) ? `<img src="${e(p.imageDataUrl)}" alt="">` : '';
          const sell = p.sellingPoints.length ? `<ul class="sell" aria-label="${e(t('seg.sellingPoints'))}">${p.sellingPoints.map((x) => `<li>${e(x)}</li>`).join('')}</ul>` : '';
          return `<div class="product">${img}<div>${e(p.name)}<span class="sub">${e(t('seg.sku', { sku: p.sku }))}</span>${sell}</div></div>`;
        })
        .join('')
    : dash;
  const list = row.products.length ? row.products.map((p) => `<span class="lp">${money(formatSheetMoney(p.listPrice, lang))}</span>`).join('') : dash;
  const d = row.deal;
  const off = d ? formatSheetDiscount(d.discountPercent, lang) : '';
  const deal = d ? `${money(formatSheetMoney(d.price, lang), ' deal')}${off ? ` <span class="off">${e(off)}</span>` : ''}` : dash;
  const disclosure = disclosureText(row, sheet);
  const empty = (has: boolean, base: string) => (has ? base : `${base} empty`.trim());
  const cells = [
    cell(String(row.index), label('index'), 'num idx'),
    cell(time, label('time')),
    cell(segment, label('segment'), 'seg'),
    cell(products, label('products'), empty(row.products.length > 0, '')),
    cell(list, label('listPrice'), empty(row.products.length > 0, 'num')),
    cell(deal, label('dealPrice'), empty(!!d, 'num')),
    cell(d?.code ? `<span class="code">${e(d.code)}</span>` : dash, label('code'), empty(!!d?.code, '')),
    cell(d?.stockCap !== undefined ? e(formatCount(d.stockCap, lang)) : dash, label('stockCap'), empty(d?.stockCap !== undefined, 'num')),
    cell(d?.perBuyerLimit !== undefined ? e(formatCount(d.perBuyerLimit, lang)) : dash, label('limit'), empty(d?.perBuyerLimit !== undefined, 'num')),
    cell(d?.countdownSec !== undefined ? `<span class="clock">${e(formatCountdown(d.countdownSec))}</span>` : dash, label('countdown'), empty(d?.countdownSec !== undefined, 'num')),
    cell(disclosure.missing ? `<span class="flag">${e(disclosure.text)}</span>` : e(disclosure.text), label('disclosure'), empty(row.sponsored, '')),
  ].map((c) => c.replace(' class=""', ''));
  let html = `<tbody class="segment"><tr class="segment-row" data-index="${row.index}">${cells.join('')}</tr>`;
  const crew = crewFieldsFor(sheet, row);
  if (crew) {
    const list = (items: string[]) => (items.length ? `<ul>${items.map((x) => `<li>${e(x)}</li>`).join('')}</ul>` : `<p>${dash}</p>`);
    const para = (text: string) => `<p>${text.trim() ? e(text) : dash}</p>`;
    const issues = issuesText(sheet, crew);
    const claims = claimsText(sheet, crew);
    html +=
      `<tr class="crew"><td></td><td colspan="${columns.length - 1}"><div class="crew-grid">` +
      `<div><h3>${e(t('seg.scene'))}</h3>${para(crew.scene ?? '')}<h3>${e(t('seg.overlays'))}</h3>${para(overlaysText(sheet, crew))}` +
      `${issues.length ? `<h3>${e(t('seg.checks'))}</h3><ul>${issues.map((x) => `<li class="flag">${e(x)}</li>`).join('')}</ul>` : ''}</div>` +
      `<div><h3>${e(t('seg.talkingPoints'))}</h3>${list(row.talkingPoints)}` +
      `${claims.length ? `<h3>${e(t('seg.claims'))}</h3><ul>${claims.map((x) => `<li${x.reviewed ? '' : ' class="flag"'}>${e(x.text)}</li>`).join('')}</ul>` : ''}</div>` +
      `<div><h3>${e(t('seg.crewNotes'))}</h3>${para(crew.crewNotes)}<h3>${e(t('seg.fanGroup'))}</h3>${para(crew.fanGroupText)}</div>` +
      `</div>${cueGrid(roleCueColumns(sheet, row), t)}</td></tr>`;
  }
  return `${html}</tbody>`;
}

/** The crew's role columns (Host, Assistant, Controller) under the crew details; empty when the row has no cue. */
function cueGrid(columns: SheetCueColumn[], t: ExportT): string {
  if (!columns.length) return '';
  const e = escapeHtml;
  const column = (c: SheetCueColumn) =>
    `<div data-role="${c.role}"><h3>${e(c.heading)}</h3>${c.cues.length ? `<ul>${c.cues.map((x) => `<li>${e(x)}</li>`).join('')}</ul>` : `<p>${dash}</p>`}</div>`;
  return `<section class="cue-grid" aria-label="${e(t('cue.section'))}">${columns.map(column).join('')}</section>`;
}

function signOffHtml(sheet: RunSheet, t: ExportT): string {
  const e = escapeHtml;
  const body = sheet.scriptVersion ? t('sign.body', { version: sheet.scriptVersion }) : t('sign.bodyNoVersion');
  const line = (key: 'sign.name' | 'sign.signature' | 'sign.date') => `<div class="line"><span>${e(t(key))}</span></div>`;
  return `<section class="signoff" aria-label="${e(t('sign.title'))}"><h2>${e(t('sign.title'))}</h2><p>${e(body)}</p><div class="lines">${line('sign.name')}${line('sign.signature')}${line('sign.date')}</div></section>`;
}

export function renderRunSheetHtml(sheet: RunSheet): string {
  const e = escapeHtml;
  const t = exportTranslator(sheet.language);
  const columns = runSheetColumns(sheet);
  const length = runSheetLength(sheet);
  const brandView = sheet.view === 'brand';
  const facts = runSheetFacts(sheet)
    .map((f) => `<div><dt>${e(f.label)}</dt><dd>${e(f.value)}${f.detail ? `<small>${e(f.detail)}</small>` : ''}</dd></div>`)
    .join('');
  const head = columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${e(c.heading)}</th>`).join('');
  const body = sheet.rows.map((row) => rowHtml(sheet, row, columns, t)).join('\n');
  const generated = sheet.generatedAt.slice(0, 16).replace('T', ' ');
  const title = viewTitle(sheet.view, sheet.language);
  const docTitle = `${sheet.title} · ${sheet.date} · ${title}`;
  const logo = sheet.brandLogoDataUrl && safeImage.test(sheet.brandLogoDataUrl) ? `<img class="logo" src="${e(sheet.brandLogoDataUrl)}" alt="${e(sheet.brandName)}">` : '';
  const status = brandView ? `<br><span class="status${sheet.approval === 'approved' ? ' approved' : ''}">${e(approvalText(sheet))}</span>` : '';
  const count = segmentCountText(sheet);
  return `<!doctype html>
<html lang="${sheet.language}">
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
<div class="who">${logo}<div>
<p class="brand">${e(sheet.brandName || '—')}</p>
<h1>${e(sheet.title)}</h1>
</div></div>
<div class="badge${sheet.view === 'crew' ? ' crew' : ''}"><strong>${e(title)}</strong><br>${e(count)}${status}</div>
</div>
<dl class="facts">${facts}</dl>
${length.warning ? `<p class="warning" role="alert">${e(length.warning)}</p>` : ''}
</header>
<table aria-label="${e(t('sheet.table'))}">
<caption>${e(t('sheet.table'))} · ${e(count)}</caption>
<thead><tr>${head}</tr></thead>
${body}
</table>
<p class="total${length.warning ? ' over' : ''}">${e(length.line)}</p>
${brandView ? signOffHtml(sheet, t) : ''}
<footer class="foot"><span>${e(`${sheet.brandName ? `${sheet.brandName} · ` : ''}${title}`)}</span><span>${e(t('sheet.generatedBy', { at: generated }))}</span></footer>
</main>
</body>
</html>
`;
}
