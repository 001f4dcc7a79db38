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
