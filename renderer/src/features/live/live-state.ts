/**
 * The main state of a show on the console, from the runner's state and OBS's: exactly one of ended, rehearsal,
 * onAir (live AND OBS connected AND streaming: outputActive) or liveNotStreaming. Pure.
 */
import type { ObsStatus } from '../../../../shared/contract/studio-api';

export type ShowOnAirState = 'ended' | 'rehearsal' | 'onAir' | 'liveNotStreaming';

export function showOnAirState(args: { ended: boolean; rehearsal: boolean; obs: Pick<ObsStatus, 'connected' | 'streaming'> | undefined }): ShowOnAirState {
  if (args.ended) return 'ended';
  if (args.rehearsal) return 'rehearsal';
  return args.obs?.connected && args.obs.streaming === true ? 'onAir' : 'liveNotStreaming';
}
