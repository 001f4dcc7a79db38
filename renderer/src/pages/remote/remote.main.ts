/**
 * The phone console (/remote): an entry of the renderer build (renderer/remote.html), laid out for one thumb.
 *
 * Invariants:
 * - the token lives in the phone's localStorage and travels only in an Authorization header or a WebSocket
 *   subprotocol, never in a URL; the pairing code arrives in the URL fragment (never sent in a request line)
 *   and is removed from the address bar at once;
 * - runner messages go through applyMessage() (shared/runner/runner.client.ts): a snapshot replaces, a patch
 *   merges top-level keys only when `baseRevision` matches (older ignored, a gap asks for a snapshot); timers come
 *   from deriveTimers() at the runner's clock (the message's `now` plus the time since);
 * - it reconnects forever with backoff (250 ms → 2 s), at once when the phone comes back (visibility, online),
 *   and notices a dead link by a ping every 500 ms: the link is down when the socket closes or after 1 s with
 *   nothing heard (a hung studio), and the socket is dropped and opened anew after 6 s of silence; a 401 on
 *   reconnect (revoked, remote control turned off) returns to pairing with a message;
 * - while the link is down the page says so in a banner (role alert), its timers stand still at the moment the
 *   link went down, marked "Not live", and the controls are disabled; except when the phone itself is offline
 *   (navigator.onLine false), where commands may still be pressed and wait, pending (below). Anything heard
 *   again lifts all of it, and the snapshot sent on every connection shows the true state;
 * - a command is queued with a unique id and the segment it was meant for, shown as pending (with a count)
 *   while offline or when unacknowledged for 0.8 s, until acknowledged; after a reconnect unacknowledged commands
 *   are sent again with the same id (the server never applies an id twice); one that waited over 60 s is dropped
 *   with a message, one the server refuses (stale, forbidden, failed) is shown with its reason;
 * - controls follow the role table (shared/remote/remote.roles.ts): a viewer sees no control; **Fire next beat**
 *   (roles allowed fireBeat) names the next beat of segmentBeatsView() and fires that beat by id (a repeat is
 *   refused, never fires the one after);
 * - live sales entry (remote.sales.ts) for the roles allowed recordSale (Host, Controller), through the same queue;
 * - the deal area shows what the overlay shows (dealOverlayView): the teaser while the price is held, else the
 *   ladder's price in force and its next step; the cues are the phone's role's (phoneCueColumns), a dash when empty;
 * - words come from the `phone` i18n namespace (en, zh-CN by the phone's language); text only, never markup.
 */
import './remote.css';
import { allowedCommands, isRemoteRole, type RemoteRole, type RunnerCommandType } from '../../../../shared/remote/remote.roles';
import { applyMessage, deriveTimers, StalePatchError } from '../../../../shared/runner/runner.client';
import { formatClockMs, formatCountdownMs } from '../../../../shared/runner/runner.format';
import { phoneCueColumns } from '../../../../shared/runner/console-cues';
import { teaserText } from '../../../../shared/runner/deal-card';
import { dealOverlayView, segmentBeatsView } from '../../../../shared/runner/deal-overlay';
import { formatMoney } from '../../../../shared/domain/money';
import type { RunnerCommandRequest } from '../../../../shared/contract/runner.schema';
import type { RunnerMessage, RunnerState, SnapshotSegment } from '../../../../shared/runner/runner.types';
import { createPageI18n } from '../../i18n/page-i18n';
import { DomWriter } from '../dom-writer';
import { createSalesSection } from './remote.sales';

const TOKEN_KEY = 'kol-remote-token';
const MAX_PENDING_AGE_MS = 60_000;
const PING_MS = 500;
const SILENT_MS = 1000;
const GIVE_UP_MS = 6000;

const root = document.documentElement;
const langs = navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
const { t, i18n } = createPageI18n('phone', String(langs[0] ?? 'en'));
root.lang = i18n.language;

