/**
 * The overlay pages OBS browser sources load: generated HTML strings (never files), one per overlay element
 * plus `all` (every element on one 1920×1080 stage).
 *
 * Invariants:
 * - self-contained: inline CSS and one inline script, both carrying the per-response nonce; no external URL,
 *   no font download (system CJK font stack), images only as data: URLs from the snapshot;
 * - nothing from the request reaches the markup unescaped: theme colours and the locale are validated against
 *   strict patterns (anything else falls back to the default), the token is never written into the page (the
 *   script reads it from its own location);
 * - transparent background; every element sits inside the 5 % action-safe area of a 1920×1080 stage and has a
 *   stable `data-overlay` attribute and an `aria-label`;
 * - the script mirrors the runner's client logic: a snapshot replaces, a patch replaces top-level keys only
 *   when `baseRevision` matches (an older patch is ignored, a gap forces a reconnect for a fresh snapshot);
 *   timers are derived like deriveTimers() from the monotonic anchors and the message's `now`; visibility and
 *   text follow desiredObsState() (live/paused only, disclosure on every sponsored segment); only the DOM
 *   text/attributes that changed are written;
 * - the deal card, countdown and stock follow the deal-ending rule: the script's `dealView` mirrors
 *   dealCardView() (shared/runner/deal-card.ts) line for line (sold out: no price, no code; an ended countdown
 *   holds "deal ended" for the look's `dealEndedHoldSec`, then card, countdown and stock leave);
 * - two channels: a live page (`/overlay/<page>`, what OBS shows) reads `/overlay/events`; a preview page
 *   (`/overlay/preview/<page>`) reads `/overlay/preview/events` and always carries a visible mark (REHEARSAL while
 *   a rehearsal runs, PREVIEW otherwise), so a rehearsal can never look like the live output.
 */

import { overlayStrings } from '../../../shared/runner/overlay-text';
import { defaultOverlayTheme, FONT_FAMILY, HEX_COLOUR, LOCALE, type OverlayTheme } from '../../../shared/contract/overlay-theme.schema';

export const overlayPages = ['deal', 'countdown', 'stock', 'disclosure', 'lower-third', 'all'] as const;
export type OverlayPage = (typeof overlayPages)[number];

export function isOverlayPage(name: string): name is OverlayPage {
  return (overlayPages as readonly string[]).includes(name);
}

/** `live`: what OBS shows (never a rehearsal); `preview`: every run, rehearsals included, with a visible mark. */
export const overlayChannels = ['live', 'preview'] as const;
export type OverlayChannel = (typeof overlayChannels)[number];

export { defaultOverlayTheme, type OverlayTheme };

function colour(value: string | null, fallback: string): string {
  if (value === null) return fallback;
  const hex = value.trim().startsWith('#') ? value.trim() : `#${value.trim()}`;
  return HEX_COLOUR.test(hex) ? hex : fallback;
}

/**
 * Theme from query parameters `accent`, `text`, `card` (hex, with or without `#`), `font` and `locale`, over
 * `base` (the theme saved in Settings). A value that fails its pattern falls back to the base value.
 */
export function themeFromQuery(params: URLSearchParams, base: OverlayTheme = defaultOverlayTheme): OverlayTheme {
  const locale = params.get('locale');
  const font = params.get('font');
  return {
    accent: colour(params.get('accent'), base.accent),
    text: colour(params.get('text'), base.text),
    card: colour(params.get('card'), base.card),
    font: font !== null && FONT_FAMILY.test(font.trim()) ? font.trim() : base.font,
    locale: locale !== null && LOCALE.test(locale) ? locale : base.locale,
    dealEndedHoldSec: base.dealEndedHoldSec,
  };
}

const FONT_STACK = `"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif`;

/** The CSS value of `font-family`: the theme's font first (quoted), then the CJK-capable system stack. */
export function fontFamily(font: string): string {
  return font ? `"${font}", ${FONT_STACK}` : FONT_STACK;
}

