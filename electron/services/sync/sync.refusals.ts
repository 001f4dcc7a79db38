/**
 * The sync domain's refusals: StudioError 'refused' with `data.reason` one of `teamRefusalReasons`, which the
 * renderer words in the user's language (refusals.json). The English message is for logs only.
 * Invariant: neither the message nor the data ever holds a token.
 */
import type { TeamRefusalReason } from '../../../shared/contract/domains/sync.contract';
import { StudioError } from '../../../shared/contract/errors';

export function teamRefused(reason: TeamRefusalReason, message: string, data: Record<string, string | number> = {}): StudioError {
  return new StudioError('refused', message, { reason, ...data });
}