const $ = <E extends HTMLElement = HTMLElement>(id: string): E => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the phone page has no #${id}`);
  return el as E;
};
const writer = new DomWriter((id) => document.getElementById(id) ?? undefined);
const setText = (id: string, text: string) => writer.text(id, text);
const show = (id: string, visible: boolean) => writer.visible(id, visible);

for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = t(el.dataset.t ?? '');
document.title = t('title');

interface Pending {
  id: string;
  command: RunnerCommandRequest;
  atSegment: string | null;
  label: string;
  at: number;
  sentOn: number;
}

let token: string | null = null;
try {
  token = localStorage.getItem(TOKEN_KEY);
} catch {
  token = null;
}
let role: RemoteRole | null = null;
let state: RunnerState | null = null;
let offset = 0;
let ws: WebSocket | null = null;
let open = false;
let synced = false;
let attempts = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let pingTimer: ReturnType<typeof setInterval> | undefined;
let lastPong = 0;
let lastPing = 0;
let unanswered = 0;
let linkDown = false;
let frozenAt = 0;
let connection = 0;
let pointsFor: string | null = null;
let cuesFor: string | null = null;
const pending: Pending[] = [];

function uid(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
function message(text: string): void {
  setText('message', text);
}

// ---- state ----
function runnerNow(): number {
  return (linkDown ? frozenAt : performance.now()) + offset;
}
function current(): SnapshotSegment | null {
  return state?.snapshot ? (state.snapshot.segments[state.currentIndex] ?? null) : null;
}
function receive(m: RunnerMessage | null): void {
  if (m === null) {
    state = null;
    synced = true;
    flush();
    render();
    return;
  }
  if (m.kind !== 'snapshot' && m.kind !== 'patch') return;
  try {
    state = applyMessage(state, m);
  } catch (error) {
    if (error instanceof StalePatchError) {
      sync();
      return;
    }
    throw error;
  }
  offset = m.now - performance.now();
  if (m.kind === 'snapshot' && !synced) {
    synced = true;
    flush();
  }
  render();
}
/** Sends on an open socket only: the browser logs an error for a send on a closing one (the link just died). */
function sendIfOpen(socket: WebSocket, message: unknown): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}
function sync(): void {
  if (open && ws) sendIfOpen(ws, { t: 'sync' });
}

// ---- commands: queued, idempotent, acknowledged ----
function allowed(type: RunnerCommandType): boolean {
  return !!role && allowedCommands(role).includes(type);
}
function command(cmd: RunnerCommandRequest, label: string): void {
  if (!allowed(cmd.type)) return;
  const seg = current();
  pending.push({ id: uid(), command: cmd, atSegment: seg ? seg.id : null, label, at: Date.now(), sentOn: 0 });
  message('');
  flush();
  renderPending();
  setTimeout(renderPending, 900);
}
function flush(): void {
  if (!open || !synced || !ws) return;
  const now = Date.now();
  for (let i = 0; i < pending.length; i++) {
    const item = pending[i]!;
    if (item.sentOn === connection) continue;
    if (item.sentOn === 0 && now - item.at > MAX_PENDING_AGE_MS) {
      pending.splice(i, 1);
      i--;
      message(t('tooOld', { what: item.label }));
      continue;
    }
    if (ws.readyState !== WebSocket.OPEN) break; // the link is going: the rest waits for the next connection
    item.sentOn = connection;
    sendIfOpen(ws, { t: 'cmd', id: item.id, command: item.command, atSegment: item.atSegment });
  }
  renderPending();
}
/** A refusal as a sentence in the phone's language, by its code; only a runner's own refusal quotes the studio. */
function refusalText(ack: { code?: string; message?: string }): string {
  if (ack.code === 'forbidden') return t('refusedForbidden', { role: role ? t(`role_${role}`) : '' });
  if (ack.code === 'stale') return t('refusedStale');
  if (ack.code === 'invalid') return t('refusedInvalid');
  return t('refused', { message: ack.message ?? '' });
}
function onAck(ack: { id: string; ok: boolean; code?: string; message?: string }): void {
  const index = pending.findIndex((p) => p.id === ack.id);
  if (index >= 0) pending.splice(index, 1);
  if (!ack.ok) message(refusalText(ack));
  renderPending();
}
// Shown while offline, or when an answer is slow; a command acknowledged within moments is not announced.
function renderPending(): void {
  const n = pending.length;
  const now = Date.now();
  show('pending', n > 0 && (!open || pending.some((p) => now - p.at > 800)));
  setText('pending', n > 0 ? t('pending', { count: n }) : '');
  root.dataset.pending = String(n);
}

