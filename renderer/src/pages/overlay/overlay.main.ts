/**
 * The overlay page OBS browser sources load (/overlay/<page>, /overlay/preview/<page>): one entry of the renderer
 * build for every element page and `all`; the server says which page and channel on <html> (data-page,
 * data-channel) with the starting look (data-locale, data-hold-ms, data-theme).
 *
 * Invariants:
 * - a snapshot replaces, a patch applies through applyMessage() (shared/runner/runner.client.ts): an older
 *   patch is ignored, a gap (StalePatchError) forces a reconnect for a fresh snapshot; timers come from the
 *   monotonic anchors and the message's `now` (effectiveNow), so every page shows the runner's time;
 * - the token is read from the page's own URL and sent only to its own server (events, media); never written;
 * - only what changed is written (DomWriter); time alone re-renders the deal elements every frame only while a
 *   countdown runs, the deal-ended hold lasts or a ladder's next step counts down (and the show is live);
 * - a look change from Settings applies live, except what the page's own URL fixes (accent, text, card, font,
 *   locale query parameters win);
 * - the page is sized to its viewport (the browser source) and its elements are placed by the shared layout
 *   (shared/runner/overlay-layout.ts via overlay.place.ts) for that picture and the show's platforms: inside the
 *   picture, clear of the platforms' zones; nothing shows before the first placement.
 */
import './overlay.css';
import { applyMessage, StalePatchError } from '../../../../shared/runner/runner.client';
import type { RunnerMessage, RunnerState } from '../../../../shared/runner/runner.types';
import { createPageI18n } from '../../i18n/page-i18n';
import { DomWriter } from '../dom-writer';
import { OverlayPlacer } from './overlay.place';
import {
  dealFrame,
  onAir,
  renderCountdown,
  renderDealCard,
  renderDisclosure,
  renderGiveaway,
  renderLowerThird,
  renderPreviewMark,
  renderStock,
  type OverlayFrame,
} from './overlay.elements';

interface ThemeMessage {
  kind: 'theme';
  theme: { accent?: unknown; text?: unknown; card?: unknown; fontFamily?: unknown; locale?: unknown; dealEndedHoldSec?: unknown };
}

const root = document.documentElement;
const query = new URLSearchParams(location.search);
const token = query.get('token') ?? '';
const channel: 'live' | 'preview' = root.dataset.channel === 'preview' ? 'preview' : 'live';
let locale = root.dataset.locale ?? 'zh-CN';
let holdMs = Number(root.dataset.holdMs) || 0;
const words = createPageI18n('overlay', locale);

// The server kept only this page's elements (overlay.page.ts selectOverlayElements).
const els = new Map<string, HTMLElement>();
for (const el of document.querySelectorAll<HTMLElement>('[data-overlay]')) els.set(el.dataset.overlay ?? '', el);
const writer = new DomWriter((key) => els.get(key));
const stage = document.querySelector<HTMLElement>('.stage') ?? document.body;
const placer = new OverlayPlacer(stage, els);
/** Lays out for the viewport (the browser source's size) and the show's platforms (their safe zones). */
function layout(): void {
  placer.update(state?.snapshot?.show.platforms ?? [], window.innerWidth, window.innerHeight);
}
window.addEventListener('resize', layout);

function applyLook(theme: ThemeMessage['theme'], fromServer: boolean): void {
  for (const key of ['accent', 'text', 'card'] as const) {
    const value = theme[key];
    if ((fromServer || !query.has(key)) && typeof value === 'string') root.style.setProperty(`--${key}`, value);
  }
  if ((fromServer || !query.has('font')) && typeof theme.fontFamily === 'string') root.style.setProperty('--font', theme.fontFamily);
}
try {
  applyLook(JSON.parse(root.dataset.theme ?? '{}') as ThemeMessage['theme'], true);
} catch {
  // The default look of overlay.css.
}

let state: RunnerState | null = null;
let offset = 0;
let source: EventSource | null = null;
let attempts = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let rafId = 0;

function frame(): OverlayFrame {
  return { state, segment: onAir(state), runnerNow: performance.now() + offset, holdMs, locale, t: words.t, token, channel };
}

/** Deal card, countdown and stock: everything that changes with time alone. */
function renderDeal(f: OverlayFrame = frame()): void {
  const d = dealFrame(f);
  renderDealCard(writer, f, d);
  renderCountdown(writer, f, d);
  renderStock(writer, f, d);
  const ticking = !!(d && state?.status === 'live' && (d.view.phase === 'ended' || d.view.countdown?.state === 'running' || d.overlay.next?.trigger === 'time'));
  if (ticking && !rafId) rafId = requestAnimationFrame(tick);
}

function tick(): void {
  rafId = 0;
  renderDeal();
}

function render(): void {
  layout();
  const f = frame();
  renderDeal(f);
  renderDisclosure(writer, f);
  renderLowerThird(writer, f);
  renderGiveaway(writer, f, els.get('giveaway-names'));
  renderPreviewMark(writer, f);
  root.dataset.revision = state ? String(state.revision) : '';
}

function applyTheme(theme: ThemeMessage['theme']): void {
  applyLook(theme, false);
  if (typeof theme.dealEndedHoldSec === 'number' && theme.dealEndedHoldSec * 1000 !== holdMs) {
    holdMs = theme.dealEndedHoldSec * 1000;
    root.dataset.holdMs = String(holdMs);
    if (state) render();
  }
  if (!query.has('locale') && typeof theme.locale === 'string' && theme.locale !== locale) {
    locale = theme.locale;
    words.setLanguage(locale);
    root.dataset.locale = locale;
    writer.reset();
    render();
  }
  root.dataset.themeRevision = String((Number(root.dataset.themeRevision) || 0) + 1);
}

function receive(message: RunnerMessage | ThemeMessage): void {
  if (message.kind === 'theme') {
    applyTheme(message.theme);
    return;
  }
  if (message.kind !== 'snapshot' && message.kind !== 'patch') return;
  try {
    state = applyMessage(state, message);
  } catch (error) {
    if (error instanceof StalePatchError) {
      reconnect();
      return;
    }
    throw error;
  }
  offset = message.now - performance.now();
  render();
}

function connect(): void {
  retryTimer = undefined;
  const es = new EventSource(`${channel === 'preview' ? '/overlay/preview/events' : '/overlay/events'}?token=${encodeURIComponent(token)}`);
  source = es;
  es.onopen = () => {
    attempts = 0;
    root.dataset.connection = 'open';
  };
  es.onmessage = (event: MessageEvent<string>) => {
    if (source !== es) return;
    let message: RunnerMessage | ThemeMessage;
    try {
      message = JSON.parse(event.data) as RunnerMessage | ThemeMessage;
    } catch {
      return;
    }
    receive(message);
  };
  es.onerror = () => {
    if (source !== es) return;
    root.dataset.connection = 'closed';
    // CONNECTING: the browser retries by itself. CLOSED (HTTP error, bad type): we retry, with backoff.
    if (es.readyState === EventSource.CLOSED) reconnect();
  };
}

function reconnect(): void {
  if (source) {
    source.close();
    source = null;
  }
  root.dataset.connection = 'closed';
  if (retryTimer !== undefined) return;
  const delay = Math.min(10_000, 250 * 2 ** attempts);
  attempts += 1;
  retryTimer = setTimeout(connect, delay);
}

render();
connect();
