/**
 * What each overlay element shows, one render function per element (deal card, countdown, stock, disclosure,
 * lower third, giveaway winners, the preview mark). Each reads the frame (the state at one instant, resolved once per
 * render) and writes through the DomWriter. A new element is one more function here and one more block in
 * overlay.html.
 *
 * Invariants:
 * - visibility and text follow desiredObsState(): only while the show is live or paused; the disclosure on every
 *   sponsored segment; the deal card, countdown and stock follow dealCardView() (shared/runner/deal-card.ts) —
 *   imported, not copied: sold out shows no price and no code; an ended countdown holds "deal ended" for the
 *   look's hold, then card, countdown and stock leave;
 * - beats and ladders follow dealOverlayView() (shared/runner/deal-overlay.ts): while the price is held (憋单) the
 *   card shows the teaser ("Price at 20:14", teaserText) and never the price or the code; the price shown is the
 *   ladder step in force, with the next step and its countdown or stock threshold; the last-call banner and the
 *   link-live mark follow the fired beats (with the offer only);
 * - the winners card follows giveawayWinnersView() (shared/runner/giveaway-winners.ts) in the overlay's locale;
 * - words come from the `overlay` i18n namespace, money from formatMoney in the price locale.
 */
import type { TFunction } from 'i18next';
import { teaserText, type DealCardView } from '../../../../shared/runner/deal-card';
import { dealOverlayView, type DealOverlayView } from '../../../../shared/runner/deal-overlay';
import { giveawayWinnersView, giveawayWinnersWords } from '../../../../shared/runner/giveaway-winners';
import { deriveTimers } from '../../../../shared/runner/runner.client';
import { formatCountdownMs } from '../../../../shared/runner/runner.format';
import type { DealState, RunnerState, SnapshotProduct, SnapshotSegment } from '../../../../shared/runner/runner.types';
import { formatMoney } from '../../../../shared/domain/money';
import type { DomWriter } from '../dom-writer';

export interface OverlayFrame {
  state: RunnerState | null;
  /** The segment on air (live or paused), else null. */
  segment: SnapshotSegment | null;
  /** The runner's monotonic clock now (the page's clock plus the offset of the last message). */
  runnerNow: number;
  holdMs: number;
  locale: string;
  t: TFunction;
  /** The overlay token, for image URLs under /overlay/media/ (read from the page's own URL, never written). */
  token: string;
  channel: 'live' | 'preview';
}

export function onAir(state: RunnerState | null): SnapshotSegment | null {
  if (!state?.snapshot || (state.status !== 'live' && state.status !== 'paused')) return null;
  return state.snapshot.segments[state.currentIndex] ?? null;
}

export interface DealFrame {
  segment: SnapshotSegment;
  deal: NonNullable<SnapshotSegment['deal']>;
  dealState: DealState;
  view: DealCardView;
  /** Beats and ladder: teaser, price in force, next step, last call, link live. */
  overlay: DealOverlayView;
  product: SnapshotProduct | null;
}

/** The deal on air and its view at this instant; null when the segment has no deal (or nothing is on air). */
export function dealFrame(frame: OverlayFrame): DealFrame | null {
  const { state, segment } = frame;
  if (!state || !segment?.deal) return null;
  const dealState = state.deals[segment.id];
  if (!dealState) return null;
  const timers = deriveTimers(state, frame.runnerNow);
  const overlay = dealOverlayView(state, timers.at, timers.segmentElapsedMs, frame.holdMs);
  if (!overlay) return null;
  const view = overlay.card;
  const productId = segment.productIds[0];
  const product = (productId ? state.snapshot?.products.find((p) => p.id === productId) : undefined) ?? null;
  return { segment, deal: segment.deal, dealState, view, overlay, product };
}

export function renderDealCard(w: DomWriter, frame: OverlayFrame, d: DealFrame | null): void {
  const show = !!(d && d.view.card && d.segment.overlays.dealCard);
  w.visible('deal', show);
  if (!d || !show) return;
  const { view, deal, product, segment, overlay } = d;
  const money = (m: { amountMinor: number; currency: string }) => formatMoney(m, frame.locale);
  w.attr('deal', 'data-state', view.phase);
  w.text('deal-name', product ? product.name : segment.title);
  const ended = view.phase === 'ended';
  w.visible('deal-ended', ended);
  w.text('deal-ended', ended ? frame.t('dealEnded') : '');
  const teaser = overlay.teaser;
  w.visible('deal-teaser', !!teaser);
  w.text('deal-teaser', teaser ? teaserText({ teaserAt: frame.t('teaserAt', { time: '{time}' }), teaserSoon: frame.t('teaserSoon') }, teaser.revealAt, teaser.zone) : '');
  w.visible('deal-prices', view.offer);
  w.text('deal-price', view.offer ? money(overlay.price) : '');
  const list = view.offer && !!product && product.listPrice.currency === overlay.price.currency && product.listPrice.amountMinor !== overlay.price.amountMinor;
  w.visible('deal-list-price', list);
  w.text('deal-list-price', list && product ? money(product.listPrice) : '');
  const next = overlay.next;
  w.visible('deal-next', !!next);
  w.text(
    'deal-next',
    !next
      ? ''
      : next.trigger === 'time'
        ? frame.t('nextStepIn', { price: money(next.price), time: formatCountdownMs(next.remainingMs) })
        : frame.t('nextStepAt', { price: money(next.price), n: next.atOrBelow }),
  );
  // A ladder's next line takes the name's second line (the card's height is fixed: overlay-layout.ts DESIGN.deal).
  w.attr('deal', 'data-next', next ? '' : null);
  w.visible('deal-code-row', view.offer && !!deal.code);
  w.text('deal-code', view.offer ? (deal.code ?? '') : '');
  w.text('deal-code-label', frame.t('code'));
  w.visible('deal-link-live', overlay.linkLive);
  w.text('deal-link-live', overlay.linkLive ? frame.t('linkLive') : '');
  w.visible('deal-last-call', overlay.lastCall);
  w.text('deal-last-call', overlay.lastCall ? frame.t('lastCall') : '');
  const soldOut = view.phase === 'soldOut';
  w.visible('deal-sold-out', soldOut);
  w.text('deal-sold-out', soldOut ? frame.t('soldOut') : '');
  const image = product?.imageHash && /^[0-9a-f]{64}$/.test(product.imageHash) ? `/overlay/media/${product.imageHash}?token=${encodeURIComponent(frame.token)}` : null;
  w.visible('deal-image', !!image);
  w.attr('deal-image', 'src', image);
  w.attr('deal-image', 'alt', product ? product.name : '');
}