// ---- connection: reconnect forever, with backoff ----
function setConnection(kind: 'open' | 'closed'): void {
  $('connection').dataset.state = kind;
  root.dataset.connection = kind;
  setText('connection', kind === 'open' ? t('connected') : navigator.onLine === false ? t('offline') : t('reconnecting'));
}
// The link to the studio: down from a closed socket or a silence, up again at the first thing heard.
const offlinePhone = (): boolean => navigator.onLine === false;
const blocked = (): boolean => linkDown && !offlinePhone();
function setLink(down: boolean): void {
  if (down && !linkDown) frozenAt = performance.now();
  linkDown = down;
  root.dataset.link = down ? 'down' : 'up';
  setText('link-lost', down ? (offlinePhone() ? t('offlineBanner') : t('linkLost')) : '');
  show('link-lost', down);
  show('not-live', down);
  render();
}
function lost(socket: WebSocket): void {
  if (ws !== socket) return;
  ws = null;
  open = false;
  synced = false;
  clearInterval(pingTimer);
  setConnection('closed');
  setObs(null);
  setLink(true);
}
// OBS as the studio sees it ({t:'obs'}); unknown (hidden) while this phone is not connected to the studio.
function setObs(obs: { connected: boolean; streaming: boolean } | null): void {
  if (!obs) {
    show('obs', false);
    return;
  }
  $('obs').dataset.state = obs.connected ? 'open' : 'closed';
  setText('obs', obs.connected ? (obs.streaming ? t('obs_onAir') : t('obs_ok')) : t('obs_lost'));
  show('obs', true);
}

type ServerMessage =
  | { t: 'hello'; role: unknown }
  | { t: 'runner'; m: RunnerMessage | null }
  | { t: 'ack'; id: string; ok: boolean; message?: string }
  | { t: 'revoked' }
  | { t: 'obs'; connected: boolean; streaming: boolean };

