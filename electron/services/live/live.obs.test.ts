import { describe, expect, it } from 'vitest';
import { FakeClock, sampleSnapshot } from '../runner/fixtures/sample-snapshot';
import { ShowRunner } from '../runner/runner.service';
import { desiredObsState, obsSetupForShow, overlaySources } from './live.obs';
import { contains, frameOf, safeLayout } from '../../../shared/domain/safe-zones';

function liveRunner(rehearsal = false) {
  const clock = new FakeClock();
  const runner = new ShowRunner({ clock });
  runner.load(sampleSnapshot(), { rehearsal });
  runner.start();
  return { runner, clock };
}
const visible = (state: ReturnType<ShowRunner['getState']>) =>
  Object.entries(desiredObsState(state).overlays)
    .filter(([, o]) => o.visible)
    .map(([name]) => name)
    .sort();

describe('what OBS should show', () => {
  it('sets up every scene of the show once, plus hidden-by-default overlay sources', () => {
    const setup = obsSetupForShow(sampleSnapshot());
    expect(setup.scenes).toEqual(['Opening', 'Product Close-up', 'Deal', 'Giveaway', 'Q&A', 'Two-shot', 'Closing']);
    expect(setup.overlaySources.map((s) => s.name).sort()).toEqual(Object.values(overlaySources).sort());
  });

  it('points each overlay source at its overlay page when the overlay server is up', () => {
    const urls = { deal: 'http://127.0.0.1:4466/overlay/deal?token=t', 'lower-third': 'http://127.0.0.1:4466/overlay/lower-third?token=t' };
    const sources = new Map(obsSetupForShow(sampleSnapshot(), urls).overlaySources.map((s) => [s.name, s]));
    expect(sources.get(overlaySources.dealCard)?.url).toBe(urls.deal);
    expect(sources.get(overlaySources.lowerThird)?.url).toBe(urls['lower-third']);
    // No URL known for a page: that source stays a native text source.
    expect(sources.get(overlaySources.stock)?.url).toBeUndefined();
    expect(obsSetupForShow(sampleSnapshot()).overlaySources.every((s) => s.url === undefined)).toBe(true);
  });

  it('places native text overlays inside the safe area of the show’s orientation and clear of its platforms’ zones', () => {
    const sample = sampleSnapshot();
    for (const [orientation, platforms] of [['vertical', ['douyin', 'tiktok_shop_live']], ['landscape', ['youtube']]] as const) {
      const snapshot = { ...sample, show: { ...sample.show, orientation, platforms: [...platforms] } };
      const frame = frameOf(orientation);
      const safe = safeLayout(platforms, orientation, frame);
      for (const source of obsSetupForShow(snapshot).overlaySources) {
        const anchor = source.anchor!;
        const point = { x: anchor.x * frame.w, y: anchor.y * frame.h, w: 0, h: 0 };
        expect(contains(safe.contentArea, point), `${source.name} (${orientation})`).toBe(true);
      }
    }
    // Vertical: the deal card starts below Douyin's top bar, not at 80 % of the height (under the comments).
    const vertical = obsSetupForShow({ ...sample, show: { ...sample.show, orientation: 'vertical', platforms: ['douyin'] } });
    const deal = vertical.overlaySources.find((s) => s.name === overlaySources.dealCard)!.anchor!;
    expect(deal.y * 1920).toBeGreaterThanOrEqual(270);
    expect(deal.y * 1920).toBeLessThan(900);
  });

  it('puts the current segment’s scene on air with its overlays', () => {
    const { runner } = liveRunner();
    expect(desiredObsState(runner.getState()).programScene).toBe('Opening');
    // The sample's opening is sponsored: its disclosure badge goes on air with the host's lower third.
    expect(runner.getState().snapshot?.segments[0]?.sponsored).toBe(true);
    expect(visible(runner.getState())).toEqual([overlaySources.disclosure, overlaySources.lowerThird].sort());
    runner.next();
    runner.next();
    const state = runner.getState();
    const desired = desiredObsState(state);
    expect(desired.programScene).toBe('Deal');
    // Stock starts at the deal's cap (200), so "N left" is on air from the first second of the deal.
    expect(visible(state)).toEqual([overlaySources.dealCard, overlaySources.disclosure, overlaySources.stock].sort());
    expect(desired.overlays[overlaySources.stock]?.text).toBe('仅剩 200 件'); // the default overlay locale is zh-CN
    expect(desired.overlays[overlaySources.dealCard]?.text).toContain('¥149.00');
    expect(desired.overlays[overlaySources.dealCard]?.text).toContain('优惠码 FLASH149');
    expect(desired.overlays[overlaySources.disclosure]?.text).toBe(state.snapshot?.segments[2]?.disclosureLabel);
  });

  it('shows the countdown while it runs and the stock once it is known', () => {
    const { runner, clock } = liveRunner();
    runner.jumpTo(2);
    runner.startCountdown();
    clock.advance(61_000);
    runner.setStockLeft(12);
    // An overlay look priced in en-US speaks English, prices included.
    const desired = desiredObsState(runner.getState(), 'en-US');
    expect(desired.overlays[overlaySources.countdown]).toEqual({ visible: true, text: expect.stringMatching(/^\d+:\d\d$/) });
    expect(desired.overlays[overlaySources.stock]).toEqual({ visible: true, text: '12 left' });
    expect(desired.overlays[overlaySources.dealCard]?.text).toContain('CN¥149.00  (was CN¥239.00)\nCode FLASH149');
    runner.markSoldOut();
    expect(desiredObsState(runner.getState(), 'en-US').overlays[overlaySources.stock]).toEqual({ visible: true, text: 'Sold out' });
    expect(desiredObsState(runner.getState(), 'zh-TW').overlays[overlaySources.stock]).toEqual({ visible: true, text: '已售罄' });
  });

  it('holds the price behind a teaser until the reveal, then shows the ladder price, the next step and the last call', () => {
    const clock = new FakeClock();
    const runner = new ShowRunner({ clock, scheduler: { set: () => null, clear: () => undefined } });
    const snapshot = sampleSnapshot();
    const flash = snapshot.segments[2]!;
    const price = flash.deal!.price;
    snapshot.segments[2] = {
      ...flash,
      deal: { ...flash.deal!, ladder: [{ id: 'l1', price: { ...price, amountMinor: price.amountMinor - 1000 }, trigger: { kind: 'time', offsetSec: 90 } }] },
      beats: [
        { id: 'reveal', kind: 'price_reveal', offsetSec: 240 },
        { id: 'last', kind: 'last_call' },
      ],
    };
    runner.load(snapshot, { rehearsal: false });
    runner.start();
    runner.jumpTo(2);
    const startedAt = runner.getState().segmentStartedAt!;
    const reveal = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: snapshot.show.zone }).format(
      new Date(Date.parse(startedAt) + 240_000),
    );
    const card = () => desiredObsState(runner.getState(), 'zh-CN').overlays[overlaySources.dealCard]!;
    expect(card().text).toContain(`${reveal} 开价`);
    expect(card().text).not.toMatch(/149|FLASH149/);
    runner.fireBeat();
    expect(card().text).toContain('¥149.00');
    expect(card().text).toContain('1:30 后 ¥139.00');
    clock.advance(90_000);
    runner.tick();
    expect(card().text).toContain('¥139.00');
    expect(card().text).not.toContain('后');
    expect(card().text).not.toContain('已上链接');
    runner.fireBeat();
    expect(card().text).toContain('最后机会');
  });

  it('sold out takes price and code off air and the countdown with them', () => {
    const { runner, clock } = liveRunner();
    runner.jumpTo(2);
    runner.startCountdown();
    clock.advance(10_000);
    runner.markSoldOut();
    clock.advance(600_000);
    const desired = desiredObsState(runner.getState(), 'zh-CN');
    const name = runner.getState().snapshot!.products.find((p) => p.id === runner.getState().snapshot!.segments[2]!.productIds[0])!.name;
    expect(desired.overlays[overlaySources.dealCard]).toEqual({ visible: true, text: `${name}\n已售罄` });
    expect(desired.overlays[overlaySources.countdown]?.visible).toBe(false);
    expect(desired.overlays[overlaySources.stock]).toEqual({ visible: true, text: '已售罄' });
  });

  it('an ended countdown says so for the hold, then price, code, countdown and stock leave', () => {
    const { runner, clock } = liveRunner();
    runner.jumpTo(2);
    runner.startCountdown();
    clock.advance(300_000); // exactly 0 left
    let desired = desiredObsState(runner.getState(), 'zh-CN', 3000);
    expect(desired.overlays[overlaySources.countdown]).toEqual({ visible: true, text: '优惠已结束' });
    expect(desired.overlays[overlaySources.dealCard]?.text).toContain('优惠已结束  ¥149.00');
    clock.advance(2999);
    expect(desiredObsState(runner.getState(), 'zh-CN', 3000).overlays[overlaySources.dealCard]?.visible).toBe(true);
    clock.advance(1);
    desired = desiredObsState(runner.getState(), 'zh-CN', 3000);
    expect(desired.overlays[overlaySources.dealCard]).toEqual({ visible: false, text: '' });
    expect(desired.overlays[overlaySources.countdown]?.visible).toBe(false);
    expect(desired.overlays[overlaySources.stock]?.visible).toBe(false);
    expect(Object.entries(desired.overlays).filter(([, o]) => o.visible).map(([n]) => n)).toEqual([overlaySources.disclosure]);
  });

  it("shows the segment's lower third: the co-host on a co-host segment, the segment's line", () => {
    const { runner } = liveRunner();
    const snapshot = runner.getState().snapshot!;
    const index = snapshot.segments.findIndex((s) => s.kind === 'co_host');
    runner.jumpTo(index);
    const cohost = snapshot.show.hosts[1]!;
    expect(desiredObsState(runner.getState()).overlays[overlaySources.lowerThird]).toEqual({ visible: true, text: `${cohost.name}  ${cohost.handle}` });
  });

  it('shows the giveaway winners once the giveaway on air is drawn (native text in the overlay locale), then nothing once ended', () => {
    const { runner } = liveRunner();
    const snapshot = runner.getState().snapshot!;
    const index = snapshot.segments.findIndex((s) => s.kind === 'giveaway');
    runner.jumpTo(index);
    expect(desiredObsState(runner.getState()).overlays[overlaySources.giveaway]?.visible).toBe(false);
    const winners = Array.from({ length: 12 }, (_, i) => `fan_${i + 1}`);
    runner.giveawayDrawn({ segmentId: snapshot.segments[index]!.id, prize: 'Ceramide cream', winnerCount: 12, entrantCount: 50, seedHash: '0123456789abcdef'.repeat(4), winners });
    expect(desiredObsState(runner.getState(), 'en-US').overlays[overlaySources.giveaway]).toEqual({
      visible: true,
      text: `Giveaway winners\nCeramide cream\n${winners.slice(0, 10).join('  ')}\n+2 more\nDraw hash 01234567…89abcdef`,
    });
    expect(desiredObsState(runner.getState()).overlays[overlaySources.giveaway]?.text).toMatch(/^福袋中奖名单\n/);
    runner.end();
    expect(desiredObsState(runner.getState()).overlays[overlaySources.giveaway]?.visible).toBe(false);
  });

  it('shows nothing once the show has ended', () => {
    const { runner } = liveRunner();
    runner.end();
    const desired = desiredObsState(runner.getState());
    expect(desired.programScene).toBeUndefined();
    expect(visible(runner.getState())).toEqual([]);
  });
});
