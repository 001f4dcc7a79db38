/**
 * The contract's size bound, checked in the renderer before anything is sent (shared/contract/limits.ts): an
 * argument the services would refuse for its size is refused here with a sentence in the user's language, so a
 * big show, run-sheet or report never reaches the transport.
 */
import { jsonByteLength, MAX_CONTRACT_ARG_BYTES } from '../../../shared/contract/limits';
import { i18n } from '../i18n/i18n';

/** The `limits` namespace sentences, one per kind of argument. */
export type OversizeMessage = 'showTooLarge' | 'runSheetTooLarge' | 'reportTooLarge';

const megabytes = (bytes: number): string => (bytes / (1024 * 1024)).toLocaleString(i18n.language, { maximumFractionDigits: 1 });

/** Throws `message` (with the size and the bound in MB) when `value` as JSON is over the contract's bound. */
export function refuseIfOverContractBound(value: unknown, message: OversizeMessage): void {
  const bytes = jsonByteLength(value);
  if (bytes > MAX_CONTRACT_ARG_BYTES) throw new Error(i18n.t(message, { ns: 'limits', size: megabytes(bytes), max: megabytes(MAX_CONTRACT_ARG_BYTES) }));
}
