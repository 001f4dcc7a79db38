/**
 * What OBS should show, derived from the runner's state (the single truth on air): the current segment's
 * scene, and the overlay sources' visibility and text. Pure: the OBS driver reconciles OBS to this after
 * every change and every reconnect. Each overlay source is a browser source showing its overlay page where OBS
 * has `browser_source` (the page draws the card from the runner's state), and a native text source where it does
 * not (Debian's OBS): the desired state carries the text for those. Either way the driver toggles visibility.
 * The disclosure badge is shown on every sponsored segment, whatever the segment's overlay flags say.
 * Deal text and visibility follow dealCardView (shared/runner/deal-card.ts): sold out takes price and code off
 * air; an ended countdown says so for the hold, then card, countdown and stock leave. The lower third shows the
 * segment's own (snapshot-resolved) name, handle and line, or the main host for older snapshots.
 * Native overlays are placed in boxes inside the safe content area of the show's platforms (live.placement.ts), for
 * the canvas's orientation, so on a 1080×1920 canvas they stay clear of the apps' comments, product bag and buttons.
 * Beats and ladders: a held deal (price reveal not yet fired) shows the teaser ("20:14 开价") in place of price and
 * code; the price shown is the ladder step in force, with the next step and its countdown (ladderView); the
 * link-live and last-call beats add their lines (with the offer only).
 * Giveaway winners (KOL Giveaway Winners, the `giveaway` page) show once the giveaway on air is drawn
 * (giveawayWinnersView); their box is the deal card and stock bar's place (a giveaway segment has no deal on air).
 */
import { formatMoney } from '../../../shared/domain/money';
import { beatEffects, ladderView } from '../../../shared/runner/beats';
import { dealCardView, DEFAULT_DEAL_ENDED_HOLD_SEC, plannedRevealAt, teaserText } from '../../../shared/runner/deal-card';
import { fillOverlayText, overlayStrings } from '../../../shared/runner/overlay-text';
import { giveawayWinnersView, giveawayWinnersWords } from '../../../shared/runner/giveaway-winners';
import { formatClockMs } from '../../../shared/runner/runner.format';
import { nativeAnchor, overlayLayout } from '../../../shared/runner/overlay-layout';
import { frameOf } from '../../../shared/domain/safe-zones';
import type { RunnerState, ShowSnapshot } from '../../../shared/runner/runner.types';
import type { DesiredObsState } from '../obs/obs.reconcile';
import type { ObsShowSetup, OverlayAnchor } from '../obs/obs.setup';
import { layoutElement, nativeOverlayBoxes } from './live.placement';
import type { OverlayPage } from '../overlay/overlay.page';

export const OVERLAY_SCENE = 'KOL Overlays';
export const overlaySources = {
  dealCard: 'KOL Deal Card',
  countdown: 'KOL Countdown',
  stock: 'KOL Stock',
  disclosure: 'KOL Disclosure',
  lowerThird: 'KOL Lower Third',
  giveaway: 'KOL Giveaway Winners',
} as const;

/** Scenes of the show in on-air order (each once); a segment without a scene keeps the previous scene. */
export function showScenes(snapshot: ShowSnapshot): string[] {
  return [...new Set(snapshot.segments.map((s) => s.scene?.trim()).filter((s): s is string => !!s))];
}

/** The overlay page each overlay source shows when it is a browser source. */
export const overlaySourcePages: Record<keyof typeof overlaySources, OverlayPage> = {
  dealCard: 'deal',
  countdown: 'countdown',
  stock: 'stock',
  disclosure: 'disclosure',
  lowerThird: 'lower-third',
  giveaway: 'giveaway',
};

/**
 * Where native text overlays sit: at their element's box in the overlay pages' layout (shared/runner/overlay-layout.ts)
 * for the show's orientation and platforms: inside the action-safe frame, clear of the platforms' zones (a vertical
 * show: the band between the top bar and the comments). Fractions of the canvas, so any canvas size of that shape.
 */
export function overlayAnchorsFor(snapshot: ShowSnapshot): Record<keyof typeof overlaySources, OverlayAnchor> {
  const layout = overlayLayout(snapshot.show.platforms, frameOf(snapshot.show.orientation));
  return Object.fromEntries(
    (Object.keys(overlaySources) as (keyof typeof overlaySources)[]).map((key) => [key, nativeAnchor(layout, layoutElement[key])]),
  ) as Record<keyof typeof overlaySources, OverlayAnchor>;
}

/**
 * Scenes and overlay sources for a show. With `pageUrls` (the overlay server is up), each source carries its page
 * URL, so setup makes it a browser source where OBS can, and keeps the URL current (a new token or port).
 */
export function obsSetupForShow(snapshot: ShowSnapshot, pageUrls: Partial<Record<OverlayPage, string>> = {}): ObsShowSetup {
  // Both orientations: setup places each overlay for the canvas OBS really has (see obs.setup.ts).
  const vertical = nativeOverlayBoxes(snapshot.show.platforms, 'vertical');
  const landscape = nativeOverlayBoxes(snapshot.show.platforms, 'landscape');
  const anchors = overlayAnchorsFor(snapshot);
  return {
    scenes: showScenes(snapshot),
    overlayScene: OVERLAY_SCENE,
    orientation: snapshot.show.orientation,
    overlaySources: (Object.keys(overlaySources) as (keyof typeof overlaySources)[]).map((key) => {
      const url = pageUrls[overlaySourcePages[key]];
      return { name: overlaySources[key], kind: 'text' as const, text: '', anchor: anchors[key], boxes: { vertical: vertical[key], landscape: landscape[key] }, ...(url ? { url } : {}) };
    }),
  };
}