function css(theme: OverlayTheme): string {
  return `
:root { --accent: ${theme.accent}; --text: ${theme.text}; --card: ${theme.card}; --font: ${fontFamily(theme.font)}; }
html, body { margin: 0; padding: 0; background: transparent; }
body { width: 1920px; height: 1080px; position: relative; overflow: hidden; font-family: var(--font);
  color: var(--text); -webkit-font-smoothing: antialiased; }
[hidden] { display: none !important; }
.stage { position: absolute; left: 96px; top: 54px; width: 1728px; height: 972px; }
.card { position: absolute; background: var(--card); border-radius: 24px; box-sizing: border-box; }
.deal { right: 0; bottom: 160px; width: 640px; padding: 28px; display: flex; gap: 24px; align-items: center; }
.deal img { width: 180px; height: 180px; object-fit: cover; border-radius: 16px; flex: none; }
.deal .body { min-width: 0; display: flex; flex-direction: column; gap: 8px; }
.deal .name { font-size: 34px; font-weight: 700; line-height: 1.25; overflow: hidden; display: -webkit-box;
  -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
.deal .prices { display: flex; align-items: baseline; gap: 18px; }
.deal .price { font-size: 64px; font-weight: 800; color: var(--accent); font-variant-numeric: tabular-nums; }
.deal s { font-size: 30px; opacity: 0.7; }
.deal .code { font-size: 28px; letter-spacing: 0.04em; }
.deal .code b { border: 2px dashed var(--accent); border-radius: 8px; padding: 2px 12px; margin-left: 8px; }
.countdown { right: 0; top: 0; padding: 16px 32px; font-size: 72px; font-weight: 800;
  font-variant-numeric: tabular-nums; }
.countdown[data-state="expired"] { color: var(--accent); }
.stock { right: 0; bottom: 40px; width: 640px; padding: 20px 28px; }
.stock .text { font-size: 34px; font-weight: 700; }
.stock .track { margin-top: 12px; height: 16px; border-radius: 8px; background: rgba(255, 255, 255, 0.2); overflow: hidden; }
.stock .bar { height: 100%; width: 100%; background: var(--accent); transform-origin: left center; transition: transform 0.2s; }
.disclosure { left: 0; top: 0; padding: 10px 22px; font-size: 30px; font-weight: 700; background: var(--accent);
  border-radius: 12px; }
.lower-third { left: 0; bottom: 40px; padding: 22px 36px; border-left: 10px solid var(--accent); }
.lower-third .host { font-size: 44px; font-weight: 800; }
.lower-third .handle { font-size: 30px; opacity: 0.85; }
.lower-third .line { font-size: 30px; margin-top: 6px; }
.deal .sold-out { font-size: 56px; font-weight: 800; color: var(--accent); }
.deal[data-state="ended"] .price { text-decoration: line-through; opacity: 0.6; }
.deal .ended { font-size: 30px; font-weight: 700; color: var(--accent); }
.rehearsal-mark { position: absolute; left: 50%; top: 0; transform: translateX(-50%); padding: 8px 28px;
  font-size: 36px; font-weight: 800; letter-spacing: 0.12em; color: #fff; background: #d9480f; border-radius: 12px;
  border: 4px dashed #fff; }
`;
}

const elements: Record<Exclude<OverlayPage, 'all'>, string> = {
  deal: `<section class="card deal" data-overlay="deal" aria-label="Deal card" hidden>
  <img data-overlay="deal-image" alt="" hidden>
  <div class="body">
    <div class="name" data-overlay="deal-name" aria-label="Product name"></div>
    <div class="ended" data-overlay="deal-ended" hidden></div>
    <div class="prices" data-overlay="deal-prices"><span class="price" data-overlay="deal-price" aria-label="Deal price"></span><s data-overlay="deal-list-price" aria-label="List price"></s></div>
    <div class="sold-out" data-overlay="deal-sold-out" hidden></div>
    <div class="code" data-overlay="deal-code-row" aria-label="Deal code" hidden><span data-overlay="deal-code-label"></span><b data-overlay="deal-code"></b></div>
  </div>
</section>`,
  countdown: `<div class="card countdown" data-overlay="countdown" aria-label="Deal countdown" role="timer" hidden></div>`,
  stock: `<section class="card stock" data-overlay="stock" aria-label="Stock left" hidden>
  <div class="text" data-overlay="stock-text" aria-live="polite"></div>
  <div class="track"><div class="bar" data-overlay="stock-bar"></div></div>
</section>`,
  disclosure: `<div class="card disclosure" data-overlay="disclosure" aria-label="Sponsorship disclosure" hidden></div>`,
  'lower-third': `<section class="card lower-third" data-overlay="lower-third" aria-label="Host" hidden>
  <div class="host" data-overlay="host-name"></div>
  <div class="handle" data-overlay="host-handle" hidden></div>
  <div class="line" data-overlay="lower-third-line" hidden></div>
</section>`,
};

