import { describe, expect, it } from 'vitest';
import { showOnAirState } from './live-state';

describe('the show state on the console', () => {
  it('says ON AIR only for a live show while OBS is connected and streaming', () => {
    expect(showOnAirState({ ended: false, rehearsal: false, obs: { connected: true, streaming: true } })).toBe('onAir');
    expect(showOnAirState({ ended: false, rehearsal: false, obs: { connected: true, streaming: false } })).toBe('liveNotStreaming');
    // A lost OBS may have been streaming: unknown is not on air.
    expect(showOnAirState({ ended: false, rehearsal: false, obs: { connected: false, streaming: true } })).toBe('liveNotStreaming');
    expect(showOnAirState({ ended: false, rehearsal: false, obs: undefined })).toBe('liveNotStreaming');
  });

  it('says ended alone once the show ended, even while OBS still streams; a rehearsal is never on air', () => {
    expect(showOnAirState({ ended: true, rehearsal: false, obs: { connected: true, streaming: true } })).toBe('ended');
    expect(showOnAirState({ ended: false, rehearsal: true, obs: { connected: true, streaming: true } })).toBe('rehearsal');
  });
});
