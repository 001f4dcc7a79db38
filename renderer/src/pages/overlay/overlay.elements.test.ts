import { describe, expect, it } from 'vitest';
import { FakeClock, sampleSnapshot } from '../../../../electron/services/runner/fixtures/sample-snapshot';
import { ShowRunner } from '../../../../electron/services/runner/runner.service';
import type { ShowSnapshot } from '../../../../shared/runner/runner.types';
import { createPageI18n } from '../../i18n/page-i18n';
import { DomWriter } from '../dom-writer';
import { dealFrame, onAir, renderDealCard, renderGiveaway, type OverlayFrame } from './overlay.elements';

/** A stand-in for the page's elements: what the DomWriter wrote (text, hidden, attributes). */
class FakeElement {
  hidden = false;
  textContent = '';
  readonly attrs = new Map<string, string>();
  readonly style = { setProperty: () => undefined };
  setAttribute(name: string, value: string): void {
    this.attrs.set(name, value);
  }
  removeAttribute(name: string): void {
    this.attrs.delete(name);
  }
}

function page() {
  const els = new Map<string, FakeElement>();
  const writer = new DomWriter((key) => {
    if (!els.has(key)) els.set(key, new FakeElement());
    return els.get(key) as unknown as HTMLElement;
  });
  const shown = (key: string) => {
    const el = els.get(key);
    return el && !el.hidden ? el.textContent : null;
  };
  return { writer, els, shown };
}

const DEAL = 2; // the sample's flash deal: ¥149.00, code FLASH149, list ¥239.00

function heldLadderShow(): ShowSnapshot {
  const sample = sampleSnapshot();
  return {
    ...sample,
    segments: sample.segments.map((segment, index) =>
      index === DEAL && segment.deal
        ? {
            ...segment,
            beats: [
              { id: 'reveal', kind: 'price_reveal', label: '开价' },
              { id: 'link', kind: 'link_live' },
              { id: 'last', kind: 'last_call' },
            ],
            deal: { ...segment.deal, ladder: [{ id: 'step-1', price: { amountMinor: 13900, currency: 'CNY' }, trigger: { kind: 'time', offsetSec: 15 } }] },
          }
        : segment,
    ),
  };
}

function setup(locale = 'zh-CN') {
  const clock = new FakeClock();
  const runner = new ShowRunner({ clock });
  runner.load(heldLadderShow(), { rehearsal: false });
  runner.start();
  runner.jumpTo(DEAL);
  const words = createPageI18n('overlay', locale);
  const frame = (): OverlayFrame => {
    const state = runner.getState();
    return { state, segment: onAir(state), runnerNow: clock.now(), holdMs: 0, locale, t: words.t, token: 't', channel: 'live' };
  };
  const render = (p: ReturnType<typeof page>) => {
    const f = frame();
    renderDealCard(p.writer, f, dealFrame(f));
  };
  return { runner, clock, render };
}

describe('the overlay deal card with beats and a price ladder', () => {
  it('shows the teaser, never the price or the code, until the price reveal fires', () => {
    const { render } = setup();
    const p = page();
    render(p);
    expect(p.shown('deal')).not.toBeNull();
    expect(p.shown('deal-teaser')).toBe('即将开价');
    expect(p.shown('deal-prices')).toBeNull();
    expect(p.shown('deal-code-row')).toBeNull();
    expect(p.shown('deal-next')).toBeNull();
    expect(p.els.get('deal-price')?.textContent).toBe('');
    expect(p.els.get('deal-code')?.textContent).toBe('');
  });

  it('after the reveal: the price and the code, the next step with its countdown; then the step price on time', () => {
    const { runner, clock, render } = setup();
    const p = page();
    render(p);
    runner.fireBeat();
    clock.mono += 3_000;
    render(p);
    expect(p.shown('deal-teaser')).toBeNull();
    expect(p.shown('deal-price')).toBe('¥149.00');
    expect(p.shown('deal-code')).toBe('FLASH149');
    expect(p.shown('deal-next')).toBe('00:12 后 ¥139.00');
    expect(p.els.get('deal')?.attrs.has('data-next')).toBe(true);
    clock.mono += 12_000;
    runner.tick();
    render(p);
    expect(p.shown('deal-price')).toBe('¥139.00');
    expect(p.shown('deal-list-price')).toBe('¥239.00');
    expect(p.shown('deal-next')).toBeNull();
    expect(p.els.get('deal')?.attrs.has('data-next')).toBe(false);
  });

  it('shows the link-live mark and the last-call banner once their beats fire, in the overlay locale', () => {
    const { runner, render } = setup('en-US');
    const p = page();
    runner.fireBeat('reveal');
    render(p);
    expect(p.shown('deal-link-live')).toBeNull();
    expect(p.shown('deal-last-call')).toBeNull();
    runner.fireBeat('link');
    render(p);
    expect(p.shown('deal-link-live')).toBe('Link is live');
    runner.fireBeat('last');
    render(p);
    expect(p.shown('deal-last-call')).toBe('Last call');
    expect(p.shown('deal-next')).toMatch(/^Next: CN¥139\.00 in 00:\d\d$/);
  });

  it('sold out takes price, code, next step and banners off the card', () => {
    const { runner, render } = setup();
    const p = page();
    runner.fireBeat('reveal');
    runner.fireBeat('last');
    runner.markSoldOut();
    render(p);
    expect(p.shown('deal-sold-out')).toBe('已售罄');
    for (const key of ['deal-prices', 'deal-code-row', 'deal-next', 'deal-last-call', 'deal-teaser']) expect(p.shown(key), key).toBeNull();
  });
});

describe('the overlay giveaway winners card', () => {
  it('is hidden until the giveaway on air is drawn, then shows title, prize, more and the short hash', () => {
    const clock = new FakeClock();
    const runner = new ShowRunner({ clock });
    runner.load(sampleSnapshot(), { rehearsal: true });
    runner.start();
    const index = runner.getState().snapshot!.segments.findIndex((s) => s.kind === 'giveaway');
    runner.jumpTo(index);
    const words = createPageI18n('overlay', 'zh-CN');
    const frame = (): OverlayFrame => {
      const state = runner.getState();
      return { state, segment: onAir(state), runnerNow: clock.now(), holdMs: 0, locale: 'zh-CN', t: words.t, token: 't', channel: 'preview' };
    };
    const p = page();
    renderGiveaway(p.writer, frame(), undefined);
    expect(p.shown('giveaway')).toBeNull();
    const segmentId = runner.getState().snapshot!.segments[index]!.id;
    runner.giveawayDrawn({ segmentId, prize: '面膜', winnerCount: 11, entrantCount: 20, seedHash: 'f'.repeat(64), winners: Array.from({ length: 11 }, (_, i) => `fan${i}`) });
    renderGiveaway(p.writer, frame(), undefined);
    expect(p.shown('giveaway')).not.toBeNull();
    expect(p.shown('giveaway-title')).toBe('福袋中奖名单');
    expect(p.shown('giveaway-prize')).toBe('面膜');
    expect(p.shown('giveaway-more')).toBe('等另外 1 位');
    expect(p.shown('giveaway-hash')).toBe('抽奖哈希 ffffffff…ffffffff');
  });
});
