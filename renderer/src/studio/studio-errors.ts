/**
 * Errors as sentences for a creator, in the UI language. A StudioError's code picks the sentence (transport
 * failures are 'disconnected'); a refusal ('refused': the runner's, OBS's) is worded from its data — its reason,
 * and the runner command when that has a sentence of its own (refusals.json), other data filling the sentence —
 * never from the services' English message; a service's own message (code 'failed') is shown as the service
 * wrote it, without any method name in front. Never shows a code or a method name.
 */
import { StudioError } from '../../../shared/contract/errors';
import { i18n } from '../i18n/i18n';

/** A leading "<name>: " in camelCase (a method or command name), which no sentence for a person starts with. */
const methodPrefix = /^[a-z]+[A-Z][A-Za-z]*:\s*/;

/** A message without a leading "<method>: ". */
function withoutMethod(message: string): string {
  return message.replace(methodPrefix, '').trim();
}

export function isNotAnswering(error: unknown): boolean {
  return error instanceof StudioError && error.code === 'disconnected';
}

/** A refusal in the UI language: the runner command's own sentence for its reason, else the reason's. */
function refusalSentence(error: StudioError): string {
  const t = i18n.getFixedT(null, 'refusals');
  const data = error.data ?? {};
  const reason = String(data.reason ?? '');
  const command = String(data.command ?? '');
  const ownKey = `command.${command}.${reason}`;
  if (command && reason && i18n.exists(ownKey, { ns: 'refusals' })) return t(ownKey, data);
  const reasonKey = `reason.${reason}`;
  if (reason && i18n.exists(reasonKey, { ns: 'refusals' })) return t(reasonKey, data);
  return t('reason.other');
}

export function errorSentence(error: unknown): string {
  const t = i18n.getFixedT(null, 'connection');
  if (error instanceof StudioError) {
    const detail = withoutMethod(error.message);
    switch (error.code) {
      case 'disconnected':
        return t('errors.disconnected');
      case 'invalid-arguments':
        return detail ? t('errors.invalidArgumentsDetail', { detail }) : t('errors.invalidArguments');
      case 'unknown-method':
        return t('errors.unknownMethod');
      case 'forbidden':
        return t('errors.forbidden');
      case 'refused':
        return refusalSentence(error);
      case 'failed':
        return detail || t('errors.failed');
      default:
        return error.code satisfies never;
    }
  }
  if (error instanceof Error && error.message) return withoutMethod(error.message);
  if (typeof error === 'string' && error) return withoutMethod(error);
  return t('errors.unknown');
}
