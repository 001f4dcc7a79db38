/**
 * Giveaway draw records kept on this device until the run they belong to is saved as a report.
 *
 * Invariants:
 * - a record is written the moment its winners are computed (before the runner is told), under the key
 *   `giveaway-draw:<run id>:<segment id>` of the `settings` table (no schema change: a key-value row), so a crash
 *   right after a draw loses nothing; a segment's record is written once (`add`): a second write for the same run and
 *   segment fails, so a draw can never be replaced by another one;
 * - `saveShowRun` copies every record of the run into `ShowRun.giveaways` (ordered by drawnAt), which is what
 *   reports, exports and backups read; a record is never edited after it is written;
 * - the run id is the one showRunFromState gives: `<show id>@<show started at>`.
 */
import type { GiveawayDrawRecord } from '../../../../shared/domain/giveaway';
import type { AppDb } from '../../db/app-db';
import { nowIso } from '../../db/records';

const PREFIX = 'giveaway-draw:';

export function runIdOf(showId: string, showStartedAt: string): string {
  return `${showId}@${showStartedAt}`;
}

export async function saveDrawRecord(db: AppDb, runId: string, record: GiveawayDrawRecord): Promise<void> {
  await db.settings.add({ key: `${PREFIX}${runId}:${record.segmentId}`, value: record, updatedAt: nowIso() });
}

/** The draw already made for this run's segment, if any (the console resends it rather than drawing again). */
export async function savedDrawRecord(db: AppDb, runId: string, segmentId: string): Promise<GiveawayDrawRecord | undefined> {
  const row = await db.settings.get(`${PREFIX}${runId}:${segmentId}`);
  return row ? (row.value as GiveawayDrawRecord) : undefined;
}

export async function drawRecordsOfRun(db: AppDb, runId: string): Promise<GiveawayDrawRecord[]> {
  const rows = await db.settings.where('key').startsWith(`${PREFIX}${runId}:`).toArray();
  return rows.map((row) => row.value as GiveawayDrawRecord).sort((a, b) => (a.drawnAt < b.drawnAt ? -1 : a.drawnAt > b.drawnAt ? 1 : 0));
}