function connect(): void {
  retryTimer = undefined;
  if (!token || ws) return;
  const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
  let socket: WebSocket;
  try {
    socket = new WebSocket(`${scheme}${location.host}/remote/ws`, ['kol-remote.v1', `kol-token.${token}`]);
  } catch {
    retry();
    return;
  }
  ws = socket;
  socket.onopen = () => {
    if (ws !== socket) return;
    open = true;
    synced = false;
    attempts = 0;
    connection += 1;
    lastPong = Date.now();
    lastPing = 0;
    unanswered = 0;
    setConnection('open');
    clearInterval(pingTimer);
    pingTimer = setInterval(() => {
      if (ws !== socket) return;
      const now = Date.now();
      if (unanswered) {
        if (now - unanswered > GIVE_UP_MS) {
          lost(socket);
          socket.close();
          retry();
          return;
        }
        if (now - unanswered > SILENT_MS && !linkDown) {
          setConnection('closed');
          setLink(true);
        }
      }
      if (now - lastPing < PING_MS) return;
      lastPing = now;
      if (!unanswered) unanswered = now;
      sendIfOpen(socket, { t: 'ping' });
    }, 125);
  };
  socket.onmessage = (event: MessageEvent<string>) => {
    if (ws !== socket) return;
    let msg: ServerMessage;
    try {
      msg = JSON.parse(event.data) as ServerMessage;
    } catch {
      return;
    }
    lastPong = Date.now();
    unanswered = 0;
    if (linkDown) {
      setConnection('open');
      setLink(false);
    }
    if (msg.t === 'hello') {
      role = isRemoteRole(msg.role) ? msg.role : null;
      renderRole();
      render();
    } else if (msg.t === 'runner') receive(msg.m);
    else if (msg.t === 'ack') onAck(msg);
    else if (msg.t === 'revoked') unpaired(t('revoked'));
    else if (msg.t === 'obs') setObs(msg);
  };
  socket.onclose = (event) => {
    if (ws !== socket) return;
    lost(socket);
    if (event.code === 4401) {
      unpaired(t('revoked'));
      return;
    }
    retry();
  };
}
function retry(): void {
  if (retryTimer !== undefined || !token) return;
  const delay = Math.min(2000, 250 * 2 ** attempts);
  attempts += 1;
  retryTimer = setTimeout(check, delay);
}
// Before reconnecting, ask whether the token is still good: a 401 means revoked (or remote control off).
function check(): void {
  retryTimer = undefined;
  if (!token) return;
  fetch('/remote/api/session', { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' }).then(
    (res) => {
      if (res.status === 401) unpaired(t('revoked'));
      else if (res.ok) connect();
      else retry();
    },
    () => retry(),
  );
}
function wake(): void {
  if (!token || ws) return;
  clearTimeout(retryTimer);
  retryTimer = undefined;
  attempts = 0;
  check();
}
// Back from a locked screen: a socket that looks open may be dead; probe it now rather than at the next ping.
function probe(): void {
  if (!open || !ws) return;
  const socket = ws;
  const asked = Date.now();
  sendIfOpen(socket, { t: 'ping' });
  setTimeout(() => {
    if (ws === socket && lastPong < asked) socket.close();
  }, 2500);
}
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState !== 'visible') return;
  if (ws) probe();
  else wake();
});
window.addEventListener('online', () => {
  if (linkDown) setLink(true);
  wake();
});
window.addEventListener('offline', () => {
  if (ws) ws.close();
  setConnection('closed');
  if (linkDown) setLink(true);
});

// ---- pairing ----
function unpaired(reason: string): void {
  token = null;
  role = null;
  state = null;
  try {
    localStorage.removeItem(TOKEN_KEY);
  } catch {
    // private mode
  }
  if (ws) {
    const s = ws;
    ws = null;
    s.close();
  }
  open = false;
  pending.length = 0;
  clearInterval(pingTimer);
  show('console', false);
  show('pair', true);
  linkDown = false;
  root.dataset.link = 'up';
  show('link-lost', false);
  show('not-live', false);
  setText('pair-error', reason);
  setConnection('closed');
  renderRole();
}
function pair(code: string): void {
  setText('pair-error', '');
  const button = $<HTMLButtonElement>('pair-button');
  button.disabled = true;
  button.textContent = t('pairing');
  fetch('/remote/api/pair', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) })
    .then((res) => res.json().then((body: { token?: string; role?: unknown; error?: string }) => ({ res, body })))
    .then(
      ({ res, body }) => {
        if (!res.ok || !body.token) {
          unpaired(pairRefusalText(res.status));
          return;
        }
        token = body.token;
        role = isRemoteRole(body.role) ? body.role : null;
        try {
          localStorage.setItem(TOKEN_KEY, token);
        } catch {
          // private mode: this tab only
        }
        start();
      },
      () => unpaired(t('pairUnreachable')),
    )
    .finally(() => {
      button.disabled = false;
      button.textContent = t('pair');
    });
}
/** Why pairing was refused, in the phone's language, by the answer's status. */
function pairRefusalText(status: number): string {
  if (status === 401) return t('pairWrongCode');
  if (status === 429) return t('pairTooMany');
  if (status === 403) return t('pairOff');
  return t('pairFailed');
}
$('pair-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $<HTMLInputElement>('code');
  const code = input.value.replace(/[\s-]/g, '');
  if (code.length < 6) {
    setText('pair-error', t('codeMissing'));
    input.focus();
    return;
  }
  pair(code);
});