/**
 * The page script (plain ES2020, runs in OBS's CEF / Chromium). Kept as a string so the page is one response;
 * it never uses eval or string-built markup (textContent / attributes only).
 */
const script = `(() => {
  'use strict';
  const root = document.documentElement;
  const token = new URLSearchParams(location.search).get('token') || '';
  const query = new URLSearchParams(location.search);
  let locale = root.dataset.locale || 'zh-CN';
  let words = JSON.parse(root.dataset.strings || '{}');
  let holdMs = Number(root.dataset.holdMs) || 0;
  const channel = root.dataset.channel === 'preview' ? 'preview' : 'live';
  function fill(template, n) { return String(template || '').replace('{n}', String(n)); }
  const els = {};
  for (const el of document.querySelectorAll('[data-overlay]')) els[el.dataset.overlay] = el;
  const shown = {};
  const formats = {};
  let state = null;
  let offset = 0;
  let source = null;
  let attempts = 0;
  let retryTimer = 0;
  let ticking = false;
  let rafId = 0;

  function money(m) {
    let f = formats[m.currency];
    if (!f) { f = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency }); formats[m.currency] = f; }
    return f.format(m.amountMinor / Math.pow(10, f.resolvedOptions().maximumFractionDigits));
  }
  function clock(ms) {
    const total = Math.floor(Math.max(0, ms) / 1000);
    const h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    const mm = String(m).padStart(2, '0'), ss = String(s).padStart(2, '0');
    return h > 0 ? h + ':' + mm + ':' + ss : mm + ':' + ss;
  }
  function setText(key, text) {
    const el = els[key];
    if (!el || shown[key] === text) return;
    shown[key] = text;
    el.textContent = text;
  }
  function setVisible(key, visible) {
    const el = els[key];
    if (!el || el.hidden === !visible) return;
    el.hidden = !visible;
  }
  function setAttr(key, name, value) {
    const el = els[key];
    const id = key + '@' + name;
    if (!el || shown[id] === value) return;
    shown[id] = value;
    if (value === null) el.removeAttribute(name); else el.setAttribute(name, value);
  }
  function runnerNow() { return performance.now() + offset; }
  function onAir() {
    if (!state || !state.snapshot || (state.status !== 'live' && state.status !== 'paused')) return null;
    return state.snapshot.segments[state.currentIndex] || null;
  }
  function effectiveAt() { return state.anchors.endedMono ?? state.anchors.pausedMono ?? runnerNow(); }
  // Mirrors dealCardView() in shared/runner/deal-card.ts: keep the two in step.
  function dealView(deal, at, hold) {
    if (deal.soldOut) return { phase: 'soldOut', card: true, offer: false, countdown: null, stock: true };
    if (deal.countdownSec !== null && deal.countdown === 'running' && deal.endsAtMono !== null) {
      const left = deal.endsAtMono - at;
      if (left > 0) return { phase: 'open', card: true, offer: true, countdown: { state: 'running', remainingMs: left }, stock: true };
      if (-left < hold) return { phase: 'ended', card: true, offer: true, countdown: { state: 'expired', remainingMs: 0 }, stock: true };
      return { phase: 'closed', card: false, offer: false, countdown: null, stock: false };
    }
    if (deal.countdownSec !== null && deal.countdown === 'stopped') {
      return { phase: 'open', card: true, offer: true, countdown: { state: 'stopped', remainingMs: deal.stoppedRemainingMs ?? 0 }, stock: true };
    }
    return { phase: 'open', card: true, offer: true, countdown: null, stock: true };
  }
  // Deal card, countdown and stock: everything that changes with time alone (re-rendered every frame while it can).
  function renderDeal() {
    const seg = onAir();
    const snap = state && state.snapshot;
    const deal = seg ? seg.deal : null;
    const dealState = seg && deal ? state.deals[seg.id] : null;
    const view = dealState ? dealView(dealState, effectiveAt(), holdMs) : null;
    const productId = seg ? seg.productIds[0] : undefined;
    const product = productId ? snap.products.find((p) => p.id === productId) : null;

    const showDeal = !!(deal && view && view.card && seg.overlays.dealCard);
    setVisible('deal', showDeal);
    if (showDeal) {
      setAttr('deal', 'data-state', view.phase);
      setText('deal-name', product ? product.name : seg.title);
      const ended = view.phase === 'ended';
      setVisible('deal-ended', ended);
      setText('deal-ended', ended ? words.dealEnded : '');
      setVisible('deal-prices', view.offer);
      setText('deal-price', view.offer ? money(deal.price) : '');
      const list = view.offer && product && product.listPrice.currency === deal.price.currency && product.listPrice.amountMinor !== deal.price.amountMinor;
      setVisible('deal-list-price', !!list);
      setText('deal-list-price', list ? money(product.listPrice) : '');
      setVisible('deal-code-row', view.offer && !!deal.code);
      setText('deal-code', view.offer ? deal.code || '' : '');
      setText('deal-code-label', words.code);
      const soldOut = view.phase === 'soldOut';
      setVisible('deal-sold-out', soldOut);
      setText('deal-sold-out', soldOut ? words.soldOut : '');
      const image = product && product.imageHash && /^[0-9a-f]{64}$/.test(product.imageHash) ? '/overlay/media/' + product.imageHash + '?token=' + encodeURIComponent(token) : null;
      setVisible('deal-image', !!image);
      setAttr('deal-image', 'src', image);
      setAttr('deal-image', 'alt', product ? product.name : '');
    }

    const countdown = deal && view && seg.overlays.countdown ? view.countdown : null;
    setVisible('countdown', !!countdown);
    if (countdown) {
      setText('countdown', countdown.state === 'expired' ? words.dealEnded : clock(countdown.remainingMs));
      setAttr('countdown', 'data-state', countdown.state);
    }

    const showStock = !!(deal && view && view.stock && seg.overlays.stock && (dealState.soldOut || dealState.stockLeft !== null));
    setVisible('stock', showStock);
    if (showStock) {
      setText('stock-text', dealState.soldOut ? words.soldOut : fill(words.left, dealState.stockLeft));
      setAttr('stock', 'data-state', dealState.soldOut ? 'sold-out' : 'available');
      const cap = deal.stockCap;
      const fraction = dealState.soldOut ? 0 : cap ? Math.min(1, dealState.stockLeft / cap) : 1;
      const bar = els['stock-bar'];
      const transform = 'scaleX(' + fraction + ')';
      if (bar && shown['stock-bar'] !== transform) { shown['stock-bar'] = transform; bar.style.transform = transform; }
    }

    // Time moves the view only while a countdown runs or the deal-ended hold lasts (and the show is not paused).
    ticking = !!(view && state.status === 'live' && (view.phase === 'ended' || (view.countdown && view.countdown.state === 'running')));
    if (ticking && !rafId) rafId = requestAnimationFrame(tick);
  }
  function tick() { rafId = 0; renderDeal(); }
  function render() {
    const seg = onAir();
    const snap = state && state.snapshot;

    renderDeal();

    const sponsored = !!(seg && seg.sponsored);
    setVisible('disclosure', sponsored);
    if (sponsored) setText('disclosure', (seg.disclosureLabel || '').trim() || '#ad');

    // The segment's own lower third (resolved in the snapshot), or the main host for older snapshots.
    const person = seg ? seg.lowerThird || snap.show.hosts[0] || null : null;
    const showHost = !!(seg && seg.overlays.lowerThird && person);
    setVisible('lower-third', showHost);
    if (showHost) {
      setText('host-name', person.name);
      setVisible('host-handle', !!person.handle);
      setText('host-handle', person.handle || '');
      setVisible('lower-third-line', !!person.line);
      setText('lower-third-line', person.line || '');
    }
    if (channel === 'preview') {
      const rehearsing = !!(state && state.rehearsal && state.snapshot);
      setText('rehearsal-mark', rehearsing ? words.rehearsal : words.preview);
      setAttr('rehearsal-mark', 'data-state', rehearsing ? 'rehearsal' : 'preview');
    }
    root.dataset.revision = state ? String(state.revision) : '';
  }
  // Settings → Overlay look changed: apply it live, except what this page's own URL fixes.
  function applyTheme(theme) {
    for (const key of ['accent', 'text', 'card']) {
      if (!query.has(key) && typeof theme[key] === 'string') root.style.setProperty('--' + key, theme[key]);
    }
    if (!query.has('font') && typeof theme.fontFamily === 'string') root.style.setProperty('--font', theme.fontFamily);
    if (typeof theme.dealEndedHoldSec === 'number' && theme.dealEndedHoldSec * 1000 !== holdMs) {
      holdMs = theme.dealEndedHoldSec * 1000;
      root.dataset.holdMs = String(holdMs);
      if (state) render();
    }
    if (!query.has('locale') && typeof theme.locale === 'string' && theme.locale !== locale) {
      locale = theme.locale;
      if (theme.strings) words = theme.strings;
      root.dataset.locale = locale;
      for (const key of Object.keys(formats)) delete formats[key];
      for (const key of Object.keys(shown)) delete shown[key];
      render();
    }
    root.dataset.themeRevision = String((Number(root.dataset.themeRevision) || 0) + 1);
  }
  function receive(message) {
    if (message.kind === 'theme') { applyTheme(message.theme); return; }
    if (message.kind === 'snapshot') {
      state = message.state;
    } else if (message.kind === 'patch') {
      if (!state) { reconnect(); return; }
      if (message.revision <= state.revision) return;
      if (message.baseRevision !== state.revision) { reconnect(); return; }
      state = Object.assign({}, state, message.changes, { revision: message.revision });
    } else {
      return;
    }
    offset = message.now - performance.now();
    render();
  }
  function connect() {
    retryTimer = 0;
    const es = new EventSource((channel === 'preview' ? '/overlay/preview/events' : '/overlay/events') + '?token=' + encodeURIComponent(token));
    source = es;
    es.onopen = () => { attempts = 0; root.dataset.connection = 'open'; };
    es.onmessage = (event) => {
      if (source !== es) return;
      let message;
      try { message = JSON.parse(event.data); } catch (_) { return; }
      receive(message);
    };
    es.onerror = () => {
      if (source !== es) return;
      root.dataset.connection = 'closed';
      // CONNECTING: the browser retries by itself. CLOSED (HTTP error, bad type): we retry, with backoff.
      if (es.readyState === EventSource.CLOSED) reconnect();
    };
  }
  function reconnect() {
    if (source) { source.close(); source = null; }
    root.dataset.connection = 'closed';
    if (retryTimer) return;
    const delay = Math.min(10000, 250 * Math.pow(2, attempts));
    attempts += 1;
    retryTimer = setTimeout(connect, delay);
  }
  render();
  connect();
})();`;

