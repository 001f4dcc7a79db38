/**
 * A team flow's failure (team-workspaces.ts) as the user's sentence: what they typed (TeamFlowError: an invite
 * link's problem, an owner token that is not one) or what the services refused (errorSentence).
 */
import type { TFunction } from 'i18next';
import { errorSentence } from '../../studio/studio-errors';
import { TeamFlowError } from '../../sync/team-workspaces';

export function flowErrorSentence(t: TFunction, error: unknown): string {
  if (error instanceof TeamFlowError) return error.code === 'ownerTokenInvalid' ? t('team:flow.ownerTokenInvalid') : t(`team:invite.problems.${error.code}`);
  return errorSentence(error);
}

/** A point in time in the user's language and zone (e.g. "Dec 1, 2026, 4:31 PM"). */
export function formatWhen(instant: string, locale: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
