/**
 * buildShowSnapshot's lower thirds on the sample workspace: main host by default, the co-host on a co-host
 * segment, the segment's own values winning (blank values are unset).
 */
import { describe, expect, it } from 'vitest';
import { buildSampleWorkspace } from '../sample/sample-workspace';
import { buildShowSnapshot } from './runner.snapshot';
import { showSnapshotSchema } from './runner.types';

function build(edit: (segments: ReturnType<typeof buildSampleWorkspace>['segments']) => void = () => undefined) {
  const workspace = buildSampleWorkspace(new Date('2026-11-20T04:00:00.000Z'));
  const show = workspace.shows[0]!;
  edit(workspace.segments);
  return buildShowSnapshot({ show, segments: workspace.segments, products: workspace.products, creators: workspace.creators });
}

describe('lower thirds in the snapshot', () => {
  it('names the main host by default and the co-host on a co-host segment', () => {
    const snapshot = build();
    const [main, cohost] = snapshot.show.hosts;
    const opening = snapshot.segments.find((s) => s.kind === 'opening')!;
    const coHostSegment = snapshot.segments.find((s) => s.kind === 'co_host')!;
    expect(opening.lowerThird).toEqual({ name: main!.name, handle: main!.handle });
    expect(coHostSegment.lowerThird).toEqual({ name: cohost!.name, handle: cohost!.handle });
    expect(cohost!.name).not.toBe(main!.name);
    expect(showSnapshotSchema.safeParse(snapshot).success).toBe(true);
  });

  it("uses the segment's own name, handle and line; blank fields fall back", () => {
    const snapshot = build((segments) => {
      const opening = segments.find((s) => s.kind === 'opening')!;
      opening.lowerThird = { name: '  Guest Chef 王师傅 ', handle: '@chefwang', line: '今晚限时福利' };
      const cohost = segments.find((s) => s.kind === 'co_host')!;
      cohost.lowerThird = { name: '', handle: ' ', line: 'Morning routine' };
    });
    const main = snapshot.show.hosts[1]!;
    expect(snapshot.segments.find((s) => s.kind === 'opening')!.lowerThird).toEqual({ name: 'Guest Chef 王师傅', handle: '@chefwang', line: '今晚限时福利' });
    expect(snapshot.segments.find((s) => s.kind === 'co_host')!.lowerThird).toEqual({ name: main.name, handle: main.handle, line: 'Morning routine' });
  });

  it("does not give another person's name the default host's handle", () => {
    const snapshot = build((segments) => {
      segments.find((s) => s.kind === 'opening')!.lowerThird = { name: 'Guest' };
    });
    expect(snapshot.segments.find((s) => s.kind === 'opening')!.lowerThird).toEqual({ name: 'Guest' });
  });
});

describe('orientation in the snapshot', () => {
  it("carries the show's orientation, else the default of its platforms; an older journaled snapshot reads as landscape", () => {
    const workspace = buildSampleWorkspace(new Date('2026-11-20T04:00:00.000Z'));
    const show = workspace.shows[0]!;
    const input = { segments: workspace.segments.filter((s) => s.showId === show.id), products: workspace.products, creators: workspace.creators };
    // The sample's Hydration Night says landscape although Douyin + Taobao Live would default to vertical.
    expect(buildShowSnapshot({ ...input, show }).show.orientation).toBe('landscape');
    const { orientation: _own, ...unset } = show;
    expect(buildShowSnapshot({ ...input, show: unset }).show.orientation).toBe('vertical');
    expect(buildShowSnapshot({ ...input, show: { ...unset, platforms: ['douyin'] } }).show.orientation).toBe('vertical');
    expect(buildShowSnapshot({ ...input, show: { ...unset, platforms: ['youtube_live'] } }).show.orientation).toBe('landscape');
    expect(buildShowSnapshot({ ...input, show: { ...show, platforms: ['douyin'], orientation: 'landscape' } }).show.orientation).toBe('landscape');
    const snapshot = buildShowSnapshot({ ...input, show });
    const { orientation: _dropped, ...olderShow } = snapshot.show;
    expect(showSnapshotSchema.parse({ ...snapshot, show: olderShow }).show.orientation).toBe('landscape');
    expect(showSnapshotSchema.safeParse({ ...snapshot, show: { ...snapshot.show, orientation: 'square' } }).success).toBe(false);
  });
});

