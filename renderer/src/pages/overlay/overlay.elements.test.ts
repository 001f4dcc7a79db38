import { describe, expect, it } from 'vitest';
import type { DealState, RunnerState, ShowSnapshot } from '../../../../shared/runner/runner.types';
import { emptySalesSummary } from '../../../../shared/runner/live-sales';
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

const overlays = { dealCard: true, countdown: false, stock: true, lowerThird: false, disclosure: false };
const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });
/** A flash deal (¥149.00, list ¥239.00, code FLASH149) held for a price reveal, with link-live and last-call beats and a step to ¥139.00 15 s in; then a giveaway. */
const snapshot = {
  show: { id: 's', title: 'Show', zone: 'Asia/Shanghai', startAt: '2026-12-01T12:00:00.000Z', targetDurationSec: 600, platforms: ['douyin'], orientation: 'vertical' as const, hosts: [] },
  segments: [
    {
      id: 'deal',
      kind: 'product_pitch',
      title: 'Flash deal',
      plannedSec: 300,
      productIds: ['p'],
      sponsored: false,
      overlays,
      talkingPoints: [],
      crewNotes: '',
      fanGroupText: '',
      beats: [
        { id: 'reveal', kind: 'price_reveal', label: '开价' },
        { id: 'link', kind: 'link_live' },
        { id: 'last', kind: 'last_call' },
      ],
      deal: { price: cny(14900), code: 'FLASH149', stockCap: 200, ladder: [{ id: 'step-1', price: cny(13900), trigger: { kind: 'time', offsetSec: 15 } }] },
    },
    { id: 'g', kind: 'giveaway', title: 'Giveaway', plannedSec: 60, productIds: [], sponsored: false, overlays, talkingPoints: [], crewNotes: '', fanGroupText: '', giveaway: { prize: '面膜', winnerCount: 11 } },
  ],
  products: [{ id: 'p', name: 'Ceramide cream', listPrice: cny(23900) }],
} satisfies ShowSnapshot;

/** The runner's state `elapsedMs` into the segment on air (monotonic clock: the segment started at 1,000). */
function stateAt(options: { index?: number; elapsedMs?: number; deal?: Partial<DealState>; fired?: string[]; giveaway?: RunnerState['giveaways'] }): RunnerState {
  const started = 1_000;
  const deal: DealState = { countdown: 'idle', countdownSec: null, endsAtMono: null, stoppedRemainingMs: null, stockLeft: 200, soldOut: false, held: true, step: 0, ...options.deal };
  const segmentId = snapshot.segments[options.index ?? 0]!.id;
  return {
    revision: 1,
    status: 'live',
    rehearsal: false,
    snapshot: snapshot as unknown as ShowSnapshot,
    currentIndex: options.index ?? 0,
    showStartedAt: '2026-12-01T12:00:00.000Z',
    showEndedAt: null,
    segmentStartedAt: '2026-12-01T12:00:00.000Z',
    pausedAt: null,
    anchors: { showStartedMono: started, segmentStartedMono: started, pausedMono: null, endedMono: null, showPausedMs: 0, segmentPausedMs: 0 },
    adjustmentsSec: {},
    deals: { deal },
    segmentLog: [],
    dealLog: [],
    giveaways: options.giveaway ?? {},
    firedBeats: options.fired ? { [segmentId]: options.fired } : {},
    beatLog: [],
    sales: emptySalesSummary,
    timers: {} as RunnerState['timers'],
  };
}

function render(p: ReturnType<typeof page>, state: RunnerState, elapsedMs = 0, locale = 'zh-CN'): void {
  const words = createPageI18n('overlay', locale);
  const f: OverlayFrame = { state, segment: onAir(state), runnerNow: 1_000 + elapsedMs, holdMs: 0, locale, t: words.t, token: 't', channel: 'live' };
  renderDealCard(p.writer, f, dealFrame(f));
  renderGiveaway(p.writer, f, undefined);
}

