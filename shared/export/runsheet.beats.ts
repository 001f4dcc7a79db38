/**
 * The words of a run-sheet row's beats, price ladder and hard start, in the sheet's language: one rule for the
 * PDF, CSV and HTML writers.
 *
 * Invariants: pure; every word from export.strings.ts; a beat's time reads "20:14 (+4:00)" (planned clock in the
 * show's zone, then the offset into the segment), a beat without offset reads "by hand"; the label, when the
 * producer wrote one, follows the kind ("Price reveal — 3, 2, 1").
 */
import type { RunSheet, RunSheetBeat, RunSheetPriceStep, RunSheetRow } from '../domain/runsheet';
import { formatClockMs } from '../runner/runner.format';
import { exportTranslator, formatCountIn, formatMoneyIn, targetsIn } from './export.strings';

type Sheet = Pick<RunSheet, 'language'>;

/** "20:14 (+4:00) · Price reveal — 3, 2, 1" / "by hand · Last call". */
export function beatLine(sheet: Sheet, beat: RunSheetBeat): string {
  const t = exportTranslator(sheet.language);
  const when = beat.offsetSec !== undefined && beat.clock ? t('beat.at', { clock: beat.clock, offset: formatClockMs(beat.offsetSec * 1000) }) : t('beat.byHand');
  const what = `${t(`beat.${beat.kind}`)}${beat.units !== undefined ? ` ${t('beat.units', { n: formatCountIn(sheet.language, beat.units) })}` : ''}`;
  return `${when} · ${what}${beat.label ? ` — ${beat.label}` : ''}`;
}

export function beatLines(sheet: Sheet, row: Pick<RunSheetRow, 'beats'>): string[] {
  return (row.beats ?? []).map((beat) => beatLine(sheet, beat));
}

/** "CN¥179.00 from 20:12 (+2:00)" / "CN¥159.00 when 20 left". */
export function ladderLine(sheet: Sheet, step: RunSheetPriceStep): string {
  const t = exportTranslator(sheet.language);
  const price = formatMoneyIn(sheet.language, step.price);
  if (step.trigger === 'time') return t('ladder.atTime', { price, clock: step.clock ?? '', offset: formatClockMs((step.offsetSec ?? 0) * 1000) });
  return t('ladder.atStock', { price, n: formatCountIn(sheet.language, step.atOrBelow ?? 0) });
}

export function ladderLines(sheet: Sheet, row: Pick<RunSheetRow, 'deal'>): string[] {
  return (row.deal?.ladder ?? []).map((step) => ladderLine(sheet, step));
}

/** "Hard start 20:30", or '' when the segment is not pinned. */
export function hardStartLine(sheet: Sheet, row: Pick<RunSheetRow, 'hardStartClock'>): string {
  return row.hardStartClock ? exportTranslator(sheet.language)('seg.hardStart', { clock: row.hardStartClock }) : '';
}

/** A segment's sales targets as one line ("Targets: GMV ¥20,000.00 · 120 units"); '' when it has none. */
export function targetsLine(sheet: Sheet, row: Pick<RunSheetRow, 'targets'>): string {
  const targets = targetsIn(sheet.language, row.targets);
  return targets ? exportTranslator(sheet.language)('seg.targets', { targets }) : '';
}
