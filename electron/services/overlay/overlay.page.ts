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
 *   text/attributes that changed are written.
 */

import { overlayStrings } from '../../../shared/runner/overlay-text';
import { defaultOverlayTheme, FONT_FAMILY, HEX_COLOUR, LOCALE, type OverlayTheme } from '../../../shared/contract/overlay-theme.schema';

export const overlayPages = ['deal', 'countdown', 'stock', 'disclosure', 'lower-third', 'all'] as const;
export type OverlayPage = (typeof overlayPages)[number];

export function isOverlayPage(name: string): name is OverlayPage {
  return (overlayPages as readonly string[]).includes(name);
}

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
`;
}

const elements: Record<Exclude<OverlayPage, 'all'>, string> = {
  deal: `<section class="card deal" data-overlay="deal" aria-label="Deal card" hidden>
  <img data-overlay="deal-image" alt="" hidden>
  <div class="body">
    <div class="name" data-overlay="deal-name" aria-label="Product name"></div>
    <div class="prices"><span class="price" data-overlay="deal-price" aria-label="Deal price"></span><s data-overlay="deal-list-price" aria-label="List price"></s></div>
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
  function remainingMs(deal) {
    if (deal.countdown === 'running' && deal.endsAtMono !== null) {
      const at = state.anchors.endedMono ?? state.anchors.pausedMono ?? runnerNow();
      return Math.max(0, deal.endsAtMono - at);
    }
    if (deal.countdown === 'stopped') return deal.stoppedRemainingMs ?? 0;
    return deal.countdownSec * 1000;
  }
  function renderCountdown() {
    const seg = onAir();
    const deal = seg && seg.deal ? state.deals[seg.id] : null;
    const visible = !!(deal && seg.overlays.countdown && deal.countdownSec !== null && deal.countdown !== 'idle');
    setVisible('countdown', visible);
    ticking = visible && deal.countdown === 'running' && state.status === 'live';
    if (!visible) return;
    const left = remainingMs(deal);
    const expired = deal.countdown === 'running' && left === 0;
    setText('countdown', expired ? words.dealEnded : clock(left));
    setAttr('countdown', 'data-state', expired ? 'expired' : deal.countdown);
    if (expired) ticking = false;
    if (ticking && !rafId) rafId = requestAnimationFrame(tick);
  }
  function tick() { rafId = 0; renderCountdown(); }
  function render() {
    const seg = onAir();
    const snap = state && state.snapshot;
    const deal = seg ? seg.deal : null;
    const dealState = seg && deal ? state.deals[seg.id] : null;
    const productId = seg ? seg.productIds[0] : undefined;
    const product = productId ? snap.products.find((p) => p.id === productId) : null;

    const showDeal = !!(deal && seg.overlays.dealCard);
    setVisible('deal', showDeal);
    if (showDeal) {
      setText('deal-name', product ? product.name : seg.title);
      setText('deal-price', money(deal.price));
      const list = product && product.listPrice.currency === deal.price.currency && product.listPrice.amountMinor !== deal.price.amountMinor;
      setVisible('deal-list-price', !!list);
      setText('deal-list-price', list ? money(product.listPrice) : '');
      setVisible('deal-code-row', !!deal.code);
      setText('deal-code', deal.code || '');
      setText('deal-code-label', words.code);
      const image = product && product.imageHash && /^[0-9a-f]{64}$/.test(product.imageHash) ? '/overlay/media/' + product.imageHash + '?token=' + encodeURIComponent(token) : null;
      setVisible('deal-image', !!image);
      setAttr('deal-image', 'src', image);
      setAttr('deal-image', 'alt', product ? product.name : '');
    }

    renderCountdown();

    const showStock = !!(deal && seg.overlays.stock && dealState && (dealState.soldOut || dealState.stockLeft !== null));
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

    const sponsored = !!(seg && seg.sponsored);
    setVisible('disclosure', sponsored);
    if (sponsored) setText('disclosure', (seg.disclosureLabel || '').trim() || '#ad');

    const host = snap ? snap.show.hosts[0] : null;
    const showHost = !!(seg && seg.overlays.lowerThird && host);
    setVisible('lower-third', showHost);
    if (showHost) {
      setText('host-name', host.name);
      setVisible('host-handle', !!host.handle);
      setText('host-handle', host.handle || '');
    }
    root.dataset.revision = state ? String(state.revision) : '';
  }
  // Settings → Overlay look changed: apply it live, except what this page's own URL fixes.
  function applyTheme(theme) {
    for (const key of ['accent', 'text', 'card']) {
      if (!query.has(key) && typeof theme[key] === 'string') root.style.setProperty('--' + key, theme[key]);
    }
    if (!query.has('font') && typeof theme.fontFamily === 'string') root.style.setProperty('--font', theme.fontFamily);
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
    const es = new EventSource('/overlay/events?token=' + encodeURIComponent(token));
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

/** The HTML of one overlay page; `nonce` must be the one in the response's CSP. */
export function renderOverlayPage(page: OverlayPage, theme: OverlayTheme, nonce: string): string {
  const body = page === 'all' ? Object.values(elements).join('\n') : elements[page];
  const n = escapeAttr(nonce);
  return `<!doctype html>
<html lang="${escapeAttr(theme.locale)}" data-locale="${escapeAttr(theme.locale)}" data-strings="${escapeAttr(JSON.stringify(overlayStrings(theme.locale)))}" data-page="${page}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=1920, height=1080">
<meta name="referrer" content="no-referrer">
<title>KOL overlay: ${page}</title>
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