describe('reviewed claims in the snapshot', () => {
  it('carries a segment\'s reviewed claim keys (the strict schema accepts them), and none when there are none', () => {
    const snapshot = build((segments) => {
      segments[0]!.reviewedClaimKeys = ['talkingPoint|zh-price-lowest|全网最低'];
      segments[1]!.reviewedClaimKeys = [];
    });
    expect(snapshot.segments[0]!.reviewedClaimKeys).toEqual(['talkingPoint|zh-price-lowest|全网最低']);
    expect('reviewedClaimKeys' in snapshot.segments[1]!).toBe(false);
    expect(showSnapshotSchema.safeParse(snapshot).success).toBe(true);
    const bad = { ...snapshot, segments: [{ ...snapshot.segments[0]!, reviewedClaimKeys: [42] }] };
    expect(showSnapshotSchema.safeParse(bad).success).toBe(false);
  });
});

describe('role cues in the snapshot', () => {
  it('carries each role’s cues, cleaned, and nothing for a segment without cues', () => {
    const snapshot = build((segments) => {
      segments[1]!.cues = { host: [' Show the texture to camera '], assistant: ['Tap cart link 1', ''], controller: ['Release 50 units at 20:14'] };
      segments[2]!.cues = { host: [], assistant: [' '], controller: [] };
    });
    expect(snapshot.segments[1]!.cues).toEqual({ host: ['Show the texture to camera'], assistant: ['Tap cart link 1'], controller: ['Release 50 units at 20:14'] });
    expect(snapshot.segments[2]).not.toHaveProperty('cues');
    expect(showSnapshotSchema.safeParse(snapshot).success).toBe(true);
  });

  it('refuses unknown roles and oversize cues at the door; a snapshot from before cues still parses', () => {
    const snapshot = build();
    expect(snapshot.segments.every((s) => s.cues === undefined)).toBe(true);
    expect(showSnapshotSchema.safeParse(snapshot).success).toBe(true);
    const withRole = structuredClone(snapshot);
    (withRole.segments[0] as unknown as { cues: unknown }).cues = { host: [], assistant: [], controller: [], director: ['x'] };
    expect(showSnapshotSchema.safeParse(withRole).success).toBe(false);
    const tooLong = structuredClone(snapshot);
    tooLong.segments[0]!.cues = { host: ['x'.repeat(1001)], assistant: [], controller: [] };
    const parsed = showSnapshotSchema.safeParse(tooLong);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['segments', 0, 'cues', 'host', 0]);
  });
});

describe('beats, price ladder and hard start in the snapshot', () => {
  it('carries them by name, trimmed, and the strict schema accepts them', () => {
    const snapshot = build((segments) => {
      const flash = segments.find((s) => s.kind === 'flash_deal' && s.deal)!;
      flash.beats = [
        { id: 'b1', kind: 'price_reveal', offsetSec: 60, label: '  3, 2, 1  ' },
        { id: 'b2', kind: 'stock_release', units: 20 },
        { id: 'b3', kind: 'last_call', units: 5, label: ' ' },
      ];
      flash.deal = { ...flash.deal!, ladder: [{ id: 'l1', price: { amountMinor: 13900, currency: 'CNY' }, trigger: { kind: 'stock', atOrBelow: 20 } }] };
      flash.pinnedAt = '2026-11-29T12:15:00.000Z';
    });
    const flash = snapshot.segments.find((s) => s.beats)!;
    expect(flash.beats).toEqual([
      { id: 'b1', kind: 'price_reveal', offsetSec: 60, label: '3, 2, 1' },
      { id: 'b2', kind: 'stock_release', units: 20 },
      { id: 'b3', kind: 'last_call' },
    ]);
    expect(flash.deal?.ladder).toEqual([{ id: 'l1', price: { amountMinor: 13900, currency: 'CNY' }, trigger: { kind: 'stock', atOrBelow: 20 } }]);
    expect(flash.pinnedAt).toBe('2026-11-29T12:15:00.000Z');
    expect(showSnapshotSchema.safeParse(snapshot).success).toBe(true);
    const dup = { ...snapshot, segments: snapshot.segments.map((s) => (s === flash ? { ...s, beats: [...s.beats!, { id: 'b1', kind: 'custom' as const }] } : s)) };
    expect(showSnapshotSchema.safeParse(dup).error?.issues[0]?.message).toBe('duplicate beat id b1');
    expect(showSnapshotSchema.safeParse({ ...snapshot, segments: [{ ...flash, beats: [{ id: 'x', kind: 'custom', extra: 1 }] }] }).success).toBe(false);
  });
});