function escapeAttr(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The preview pages' mark; its words (REHEARSAL / PREVIEW) are written by the script from the state. */
const rehearsalMark = `<div class="rehearsal-mark" data-overlay="rehearsal-mark" role="status" aria-label="Rehearsal preview mark"></div>`;

/** The HTML of one overlay page; `nonce` must be the one in the response's CSP. */
export function renderOverlayPage(page: OverlayPage, theme: OverlayTheme, nonce: string, channel: OverlayChannel = 'live'): string {
  const elementsHtml = page === 'all' ? Object.values(elements).join('\n') : elements[page];
  const body = channel === 'preview' ? `${elementsHtml}\n${rehearsalMark}` : elementsHtml;
  const n = escapeAttr(nonce);
  const holdMs = Math.max(0, Math.round(theme.dealEndedHoldSec * 1000)) || 0;
  const words = overlayStrings(theme.locale);
  return `<!doctype html>
<html lang="${escapeAttr(theme.locale)}" data-locale="${escapeAttr(theme.locale)}" data-strings="${escapeAttr(JSON.stringify(words))}" data-page="${page}" data-channel="${channel}" data-hold-ms="${holdMs}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=1920, height=1080">
<meta name="referrer" content="no-referrer">
<title>KOL overlay: ${page}${channel === 'preview' ? ' (preview)' : ''}</title>
<style nonce="${n}">${css(theme)}</style>
</head>
<body>
<main class="stage">
${body}
</main>
<script nonce="${n}">${script}</script>
</body>
</html>
`;
}

/** The Content-Security-Policy of an overlay page: nothing but its own nonce'd script/style, its own images (/overlay/media, by hash) and data: images, SSE. */
export function overlayCsp(nonce: string, host?: string): string {
  // Images only from this server's /overlay/media/ (a path needs a host in CSP); nothing else, not even a favicon.
  const media = host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? `http://${host}/overlay/media/` : "'self'";
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    `img-src ${media} data:`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
