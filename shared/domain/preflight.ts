/**
 * Pre-flight before going live: the checklist's report (filled by the services) and the pure rules that read it.
 *
 * Invariants:
 * - Pure: no I/O. The services fill a `PreflightReport` (OBS, scenes, outputs, overlay pages); the flags of a show
 *   (`showFlags`) are computed here from the snapshot alone, so the renderer, the services and exports agree.
 * - `preflightItems` returns the checklist in a fixed order (obs, scenes, streaming, recording, overlays,
 *   disclosure, claims), one item per check, each `ok`, `warning` or `problem`. Nothing here blocks going live:
 *   the console asks for an explicit confirmation when OBS is not streaming (`needsOffAirConfirmation`).
 * - A state that could not be checked (OBS not connected) is `null`, never guessed as on or off.
 * - Flags are typed by rule family (`disclosure`, `claim`); each rule is a `FlagRule` over the snapshot. Claim flags
 *   come from the claim rules in claims.ts over what the audience hears or sees (title, talking points, fan-group
 *   text, lower third, role cues; crew notes are instructions to the crew and may quote a word to avoid: see
 *   segmentClaimFields) and are warnings to review, never problems. A claim flag a person marked reviewed (its key is
 *   in the segment's `reviewedClaimKeys`) is kept with `reviewed: true` and counts for nothing (`preflightItems`).
 */
import type { ShowSnapshot } from '../runner/runner.types';
import { segmentClaims, type ClaimCategory, type ClaimPlace } from './claims';
import { isFitLabel } from './disclosure';
import type { Platform } from './entities';

export type FlagSeverity = 'problem' | 'warning';

export type DisclosureFlagCode = 'disclosureMissing' | 'disclosureUnfit';
/** A claim flag's code is the family of its rule (absolute terms, rankings, prices, guarantees, cure claims). */
export type ClaimFlagCode = ClaimCategory;
/** Where in a segment a claim was found. */
export type ClaimField = Exclude<ClaimPlace, 'caption'>;

export type ShowFlag =
  | { family: 'disclosure'; code: DisclosureFlagCode; severity: FlagSeverity; segmentId: string; segmentTitle: string; label?: string; platforms?: string[] }
  | { family: 'claim'; code: ClaimFlagCode; severity: FlagSeverity; segmentId: string; segmentTitle: string; term: string; field: ClaimField; reviewed: boolean };

export type FlagRule = (snapshot: ShowSnapshot) => ShowFlag[];

/** Show platforms (live) whose audience needs a Chinese disclosure label (China's advertising rules). */
const chineseShowPlatforms = new Set(['douyin', 'taobao_live', 'kuaishou', 'wechat_channels', 'xiaohongshu_live', 'jd', 'jd_live']);

/** The content platform whose disclosure rules apply to a live-show platform. */
export function disclosurePlatformOf(showPlatform: string): Platform {
  return chineseShowPlatforms.has(showPlatform) ? 'douyin' : 'other';
}

/**
 * Sponsored segments without a label (`disclosureMissing`, a problem), or whose label does not suit every platform
 * the show goes out on (`disclosureUnfit`, a problem, naming those platforms). A show with no platform set is
 * checked with the rules of western platforms.
 */
export const disclosureFlags: FlagRule = (snapshot) => {
  const flags: ShowFlag[] = [];
  const platforms = snapshot.show.platforms.length > 0 ? snapshot.show.platforms : ['other'];
  for (const segment of snapshot.segments) {
    if (!segment.sponsored) continue;
    const label = segment.disclosureLabel?.trim() ?? '';
    if (label === '') {
      flags.push({ family: 'disclosure', code: 'disclosureMissing', severity: 'problem', segmentId: segment.id, segmentTitle: segment.title });
      continue;
    }
    const unfit = platforms.filter((platform) => !isFitLabel(label, disclosurePlatformOf(platform)));
    if (unfit.length > 0) {
      flags.push({ family: 'disclosure', code: 'disclosureUnfit', severity: 'problem', segmentId: segment.id, segmentTitle: segment.title, label, platforms: unfit });
    }
  }
  return flags;
};

