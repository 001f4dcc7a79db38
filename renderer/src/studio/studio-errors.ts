/**
 * Errors as sentences for a creator, in the UI language: a StudioError's code picks the sentence (transport
 * failures are 'disconnected'); a service's own message (code 'failed') is shown as the service wrote it,
 * without any method name in front. Never shows a code or a method name.
 */
import { StudioError } from '../../../shared/contract/errors';
import { studioMethods } from '../../../shared/contract/methods';
import { i18n } from '../i18n/i18n';

const methodPrefix = new RegExp(`^(?:${studioMethods.join('|')}):\\s*`);

/** A message without a leading "<method>: ". */
function withoutMethod(message: string): string {
  return message.replace(methodPrefix, '').trim();
}

export function isNotAnswering(error: unknown): boolean {
  return error instanceof StudioError && error.code === 'disconnected';
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
