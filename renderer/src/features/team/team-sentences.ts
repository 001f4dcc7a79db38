/**
 * The Team section's words that come from data: the sync state's label, the server's refusal as a sentence in the
 * user's language, and the sentence telling a user that someone else's edit replaced theirs. Pure (given `t`).
 *
 * Invariants: never shows a raw field or table name, a code or a token — an unknown field is "a field", an unknown
 * refusal the generic sentence; a value is quoted only when it is short text or a number.
 */
import type { TFunction } from 'i18next';
import type { TeamConflict, TeamSyncStatus } from '../../sync/team-sync';

/** Fields whose name has words (team:fields.<field>); any other is "a field". */
export const namedFields = [
  'name', 'title', 'caption', 'notes', 'status', 'kind', 'price', 'listPrice', 'sku', 'stockOnHand', 'platform', 'platforms',
  'handle', 'handles', 'brandId', 'campaignId', 'creatorId', 'showId', 'hostIds', 'productIds', 'startAt', 'scheduledAt',
  'startDate', 'endDate', 'zone', 'budget', 'brief', 'goals', 'rank', 'plannedSec', 'targetDurationSec', 'talkingPoints',
  'sellingPoints', 'crewNotes', 'disclosure', 'deliverable', 'followers', 'niches', 'languages', 'contacts', 'rateCard',
  'currency', 'commissionRate', 'amountMinor',
] as const;
const namedFieldSet = new Set<string>(namedFields);

const MAX_QUOTED = 80;

/** The badge's words for a sync state ("Synced", "Pending 3", "Offline", "Connecting…", "Access refused"). */
export function statusLabel(t: TFunction, status: Pick<TeamSyncStatus, 'state' | 'pending'>): string {
  if (status.state === 'pending') return t('team:status.pending', { count: status.pending });
  return t(`team:status.${status.state}`);
}

export type StatusColor = 'green' | 'yellow' | 'gray' | 'red' | 'blue';

export function statusColor(state: TeamSyncStatus['state']): StatusColor {
  switch (state) {
    case 'synced':
      return 'green';
    case 'pending':
      return 'blue';
    case 'refused':
      return 'red';
    case 'offline':
      return 'yellow';
    default:
      return 'gray';
  }
}

/** The server's reasons (electron/sync/sync.access.ts, in English) → this user's sentence. */
const refusalPatterns: [RegExp, string][] = [
  [/revoked/i, 'revoked'],
  [/expired/i, 'expired'],
  [/not issued by this sync server|lacks a workspace/i, 'notIssued'],
  [/another workspace/i, 'otherWorkspace'],
];

/** Why this computer's access was refused, in the user's language (no reason: the saved invite is gone). */
export function refusalSentence(t: TFunction, status: Pick<TeamSyncStatus, 'state' | 'refusedReason'>): string {
  if (!status.refusedReason) return t('team:refused.noToken');
  const known = refusalPatterns.find(([pattern]) => pattern.test(status.refusedReason ?? ''));
  return t(`team:refused.${known ? known[1] : 'other'}`);
}

/** A value quoted in a sentence: short text or a number; anything else (lists, objects, long text) is not quoted. */
export function quotable(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/\s+/g, ' ');
  if (!text) return undefined;
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text;
}

/** "You changed the name of brand “Lumi Beauty” to “Lumi” while offline; another edit replaced it with “Lumi Beauty”." */
export function conflictSentence(t: TFunction, conflict: Pick<TeamConflict, 'table' | 'field' | 'mine' | 'theirs' | 'rowDeleted' | 'rowLabel'>): string {
  const table = t(`team:tables.${conflict.table}`);
  const row = quotable(conflict.rowLabel) ?? '…';
  const what = namedFieldSet.has(conflict.field)
    ? t('team:conflicts.what', { field: t(`team:fields.${conflict.field}`), table, row })
    : t('team:conflicts.whatUnknownField', { table, row });
  if (conflict.rowDeleted) return t('team:conflicts.deleted', { what, table });
  const theirs = quotable(conflict.theirs);
  const mine = quotable(conflict.mine);
  if (theirs === undefined) return t('team:conflicts.replacedNoValue', { what });
  return mine === undefined ? t('team:conflicts.replaced', { what, theirs }) : t('team:conflicts.replacedMine', { what, mine, theirs });
}