/** The scene on air at segment `index`: its own, or the last one set before it. */
function sceneAt(snapshot: ShowSnapshot, index: number): string | undefined {
  for (let i = index; i >= 0; i -= 1) {
    const scene = snapshot.segments[i]?.scene?.trim();
    if (scene) return scene;
  }
  return undefined;
}

/**
 * `locale`: the overlay look's price locale, which also picks the overlay words (仅剩 12 件 / 12 left);
 * `dealEndedHoldMs`: the overlay look's "deal ended" hold (see dealCardView).
 */
export function desiredObsState(state: RunnerState, locale = 'zh-CN', dealEndedHoldMs = DEFAULT_DEAL_ENDED_HOLD_SEC * 1000): DesiredObsState {
  const words = overlayStrings(locale);
  const snapshot = state.snapshot;
  const hidden = (text = '') => ({ visible: false, text });
  const overlays: DesiredObsState['overlays'] = {
    [overlaySources.dealCard]: hidden(),
    [overlaySources.countdown]: hidden(),
    [overlaySources.stock]: hidden(),
    [overlaySources.disclosure]: hidden(),
    [overlaySources.lowerThird]: hidden(),
    [overlaySources.giveaway]: hidden(),
  };
  if (!snapshot || state.status === 'idle' || state.status === 'ended') return { overlays };
  const segment = snapshot.segments[state.currentIndex];
  const scene = sceneAt(snapshot, state.currentIndex);
  if (!segment) return { overlays, ...(scene ? { programScene: scene } : {}) };

  const product = segment.productIds[0] ? snapshot.products.find((p) => p.id === segment.productIds[0]) : undefined;
  const deal = segment.deal;
  const dealState = state.deals[segment.id];
  // The deal-ending rule (shared with the overlay pages and the console), at the instant the timers were read.
  const view = deal && dealState ? dealCardView(dealState, state.timers.at, dealEndedHoldMs) : null;
  if (deal && dealState && view?.card && segment.overlays.dealCard) {
    const ladder = ladderView(deal, dealState, state.timers.segmentElapsedMs);
    const price = ladder.price;
    const list =
      product && product.listPrice.currency === price.currency && product.listPrice.amountMinor !== price.amountMinor
        ? `  (${fillOverlayText(words.was, { price: formatMoney(product.listPrice, locale) })})`
        : '';
    const next = ladder.next
      ? `\n${fillOverlayText(ladder.next.trigger === 'time' ? words.nextStepIn : words.nextStepAt, {
          price: formatMoney(ladder.next.price, locale),
          ...(ladder.next.trigger === 'time' ? { time: formatClockMs(ladder.next.remainingMs) } : { n: ladder.next.atOrBelow }),
        })}`
      : '';
    const offer =
      view.phase === 'teaser'
        ? teaserText(words, plannedRevealAt(state), snapshot.show.zone)
        : view.offer
          ? `${formatMoney(price, locale)}${list}${deal.code ? `\n${words.code} ${deal.code}` : ''}${next}`
          : words.soldOut;
    const effects = beatEffects(segment, state.firedBeats[segment.id] ?? []);
    const lastCall = view.offer ? `${effects.linkLive ? `\n${words.linkLive}` : ''}${effects.lastCall ? `\n${words.lastCall}` : ''}` : '';
    overlays[overlaySources.dealCard] = {
      visible: true,
      text: `${product?.name ?? segment.title}\n${view.phase === 'ended' ? `${words.dealEnded}  ` : ''}${offer}${lastCall}`,
    };
  }
  if (view?.countdown && segment.overlays.countdown) {
    overlays[overlaySources.countdown] = { visible: true, text: view.countdown.state === 'expired' ? words.dealEnded : formatClockMs(view.countdown.remainingMs) };
  }
  if (view?.stock && segment.overlays.stock && dealState && (dealState.soldOut || dealState.stockLeft !== null)) {
    overlays[overlaySources.stock] = { visible: true, text: dealState.soldOut ? words.soldOut : fillOverlayText(words.left, { n: dealState.stockLeft ?? 0 }) };
  }
  if (segment.sponsored) {
    overlays[overlaySources.disclosure] = { visible: true, text: segment.disclosureLabel?.trim() || '#ad' };
  }
  const lowerThird = segment.lowerThird ?? snapshot.show.hosts[0];
  if (segment.overlays.lowerThird && lowerThird) {
    const line = 'line' in lowerThird && lowerThird.line ? `\n${lowerThird.line}` : '';
    overlays[overlaySources.lowerThird] = { visible: true, text: `${lowerThird.handle ? `${lowerThird.name}  ${lowerThird.handle}` : lowerThird.name}${line}` };
  }
  const winners = giveawayWinnersView(state, giveawayWinnersWords(locale));
  if (winners) {
    const more = winners.moreText ? `\n${winners.moreText}` : '';
    overlays[overlaySources.giveaway] = { visible: true, text: `${winners.title}\n${winners.prize}\n${winners.names.join('  ')}${more}\n${winners.hashText}` };
  }
  return { overlays, ...(scene ? { programScene: scene } : {}) };
}
