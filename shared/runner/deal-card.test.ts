/**
 * The deal-ending rule at its boundaries: exactly 0 left, exactly the end of the hold, sold out, a zero hold.
 */
import { describe, expect, it } from 'vitest';
import { dealCardView, plannedRevealAt, teaserText } from './deal-card';
import { overlayStrings } from './overlay-text';
import type { DealState } from './runner.types';

const base: DealState = { countdown: 'idle', countdownSec: 60, endsAtMono: null, stoppedRemainingMs: null, stockLeft: 20, soldOut: false, held: false, step: 0 };
const running = (endsAtMono: number): DealState => ({ ...base, countdown: 'running', endsAtMono });
const HOLD = 5000;

describe('dealCardView', () => {
  it('keeps an idle deal open with no countdown on air', () => {
    expect(dealCardView(base, 0, HOLD)).toEqual({ phase: 'open', card: true, offer: true, countdown: null, stock: true });
    expect(dealCardView({ ...base, countdownSec: null }, 0, HOLD).countdown).toBeNull();
  });

  it('shows a running countdown until 1 ms before the end', () => {
    expect(dealCardView(running(10_000), 9_999, HOLD)).toMatchObject({ phase: 'open', offer: true, countdown: { state: 'running', remainingMs: 1 } });
  });

  it('is "deal ended" at exactly 0 left, price still up, for the whole hold', () => {
    expect(dealCardView(running(10_000), 10_000, HOLD)).toEqual({
      phase: 'ended',
      card: true,
      offer: true,
      countdown: { state: 'expired', remainingMs: 0 },
      stock: true,
    });
    expect(dealCardView(running(10_000), 10_000 + HOLD - 1, HOLD).phase).toBe('ended');
  });

  it('takes card, price, code, countdown and stock off air at exactly the end of the hold', () => {
    const closed = { phase: 'closed', card: false, offer: false, countdown: null, stock: false };
    expect(dealCardView(running(10_000), 10_000 + HOLD, HOLD)).toEqual(closed);
    expect(dealCardView(running(10_000), 10_000 + 3_600_000, HOLD)).toEqual(closed);
  });

  it('goes straight from open to closed with a zero hold', () => {
    expect(dealCardView(running(10_000), 9_999, 0).phase).toBe('open');
    expect(dealCardView(running(10_000), 10_000, 0).phase).toBe('closed');
  });

  it('keeps a stopped countdown open with its frozen time', () => {
    expect(dealCardView({ ...base, countdown: 'stopped', stoppedRemainingMs: 42_000 }, 1e9, HOLD)).toMatchObject({
      phase: 'open',
      offer: true,
      countdown: { state: 'stopped', remainingMs: 42_000 },
    });
  });

  it('sold out: price and code off, card and stock say sold out, countdown off, whatever the countdown did', () => {
    const soldOut = { phase: 'soldOut', card: true, offer: false, countdown: null, stock: true };
    expect(dealCardView({ ...base, soldOut: true, stockLeft: 0 }, 0, HOLD)).toEqual(soldOut);
    expect(dealCardView({ ...base, countdown: 'stopped', stoppedRemainingMs: 3000, soldOut: true, stockLeft: 0 }, 0, HOLD)).toEqual(soldOut);
    expect(dealCardView({ ...running(10_000), soldOut: true }, 10_000 + HOLD, HOLD)).toEqual(soldOut);
  });
});

describe('hold-and-release (憋单)', () => {
  it('shows a teaser, never the price, until the price reveal fires; sold out still wins', () => {
    const held = { ...base, held: true };
    expect(dealCardView(held, 0, HOLD)).toEqual({ phase: 'teaser', card: true, offer: false, countdown: null, stock: true });
    expect(dealCardView({ ...held, soldOut: true }, 0, HOLD).phase).toBe('soldOut');
    expect(dealCardView({ ...held, held: false }, 0, HOLD)).toMatchObject({ phase: 'open', offer: true });
  });

  it('words the teaser with the planned reveal clock time in the show zone', () => {
    const core = {
      snapshot: { segments: [{ id: 's1', beats: [{ id: 'b1', kind: 'price_reveal' as const, offsetSec: 240 }] }] } as never,
      currentIndex: 0,
      segmentStartedAt: '2026-11-29T12:10:00.000Z',
      anchors: { showStartedMono: 0, segmentStartedMono: 0, pausedMono: null, endedMono: null, showPausedMs: 0, segmentPausedMs: 0 },
      firedBeats: {},
    };
    const at = plannedRevealAt(core);
    expect(at).toBe('2026-11-29T12:14:00.000Z');
    expect(teaserText(overlayStrings('zh-CN'), at, 'Asia/Shanghai')).toBe('20:14 开价');
    expect(teaserText(overlayStrings('en-US'), at, 'Asia/Shanghai')).toBe('Price at 20:14');
    expect(plannedRevealAt({ ...core, firedBeats: { s1: ['b1'] } })).toBeNull();
    expect(teaserText(overlayStrings('en-US'), null, 'Asia/Shanghai')).toBe('Price reveal coming up');
  });
});