/** Claims the host must not make (absolute terms, rankings, lowest-price, guarantees, cure claims): warnings. */
export const claimFlags: FlagRule = (snapshot) =>
  snapshot.segments.flatMap((segment) =>
    segmentClaims(segment).map(
      (flag): ShowFlag => ({
        family: 'claim',
        code: flag.category,
        severity: 'warning',
        segmentId: segment.id,
        segmentTitle: segment.title,
        term: flag.match,
        field: flag.field as ClaimField,
        reviewed: flag.reviewed,
      }),
    ),
  );

/** Every flag of a show, disclosure first, then claims. */
export function showFlags(snapshot: ShowSnapshot): ShowFlag[] {
  return [...disclosureFlags(snapshot), ...claimFlags(snapshot)];
}

/** The show's scenes OBS does not have (in the order given). */
export function missingScenes(required: readonly string[], present: Iterable<string>): string[] {
  const have = new Set(present);
  return required.filter((scene) => !have.has(scene));
}

export interface PreflightOverlayPage {
  page: string;
  url: string;
  /** The page answered 200 when the services fetched it. */
  reachable: boolean;
}

export interface PreflightReport {
  obs: { connected: boolean; obsVersion?: string; error?: string };
  /** null when OBS is not connected (could not check). */
  scenes: { required: string[]; missing: string[]; available: string[] } | null;
  streaming: boolean | null;
  recording: boolean | null;
  overlays: {
    pages: PreflightOverlayPage[];
    /** Overlay pages (browser sources, browser tabs) connected to the live stream right now. */
    connectedClients: number;
  };
  flags: ShowFlag[];
}

export const preflightCheckIds = ['obs', 'scenes', 'streaming', 'recording', 'overlays', 'disclosure', 'claims'] as const;
export type PreflightCheckId = (typeof preflightCheckIds)[number];
export type PreflightLevel = 'ok' | 'warning' | 'problem';

export interface PreflightItem {
  id: PreflightCheckId;
  level: PreflightLevel;
}

/** Flags that still count: reviewed claim flags do not. */
export function openFlags(flags: readonly ShowFlag[]): ShowFlag[] {
  return flags.filter((flag) => flag.family !== 'claim' || !flag.reviewed);
}

function flagLevel(all: readonly ShowFlag[]): PreflightLevel {
  const flags = openFlags(all);
  if (flags.some((flag) => flag.severity === 'problem')) return 'problem';
  return flags.length > 0 ? 'warning' : 'ok';
}

/** The checklist, in order (see the header). */
export function preflightItems(report: PreflightReport): PreflightItem[] {
  const levels: Record<PreflightCheckId, PreflightLevel> = {
    obs: report.obs.connected ? 'ok' : 'problem',
    scenes: report.scenes === null ? 'problem' : report.scenes.missing.length > 0 ? 'problem' : 'ok',
    streaming: report.streaming === true ? 'ok' : report.streaming === false ? 'warning' : 'problem',
    recording: report.recording === true ? 'ok' : 'warning',
    overlays: report.overlays.pages.length > 0 && report.overlays.pages.every((page) => page.reachable) ? 'ok' : 'problem',
    disclosure: flagLevel(report.flags.filter((flag) => flag.family === 'disclosure')),
    claims: flagLevel(report.flags.filter((flag) => flag.family === 'claim')),
  };
  return preflightCheckIds.map((id) => ({ id, level: levels[id] }));
}

/** Going live while OBS does not stream (or cannot be asked) needs the user's explicit confirmation. */
export function needsOffAirConfirmation(report: Pick<PreflightReport, 'streaming'>): boolean {
  return report.streaming !== true;
}