describe('the overlay deal card with beats and a price ladder', () => {
  it('shows the teaser, never the price or the code, until the price reveal fires', () => {
    const p = page();
    render(p, stateAt({}), 3_000);
    expect(p.shown('deal')).not.toBeNull();
    expect(p.shown('deal-name')).toBe('Ceramide cream');
    expect(p.shown('deal-teaser')).toBe('即将开价');
    expect(p.shown('deal-prices')).toBeNull();
    expect(p.shown('deal-code-row')).toBeNull();
    expect(p.shown('deal-next')).toBeNull();
    expect(p.els.get('deal-price')?.textContent).toBe('');
    expect(p.els.get('deal-code')?.textContent).toBe('');
  });

  it('after the reveal: the price and the code, the next step with its countdown; then the step price', () => {
    const p = page();
    render(p, stateAt({ deal: { held: false }, fired: ['reveal'] }), 3_000);
    expect(p.shown('deal-teaser')).toBeNull();
    expect(p.shown('deal-price')).toBe('¥149.00');
    expect(p.shown('deal-list-price')).toBe('¥239.00');
    expect(p.shown('deal-code')).toBe('FLASH149');
    expect(p.shown('deal-next')).toBe('00:12 后 ¥139.00');
    expect(p.els.get('deal')?.attrs.has('data-next')).toBe(true);
    render(p, stateAt({ deal: { held: false, step: 1 }, fired: ['reveal'] }), 15_000);
    expect(p.shown('deal-price')).toBe('¥139.00');
    expect(p.shown('deal-next')).toBeNull();
    expect(p.els.get('deal')?.attrs.has('data-next')).toBe(false);
  });

  it('shows the link-live mark and the last-call banner once their beats fire, in the overlay locale', () => {
    const p = page();
    render(p, stateAt({ deal: { held: false }, fired: ['reveal'] }), 0, 'en-US');
    expect(p.shown('deal-link-live')).toBeNull();
    expect(p.shown('deal-last-call')).toBeNull();
    render(p, stateAt({ deal: { held: false }, fired: ['reveal', 'link', 'last'] }), 5_000, 'en-US');
    expect(p.shown('deal-link-live')).toBe('Link is live');
    expect(p.shown('deal-last-call')).toBe('Last call');
    expect(p.shown('deal-next')).toBe('Next: CN¥139.00 in 00:10');
  });

  it('sold out takes price, code, next step and banners off the card', () => {
    const p = page();
    render(p, stateAt({ deal: { held: false, soldOut: true, stockLeft: 0 }, fired: ['reveal', 'link', 'last'] }), 1_000);
    expect(p.shown('deal-sold-out')).toBe('已售罄');
    for (const key of ['deal-prices', 'deal-code-row', 'deal-next', 'deal-last-call', 'deal-link-live', 'deal-teaser']) expect(p.shown(key), key).toBeNull();
  });
});

describe('the overlay giveaway winners card', () => {
  it('is hidden until the giveaway on air is drawn, then shows title, prize, more and the short hash', () => {
    const p = page();
    render(p, stateAt({ index: 1 }));
    expect(p.shown('giveaway')).toBeNull();
    expect(p.shown('deal')).toBeNull();
    const winners = Array.from({ length: 11 }, (_, i) => `fan${i}`);
    render(p, stateAt({ index: 1, giveaway: { g: { segmentId: 'g', prize: '面膜', winnerCount: 11, entrantCount: 20, seedHash: 'f'.repeat(64), winners, drawnAt: '2026-12-01T12:01:00.000Z' } } }));
    expect(p.shown('giveaway')).not.toBeNull();
    expect(p.shown('giveaway-title')).toBe('福袋中奖名单');
    expect(p.shown('giveaway-prize')).toBe('面膜');
    expect(p.shown('giveaway-more')).toBe('等另外 1 位');
    expect(p.shown('giveaway-hash')).toBe('抽奖哈希 ffffffff…ffffffff');
  });
});