export function renderCountdown(w: DomWriter, frame: OverlayFrame, d: DealFrame | null): void {
  const countdown = d && d.segment.overlays.countdown ? d.view.countdown : null;
  w.visible('countdown', !!countdown);
  if (!countdown) return;
  w.text('countdown', countdown.state === 'expired' ? frame.t('dealEnded') : formatCountdownMs(countdown.remainingMs));
  w.attr('countdown', 'data-state', countdown.state);
}

export function renderStock(w: DomWriter, frame: OverlayFrame, d: DealFrame | null): void {
  const show = !!(d && d.view.stock && d.segment.overlays.stock && (d.dealState.soldOut || d.dealState.stockLeft !== null));
  w.visible('stock', show);
  if (!d || !show) return;
  const { dealState, deal } = d;
  w.text('stock-text', dealState.soldOut ? frame.t('soldOut') : frame.t('left', { n: dealState.stockLeft }));
  w.attr('stock', 'data-state', dealState.soldOut ? 'sold-out' : 'available');
  const cap = deal.stockCap;
  const fraction = dealState.soldOut ? 0 : cap ? Math.min(1, (dealState.stockLeft ?? 0) / cap) : 1;
  w.style('stock-bar', 'transform', `scaleX(${fraction})`);
}

export function renderDisclosure(w: DomWriter, frame: OverlayFrame): void {
  const sponsored = !!frame.segment?.sponsored;
  w.visible('disclosure', sponsored);
  if (sponsored) w.text('disclosure', (frame.segment?.disclosureLabel ?? '').trim() || '#ad');
}

export function renderLowerThird(w: DomWriter, frame: OverlayFrame): void {
  const seg = frame.segment;
  // The segment's own lower third (resolved in the snapshot), or the main host for older snapshots.
  const person = seg ? (seg.lowerThird ?? frame.state?.snapshot?.show.hosts[0] ?? null) : null;
  const show = !!(seg?.overlays.lowerThird && person);
  w.visible('lower-third', show);
  if (!show || !person) return;
  w.text('host-name', person.name);
  const handle = 'handle' in person ? (person.handle ?? '') : '';
  const line = 'line' in person ? (person.line ?? '') : '';
  w.visible('host-handle', !!handle);
  w.text('host-handle', handle);
  w.visible('lower-third-line', !!line);
  w.text('lower-third-line', line);
}

/** The winners card of the giveaway on air once drawn (names in draw order, the draw's hash shortened). */
export function renderGiveaway(w: DomWriter, frame: OverlayFrame, list: HTMLElement | undefined): void {
  const view = frame.state ? giveawayWinnersView(frame.state, giveawayWinnersWords(frame.locale)) : null;
  w.visible('giveaway', !!view);
  if (!view) return;
  w.text('giveaway-title', view.title);
  w.text('giveaway-prize', view.prize);
  w.visible('giveaway-more', !!view.moreText);
  w.text('giveaway-more', view.moreText ?? '');
  w.text('giveaway-hash', view.hashText);
  const key = JSON.stringify(view.names);
  if (list && list.dataset.names !== key) {
    list.dataset.names = key;
    list.replaceChildren(
      ...view.names.map((name) => {
        const li = document.createElement('li');
        li.textContent = name;
        return li;
      }),
    );
  }
}

/** Preview pages only: REHEARSAL while a rehearsal runs, PREVIEW otherwise. */
export function renderPreviewMark(w: DomWriter, frame: OverlayFrame): void {
  if (frame.channel !== 'preview') return;
  const rehearsing = !!(frame.state?.rehearsal && frame.state.snapshot);
  w.text('rehearsal-mark', rehearsing ? frame.t('rehearsal') : frame.t('preview'));
  w.attr('rehearsal-mark', 'data-state', rehearsing ? 'rehearsal' : 'preview');
}
