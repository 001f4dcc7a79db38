import { describe, expect, it } from 'vitest';
import { initialOrientation, orientationForPlatforms } from './orientation';

describe('the show form orientation', () => {
  it('a new show follows the platform picks until the user chooses', () => {
    let state = initialOrientation(undefined, []);
    expect(state).toEqual({ value: 'landscape', chosen: false });
    state = orientationForPlatforms(state, ['douyin']);
    expect(state.value).toBe('vertical');
    state = orientationForPlatforms(state, ['youtube_live']);
    expect(state.value).toBe('landscape');
    state = orientationForPlatforms(state, ['youtube_live', 'tiktok_shop_live']);
    expect(state.value).toBe('vertical');
    expect(orientationForPlatforms(initialOrientation(undefined, []), ['taobao_live']).value).toBe('vertical');
  });

  it('an explicit choice, or the show’s own, is kept whatever the platforms', () => {
    const chosen = { value: 'landscape' as const, chosen: true };
    expect(orientationForPlatforms(chosen, ['douyin'])).toEqual(chosen);
    const existing = initialOrientation('landscape', ['douyin']);
    expect(orientationForPlatforms(existing, ['taobao_live']).value).toBe('landscape');
  });
});