// ---- rendering ----
const sales = createSalesSection({
  t,
  language: () => i18n.language,
  allowed: () => allowed('recordSale'),
  blocked: () => blocked(),
  send: (entry, label) => command({ type: 'recordSale', entry }, label),
  element: (id) => $(id),
  setText,
  show,
});
function renderRole(): void {
  setText('role', role ? t(`role_${role}`) : '');
  show('role', !!role);
}
function setButton(id: string, type: RunnerCommandType, visible: boolean, enabled: boolean): void {
  show(id, visible && allowed(type));
  $<HTMLButtonElement>(id).disabled = blocked() || !enabled;
}
function render(): void {
  const seg = current();
  show('no-show', !state?.snapshot);
  show('show', !!state?.snapshot);
  show('read-only', role === 'viewer');
  root.dataset.revision = state ? String(state.revision) : '';
  if (!state?.snapshot || !seg) {
    renderPending();
    return;
  }
  const segs = state.snapshot.segments;
  setText('title', state.snapshot.show.title);
  setText('current', seg.title);
  root.dataset.segment = seg.id;
  setText('status', t(`status_${state.status}`));
  setText('position', `${state.currentIndex + 1}/${segs.length}`);
  const nextSeg = segs[state.currentIndex + 1];
  setText('next-title', nextSeg ? nextSeg.title : t('lastSegment'));
  const idle = state.status === 'idle';
  const ended = state.status === 'ended';
  setButton('next', 'next', true, !idle && !ended && !!nextSeg);
  setButton('previous', 'previous', true, !idle && !ended && state.currentIndex > 0);
  setButton('start', 'start', idle, idle);
  setButton('pause', 'pause', state.status === 'live', true);
  setButton('resume', 'resume', state.status === 'paused', true);
  const deal = seg.deal ? state.deals[seg.id] : undefined;
  show('deal', !!deal);
  if (deal) {
    show('countdown-box', deal.countdownSec !== null);
    setButton('start-countdown', 'startCountdown', deal.countdown !== 'running', state.status === 'live');
    setButton('stop-countdown', 'stopCountdown', deal.countdown === 'running', true);
    show('stock-box', deal.stockLeft !== null || deal.soldOut);
    setText('stock', deal.soldOut ? t('soldOut') : deal.stockLeft !== null ? t('stockLeft', { n: deal.stockLeft }) : '');
    setButton('one-sold', 'setStockLeft', !deal.soldOut && deal.stockLeft !== null, !ended && (deal.stockLeft ?? 0) > 0);
    setButton('sold-out', 'markSoldOut', !deal.soldOut, !ended);
  }
  const beats = segmentBeatsView(state);
  show('beats', (seg.beats?.length ?? 0) > 0);
  setText('next-beat', beats.next ? beatLabel(beats.next) : t('noNextBeat'));
  setButton('fire-beat', 'fireBeat', true, !!beats.next && !idle && !ended);
  renderCues(seg);
  sales.render(state, seg);
  if (pointsFor !== seg.id) {
    pointsFor = seg.id;
    const list = $('points');
    list.replaceChildren();
    for (const point of seg.talkingPoints) {
      const li = document.createElement('li');
      li.textContent = point;
      list.appendChild(li);
    }
    const fan = seg.fanGroupText.trim();
    show('fan', !!fan);
    $<HTMLTextAreaElement>('fan-text').value = fan;
    setText('copy', t('copy'));
  }
  tick();
  renderPending();
}
function beatLabel(beat: NonNullable<SnapshotSegment['beats']>[number]): string {
  const kind = t(`beat_${beat.kind}`);
  const label = beat.label?.trim();
  return label && label !== kind ? `${kind} · ${label}` : kind;
}
function renderCues(seg: SnapshotSegment): void {
  const columns = role ? phoneCueColumns(seg, role) : [];
  const key = `${seg.id}|${role ?? ''}|${JSON.stringify(columns)}|${i18n.language}`;
  if (cuesFor === key) return;
  cuesFor = key;
  show('cues', columns.length > 0);
  $('cue-columns').replaceChildren(
    ...columns.map((column) => {
      const box = document.createElement('div');
      box.className = 'cue-column';
      const heading = document.createElement('p');
      heading.className = 'label';
      heading.id = `cues-${column.role}`;
      heading.textContent = t(`cueRole_${column.role}`);
      const list = document.createElement('ul');
      list.setAttribute('aria-labelledby', heading.id);
      for (const cue of column.cues.length ? column.cues : [t('noCues')]) {
        const li = document.createElement('li');
        li.textContent = cue;
        list.appendChild(li);
      }
      box.append(heading, list);
      return box;
    }),
  );
}
function renderDealPrice(timers: ReturnType<typeof deriveTimers>): void {
  if (!state) return;
  const view = dealOverlayView(state, timers.at, timers.segmentElapsedMs, 0);
  show('price-box', !!view && (view.card.offer || !!view.teaser));
  if (!view) return;
  const money = (m: { amountMinor: number; currency: string }) => formatMoney(m, i18n.language);
  const teaser = view.teaser;
  setText('deal-price', teaser ? teaserText({ teaserAt: t('teaserAt', { time: '{time}' }), teaserSoon: t('teaserSoon') }, teaser.revealAt, teaser.zone) : money(view.price));
  $('deal-price').dataset.state = teaser ? 'teaser' : 'price';
  const next = view.next;
  show('deal-next', !!next);
  setText(
    'deal-next',
    !next ? '' : next.trigger === 'time' ? t('nextStepIn', { price: money(next.price), time: formatCountdownMs(next.remainingMs) }) : t('nextStepAt', { price: money(next.price), n: next.atOrBelow }),
  );
  show('deal-link-live', view.linkLive);
  show('deal-last-call', view.lastCall);
}
function tick(): void {
  const seg = current();
  if (!state?.snapshot || !seg) return;
  const timers = deriveTimers(state, runnerNow());
  if (seg.deal) renderDealPrice(timers);
  setText('segment-timer', `${formatClockMs(timers.segmentElapsedMs)} / ${formatClockMs(timers.segmentPlannedMs)}`);
  $('segment-timer').dataset.over = String(timers.segmentElapsedMs > timers.segmentPlannedMs);
  setText('show-clock', formatClockMs(timers.showElapsedMs));
  const left = timers.deals[seg.id]?.remainingMs;
  if (seg.deal && left !== undefined && left !== null) setText('countdown', formatClockMs(left));
}
setInterval(() => {
  if (state?.status === 'live' && !linkDown && document.visibilityState !== 'hidden') tick();
}, 250);

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-cmd]')) {
  button.addEventListener('click', () => {
    if (blocked()) return;
    const type = button.dataset.cmd as RunnerCommandType;
    const label = button.textContent || type;
    if (type === 'setStockLeft') {
      const seg = current();
      const deal = seg && state ? state.deals[seg.id] : undefined;
      if (!deal || deal.stockLeft === null) return;
      command({ type: 'setStockLeft', units: Math.max(0, deal.stockLeft - 1) }, label);
    } else if (type === 'fireBeat') {
      const next = state ? segmentBeatsView(state).next : null;
      if (next) command({ type: 'fireBeat', beatId: next.id }, label);
    } else command({ type } as RunnerCommandRequest, label);
  });
}
$('copy').addEventListener('click', () => {
  const area = $<HTMLTextAreaElement>('fan-text');
  const done = () => setText('copy', t('copied'));
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(area.value).then(done, () => undefined);
    return;
  }
  area.focus();
  area.select();
  try {
    // The fallback for a plain-HTTP LAN page, where the Clipboard API is unavailable.
    if (document.execCommand('copy')) done();
  } catch {
    // the text stays selected for a manual copy
  }
});

function start(): void {
  show('pair', false);
  show('console', true);
  setConnection('closed');
  renderRole();
  render();
  connect();
}
const code = location.hash.replace(/^#/, '');
if (code) {
  history.replaceState(null, '', location.pathname);
  show('pair', true);
  $<HTMLInputElement>('code').value = code;
  pair(code);
} else if (token) start();
else unpaired('');
