/**
 * Role cues: what each member of a live-sell team does in a segment. 主播 host (on camera), 助播 assistant (beside
 * the host: "tap cart link 1"), 场控 controller (off camera: prices, stock, links, comments). One cue is one line.
 *
 * Invariants:
 * - pure data and functions (no I/O); the three roles are always present in a `RoleCues` value (possibly empty);
 * - a segment's `cues` is optional: segments saved before cues existed have none, and `roleCuesOf` reads them as
 *   three empty lists; `cleanRoleCues` trims, drops blank lines and returns undefined when nothing is left, so
 *   a stored segment carries `cues` only when some role has a cue;
 * - bounded: at most MAX_CUES_PER_ROLE cues per role, each at most MAX_CUE_LENGTH characters (the snapshot and
 *   run-sheet schemas enforce the same bounds);
 * - `crewNotes` stays what it was: general notes for the whole crew (all roles), shown beside the role columns;
 *   they are never split into role cues;
 * - brand view: host cues are what the brand hears on stream (they approve them, with the talking points);
 *   assistant and controller cues are crew-internal and never in a brand file (see shared/domain/runsheet.ts).
 */

export const cueRoles = ['host', 'assistant', 'controller'] as const;
export type CueRole = (typeof cueRoles)[number];

export interface RoleCues {
  host: string[];
  assistant: string[];
  controller: string[];
}

export const MAX_CUES_PER_ROLE = 50;
export const MAX_CUE_LENGTH = 1000;

export function emptyRoleCues(): RoleCues {
  return { host: [], assistant: [], controller: [] };
}

/** A segment's cues, three lists always (an old segment without cues has three empty ones). */
export function roleCuesOf(segment: { cues?: Partial<RoleCues> | undefined }): RoleCues {
  const cues = segment.cues;
  return { host: [...(cues?.host ?? [])], assistant: [...(cues?.assistant ?? [])], controller: [...(cues?.controller ?? [])] };
}

/** One cue per line: trimmed, blank lines dropped. */
export function cuesFromLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export function cuesToLines(cues: readonly string[]): string {
  return cues.join('\n');
}

/** True when any role has a cue. */
export function hasRoleCues(cues: Partial<RoleCues> | undefined): boolean {
  return !!cues && cueRoles.some((role) => (cues[role]?.length ?? 0) > 0);
}

/** Trimmed, without blank cues, bounded; undefined when no role has a cue (so the segment stores no `cues`). */
export function cleanRoleCues(cues: Partial<RoleCues> | undefined): RoleCues | undefined {
  if (!cues) return undefined;
  const clean = (list: readonly string[] | undefined) =>
    (list ?? [])
      .map((cue) => cue.trim().slice(0, MAX_CUE_LENGTH))
      .filter(Boolean)
      .slice(0, MAX_CUES_PER_ROLE);
  const result: RoleCues = { host: clean(cues.host), assistant: clean(cues.assistant), controller: clean(cues.controller) };
  return hasRoleCues(result) ? result : undefined;
}

/** The editor's text per role (one cue per line, as typed). */
export type RoleCueLines = Record<CueRole, string>;

export function roleCueLines(cues: Partial<RoleCues> | undefined): RoleCueLines {
  const all = roleCuesOf({ cues });
  return { host: cuesToLines(all.host), assistant: cuesToLines(all.assistant), controller: cuesToLines(all.controller) };
}

/** What the editor saves: the cleaned cues, or undefined when every role is empty. */
export function roleCuesFromLines(lines: RoleCueLines): RoleCues | undefined {
  return cleanRoleCues({ host: cuesFromLines(lines.host), assistant: cuesFromLines(lines.assistant), controller: cuesFromLines(lines.controller) });
}
