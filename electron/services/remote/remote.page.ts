/**
 * The phone console: one generated HTML page (like the overlay pages: no file on disk, inline CSS and one
 * inline script with the response's nonce), laid out for one thumb.
 *
 * Invariants:
 * - the token lives in the phone's localStorage and travels only in an Authorization header or a WebSocket
 *   subprotocol, never in a URL; the pairing code arrives in the URL fragment (never sent in a request line)
 *   and is removed from the address bar at once;
 * - the script mirrors the runner's client logic (runner.client.ts): a snapshot replaces, a patch merges
 *   top-level keys only when `baseRevision` matches (older ignored, a gap asks for a snapshot); timers are
 *   derived like deriveTimers() from the monotonic anchors and the message's `now`;
 * - it reconnects forever with backoff (250 ms → 2 s), at once when the phone comes back (visibility, online),
 *   and notices a dead link by a ping every 500 ms: the link is down when the socket closes or after 1 s with
 *   nothing heard (a hung studio), and the socket is dropped and opened anew after 6 s of silence; a 401 on
 *   reconnect (revoked, remote control turned off) returns to pairing with a message;
 * - while the link is down the page says so in a banner (role alert), its timers stand still at the moment the
 *   link went down, marked "Not live", and the controls are disabled; except when the phone itself is offline
 *   (navigator.onLine false), where commands may still be pressed and wait, pending (below). Anything heard
 *   again lifts all of it, and the snapshot sent on every connection shows the true state;
 * - a command is queued with a unique id and the segment it was meant for, shown as pending (with a count)
 *   while offline or when unacknowledged for 0.8 s, until acknowledged; after a reconnect unacknowledged commands are sent again with the same id (the
 *   server never applies an id twice); one that waited over 60 s is dropped with a message, one the server
 *   refuses (stale, forbidden, failed) is shown with its reason;
 * - controls follow the role table (shared/remote/remote.roles.ts, passed in as data): a viewer sees no control.
 * - strings come from remote.strings.ts (en, zh-CN); nothing is written as markup (textContent only).
 */
import { allowedCommands, remoteRoles } from '../../../shared/remote/remote.roles';
import { remoteStrings } from './remote.strings';

const rolesData = Object.fromEntries(remoteRoles.map((role) => [role, allowedCommands(role)]));

const css = `
:root { color-scheme: dark; --accent: #ff2d55; --bg: #0e0e10; --card: #1b1b1f; --text: #f4f4f5; --dim: #a1a1aa; }
* { box-sizing: border-box; }
html, body { margin: 0; background: var(--bg); color: var(--text);
  font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif; }
body { padding: max(12px, env(safe-area-inset-top)) 14px max(16px, env(safe-area-inset-bottom)); }
[hidden] { display: none !important; }
header { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 10px; }
h1 { font-size: 17px; margin: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.badge { font-size: 13px; padding: 3px 9px; border-radius: 999px; background: #27272a; white-space: nowrap; }
.badge[data-state="open"] { background: #14532d; }
.badge[data-state="closed"] { background: #7c2d12; }
.card { background: var(--card); border-radius: 16px; padding: 14px; margin-bottom: 12px; }
.label { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--dim); margin: 0 0 4px; }
h2 { font-size: 24px; margin: 0 0 8px; line-height: 1.2; }
.timers { display: flex; gap: 16px; font-variant-numeric: tabular-nums; }
.timers div { flex: 1; }
.timer { font-size: 30px; font-weight: 700; }
.timer[data-over="true"] { color: var(--accent); }
.next-title { font-size: 17px; }
button { font: inherit; color: var(--text); background: #3f3f46; border: 0; border-radius: 14px; padding: 14px;
  min-height: 52px; touch-action: manipulation; }
button:disabled { opacity: .4; }
.link-lost { background: #b91c1c; color: #fff; font-weight: 600; border-radius: 12px; padding: 10px 12px; margin-bottom: 12px; }
.not-live { background: transparent; border: 1px solid var(--dim); color: var(--dim); margin-left: 6px; }
html[data-link="down"] .timers, html[data-link="down"] #countdown { opacity: .45; }
button.primary { background: var(--accent); font-size: 30px; font-weight: 800; width: 100%; min-height: 110px; margin-bottom: 12px; }
.row { display: flex; gap: 10px; margin-bottom: 12px; }
.row button { flex: 1; }
.pending { background: #78350f; border-radius: 12px; padding: 10px 12px; margin-bottom: 12px; }
.message { background: #450a0a; border-radius: 12px; padding: 10px 12px; margin-bottom: 12px; }
.message:empty { display: none; }
ul { margin: 0; padding-left: 20px; } li { margin: 4px 0; font-size: 16px; line-height: 1.35; }
textarea { width: 100%; min-height: 90px; font: inherit; font-size: 15px; color: var(--text); background: #111113;
  border: 1px solid #3f3f46; border-radius: 10px; padding: 8px; margin-bottom: 8px; }
input { font: inherit; font-size: 28px; letter-spacing: .2em; text-transform: uppercase; width: 100%; padding: 10px;
  border-radius: 12px; border: 1px solid #52525b; background: #111113; color: var(--text); margin: 6px 0 12px; }
.big-number { font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; }
`;

const body = `
<header>
  <h1 id="title" data-t="title"></h1>
  <span class="badge" id="role"></span>
  <span class="badge" id="connection" role="status" data-state="closed"></span>
  <span class="badge" id="obs" role="status" data-state="closed" hidden></span>
</header>
<section id="pair" class="card" aria-labelledby="pair-heading" hidden>
  <h2 id="pair-heading" data-t="pairHeading"></h2>
  <p data-t="pairHelp"></p>
  <form id="pair-form" novalidate>
    <label for="code" data-t="codeLabel"></label>
    <input id="code" name="code" autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" maxlength="12" aria-describedby="pair-error">
    <button type="submit" class="primary" id="pair-button" data-t="pair"></button>
    <p id="pair-error" class="message" role="alert"></p>
  </form>
</section>
<main id="console" hidden>
  <p id="link-lost" class="link-lost" role="alert" hidden></p>
  <p id="message" class="message" role="alert"></p>
  <p id="pending" class="pending" role="status" hidden></p>
  <p id="read-only" class="card" data-t="readOnly" hidden></p>
  <p id="no-show" class="card" data-t="noShow" hidden></p>
  <div id="show" hidden>
    <section class="card" aria-labelledby="now-label">
      <p class="label"><span id="now-label" data-t="now"></span> · <span id="status"></span> · <span id="position"></span><span id="not-live" class="badge not-live" data-t="notLive" hidden></span></p>
      <h2 id="current"></h2>
      <div class="timers">
        <div><p class="label" data-t="segmentTimer"></p><div class="timer" id="segment-timer" role="timer"></div></div>
        <div><p class="label" data-t="showClock"></p><div class="timer" id="show-clock" role="timer"></div></div>
      </div>
    </section>
    <section class="card" aria-labelledby="next-label">
      <p class="label" id="next-label" data-t="upNext"></p>
      <div class="next-title" id="next-title"></div>
    </section>
    <button type="button" class="primary" id="next" data-cmd="next" data-t="next"></button>
    <div class="row">
      <button type="button" id="previous" data-cmd="previous" data-t="previous"></button>
      <button type="button" id="start" data-cmd="start" data-t="start"></button>
      <button type="button" id="pause" data-cmd="pause" data-t="pause"></button>
      <button type="button" id="resume" data-cmd="resume" data-t="resume"></button>
    </div>
    <section class="card" id="deal" aria-labelledby="deal-label" hidden>
      <p class="label" id="deal-label" data-t="deal"></p>
      <div id="countdown-box">
        <p class="label" data-t="dealCountdown"></p>
        <div class="big-number" id="countdown" role="timer"></div>
        <div class="row">
          <button type="button" id="start-countdown" data-cmd="startCountdown" data-t="startCountdown"></button>
          <button type="button" id="stop-countdown" data-cmd="stopCountdown" data-t="stopCountdown"></button>
        </div>
      </div>
      <div id="stock-box">
        <p class="label" data-t="stock"></p>
        <div class="big-number" id="stock" aria-live="polite"></div>
        <div class="row">
          <button type="button" id="one-sold" data-cmd="setStockLeft" data-t="oneSold"></button>
          <button type="button" id="sold-out" data-cmd="markSoldOut" data-t="markSoldOut"></button>
        </div>
      </div>
    </section>
    <section class="card" aria-labelledby="points-label">
      <p class="label" id="points-label" data-t="talkingPoints"></p>
      <ul id="points"></ul>
    </section>
    <section class="card" id="fan" aria-labelledby="fan-label" hidden>
      <p class="label" id="fan-label" data-t="fanGroup"></p>
      <textarea id="fan-text" readonly aria-labelledby="fan-label"></textarea>
      <button type="button" id="copy" data-t="copy"></button>
    </section>
  </div>
</main>
`;

/** The page script (plain ES2020). A string so the page is one response; no eval, no string-built markup. */
const script = `(() => {
  'use strict';
  const STRINGS = __STRINGS__;
  const ROLES = __ROLES__;
  const TOKEN_KEY = 'kol-remote-token';
  const MAX_PENDING_AGE_MS = 60000;
  const PING_MS = 500, SILENT_MS = 1000, GIVE_UP_MS = 6000;
  const root = document.documentElement;
  const langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  const lang = String(langs[0] || 'en').toLowerCase().indexOf('zh') === 0 ? 'zh-CN' : 'en';
  root.lang = lang;
  const S = STRINGS[lang];
  function t(key, vars) {
    let text = S[key];
    if (text === undefined && vars && typeof vars.n === 'number') text = S[key + (vars.n === 1 && S[key + '_one'] ? '_one' : '_other')];
    text = String(text === undefined ? key : text);
    if (vars) for (const k of Object.keys(vars)) text = text.split('{' + k + '}').join(String(vars[k]));
    return text;
  }
  const $ = (id) => document.getElementById(id);
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  document.title = t('title');

  let token = null;
  try { token = localStorage.getItem(TOKEN_KEY); } catch (_) { token = null; }
  let role = null;
  let state = null;
  let offset = 0;
  let ws = null;
  let open = false;
  let synced = false;
  let attempts = 0;
  let retryTimer = 0;
  let pingTimer = 0;
  let lastPong = 0;
  let lastPing = 0;
  let unanswered = 0;
  let linkDown = false;
  let frozenAt = 0;
  let connection = 0;
  const pending = [];
  const shown = {};

  function setText(id, text) {
    if (shown[id] === text) return;
    shown[id] = text;
    $(id).textContent = text;
  }
  function show(id, visible) { const el = $(id); if (el.hidden === !visible) return; el.hidden = !visible; }
  function uid() {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }
  function clock(ms) {
    const sign = ms < 0 ? '\\u2212' : '';
    const total = Math.floor(Math.abs(ms) / 1000);
    const h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    return sign + (h > 0 ? h + ':' + String(m).padStart(2, '0') : String(m)) + ':' + String(s).padStart(2, '0');
  }
  function message(text) { setText('message', text || ''); }

  // ---- state (mirrors runner.client.ts) ----
  function runnerNow() { return (linkDown ? frozenAt : performance.now()) + offset; }
  function at() { const a = state.anchors; return a.endedMono != null ? a.endedMono : a.pausedMono != null ? a.pausedMono : runnerNow(); }
  function plannedMs(index) {
    const seg = state.snapshot.segments[index];
    if (!seg) return 0;
    return Math.max(0, (seg.plannedSec + (state.adjustmentsSec[seg.id] || 0)) * 1000);
  }
  function current() { return state && state.snapshot ? state.snapshot.segments[state.currentIndex] || null : null; }
  function receive(m) {
    if (m === null) { state = null; synced = true; afterSync(); render(); return; }
    if (m.kind === 'snapshot') {
      state = m.state;
    } else if (m.kind === 'patch') {
      if (!state) { sync(); return; }
      if (m.revision <= state.revision) return;
      if (m.baseRevision !== state.revision) { sync(); return; }
      state = Object.assign({}, state, m.changes, { revision: m.revision });
    } else return;
    offset = m.now - performance.now();
    if (m.kind === 'snapshot' && !synced) { synced = true; afterSync(); }
    render();
  }
  function sync() { if (open) ws.send(JSON.stringify({ t: 'sync' })); }

  // ---- commands: queued, idempotent, acknowledged ----
  function command(cmd, label) {
    if (!role || ROLES[role].indexOf(cmd.type) < 0) return;
    const seg = current();
    const item = { id: uid(), command: cmd, atSegment: seg ? seg.id : null, label: label, at: Date.now(), sentOn: 0 };
    pending.push(item);
    message('');
    flush();
    renderPending();
    setTimeout(renderPending, 900);
  }
  function flush() {
    if (!open || !synced) return;
    const now = Date.now();
    for (let i = 0; i < pending.length; i++) {
      const item = pending[i];
      if (item.sentOn === connection) continue;
      if (item.sentOn === 0 && now - item.at > MAX_PENDING_AGE_MS) {
        pending.splice(i, 1); i--;
        message(t('tooOld', { what: item.label }));
        continue;
      }
      item.sentOn = connection;
      ws.send(JSON.stringify({ t: 'cmd', id: item.id, command: item.command, atSegment: item.atSegment }));
    }
    renderPending();
  }
  function afterSync() { flush(); }
  function onAck(ack) {
    const index = pending.findIndex((p) => p.id === ack.id);
    if (index >= 0) pending.splice(index, 1);
    if (!ack.ok) message(t('refused', { message: ack.message }));
    renderPending();
  }
  // Shown while offline, or when an answer is slow; a command acknowledged within moments is not announced.
  function renderPending() {
    const n = pending.length;
    const now = Date.now();
    show('pending', n > 0 && (!open || pending.some((p) => now - p.at > 800)));
    setText('pending', n > 0 ? t('pending', { n: n }) : '');
    root.dataset.pending = String(n);
  }

  // ---- connection: reconnect forever, with backoff ----
  function setConnection(kind) {
    const el = $('connection');
    el.dataset.state = kind === 'open' ? 'open' : 'closed';
    root.dataset.connection = kind;
    setText('connection', kind === 'open' ? t('connected') : navigator.onLine === false ? t('offline') : t('reconnecting'));
  }
  // The link to the studio: down from a closed socket or a silence, up again at the first thing heard.
  function offlinePhone() { return navigator.onLine === false; }
  function blocked() { return linkDown && !offlinePhone(); }
  function setLink(down) {
    if (down && !linkDown) frozenAt = performance.now();
    linkDown = down;
    root.dataset.link = down ? 'down' : 'up';
    setText('link-lost', down ? (offlinePhone() ? t('offlineBanner') : t('linkLost')) : '');
    show('link-lost', down);
    show('not-live', down);
    render();
  }
  function lost(socket) {
    if (ws !== socket) return;
    ws = null; open = false; synced = false;
    clearInterval(pingTimer);
    setConnection('closed');
    setObs(null);
    setLink(true);
  }
  // OBS as the studio sees it ({t:'obs'}); unknown (hidden) while this phone is not connected to the studio.
  function setObs(obs) {
    if (!obs) { show('obs', false); return; }
    $('obs').dataset.state = obs.connected ? 'open' : 'closed';
    setText('obs', obs.connected ? (obs.streaming ? t('obs_onAir') : t('obs_ok')) : t('obs_lost'));
    show('obs', true);
  }
  function connect() {
    retryTimer = 0;
    if (!token || ws) return;
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    let socket;
    try { socket = new WebSocket(scheme + location.host + '/remote/ws', ['kol-remote.v1', 'kol-token.' + token]); }
    catch (_) { retry(); return; }
    ws = socket;
    socket.onopen = () => {
      if (ws !== socket) return;
      open = true; synced = false; attempts = 0; connection += 1; lastPong = Date.now(); lastPing = 0; unanswered = 0;
      setConnection('open');
      clearInterval(pingTimer);
      pingTimer = setInterval(() => {
        if (ws !== socket) return;
        const now = Date.now();
        if (unanswered) {
          if (now - unanswered > GIVE_UP_MS) { lost(socket); socket.close(); retry(); return; }
          if (now - unanswered > SILENT_MS && !linkDown) { setConnection('closed'); setLink(true); }
        }
        if (now - lastPing < PING_MS) return;
        lastPing = now;
        if (!unanswered) unanswered = now;
        try { socket.send(JSON.stringify({ t: 'ping' })); } catch (_) { /* closing */ }
      }, 125);
    };
    socket.onmessage = (event) => {
      if (ws !== socket) return;
      let msg;
      try { msg = JSON.parse(event.data); } catch (_) { return; }
      lastPong = Date.now(); unanswered = 0;
      if (linkDown) { setConnection('open'); setLink(false); }
      if (msg.t === 'hello') { role = msg.role; renderRole(); render(); }
      else if (msg.t === 'runner') receive(msg.m);
      else if (msg.t === 'ack') onAck(msg);
      else if (msg.t === 'revoked') unpaired(t('revoked'));
      else if (msg.t === 'obs') setObs(msg);
    };
    socket.onclose = (event) => {
      if (ws !== socket) return;
      lost(socket);
      if (event.code === 4401) { unpaired(t('revoked')); return; }
      retry();
    };
  }
  function retry() {
    if (retryTimer || !token) return;
    const delay = Math.min(2000, 250 * Math.pow(2, attempts));
    attempts += 1;
    retryTimer = setTimeout(check, delay);
  }
  // Before reconnecting, ask whether the token is still good: a 401 means revoked (or remote control off).
  function check() {
    retryTimer = 0;
    if (!token) return;
    fetch('/remote/api/session', { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store' }).then((res) => {
      if (res.status === 401) { unpaired(t('revoked')); return; }
      if (res.ok) connect(); else retry();
    }, () => retry());
  }
  function wake() {
    if (!token || ws) return;
    clearTimeout(retryTimer); retryTimer = 0; attempts = 0;
    check();
  }
  // Back from a locked screen: a socket that looks open may be dead; probe it now rather than at the next ping.
  function probe() {
    if (!open || !ws) return;
    const socket = ws, asked = Date.now();
    try { socket.send(JSON.stringify({ t: 'ping' })); } catch (_) { /* closing */ }
    setTimeout(() => { if (ws === socket && lastPong < asked) socket.close(); }, 2500);
  }
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') { if (ws) probe(); else wake(); } });
  window.addEventListener('online', () => { if (linkDown) setLink(true); wake(); });
  window.addEventListener('offline', () => { if (ws) ws.close(); setConnection('closed'); if (linkDown) setLink(true); });

  // ---- pairing ----
  function unpaired(reason) {
    token = null; role = null; state = null;
    try { localStorage.removeItem(TOKEN_KEY); } catch (_) { /* private mode */ }
    if (ws) { const s = ws; ws = null; s.close(); }
    open = false;
    pending.length = 0;
    clearInterval(pingTimer);
    show('console', false); show('pair', true);
    linkDown = false; root.dataset.link = 'up'; show('link-lost', false); show('not-live', false);
    setText('pair-error', reason || '');
    setConnection('closed');
    renderRole();
  }
  function pair(code) {
    setText('pair-error', '');
    const button = $('pair-button');
    button.disabled = true;
    button.textContent = t('pairing');
    fetch('/remote/api/pair', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: code }) })
      .then((res) => res.json().then((body) => ({ res: res, body: body })))
      .then(({ res, body }) => {
        if (!res.ok || !body.token) { unpaired(body && body.error ? body.error : String(res.status)); return; }
        token = body.token; role = body.role;
        try { localStorage.setItem(TOKEN_KEY, token); } catch (_) { /* private mode: this tab only */ }
        start();
      }, (error) => unpaired(String(error && error.message ? error.message : error)))
      .finally(() => { button.disabled = false; button.textContent = t('pair'); });
  }
  $('pair-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const code = $('code').value.replace(/[\\s-]/g, '');
    if (code.length < 6) { setText('pair-error', t('codeMissing')); $('code').focus(); return; }
    pair(code);
  });

  // ---- rendering ----
  function renderRole() { setText('role', role ? t('role_' + role) : ''); show('role', !!role); }
  function allowed(type) { return !!role && ROLES[role].indexOf(type) >= 0; }
  function render() {
    const seg = current();
    show('no-show', !state || !state.snapshot);
    show('show', !!(state && state.snapshot));
    show('read-only', role === 'viewer');
    root.dataset.revision = state ? String(state.revision) : '';
    if (!state || !state.snapshot || !seg) { renderPending(); return; }
    const segs = state.snapshot.segments;
    setText('title', state.snapshot.show.title);
    setText('current', seg.title);
    root.dataset.segment = seg.id;
    setText('status', t('status_' + state.status));
    setText('position', (state.currentIndex + 1) + '/' + segs.length);
    const nextSeg = segs[state.currentIndex + 1];
    setText('next-title', nextSeg ? nextSeg.title : t('lastSegment'));
    const idle = state.status === 'idle', ended = state.status === 'ended';
    const off = blocked();
    const setButton = (id, type, visible, enabled) => { show(id, visible && allowed(type)); $(id).disabled = off || !enabled; };
    setButton('next', 'next', true, !idle && !ended && !!nextSeg);
    setButton('previous', 'previous', true, !idle && !ended && state.currentIndex > 0);
    setButton('start', 'start', idle, idle);
    setButton('pause', 'pause', state.status === 'live', true);
    setButton('resume', 'resume', state.status === 'paused', true);
    const deal = seg.deal ? state.deals[seg.id] : null;
    show('deal', !!deal);
    if (deal) {
      const hasCountdown = deal.countdownSec !== null;
      show('countdown-box', hasCountdown);
      setButton('start-countdown', 'startCountdown', deal.countdown !== 'running', state.status === 'live');
      setButton('stop-countdown', 'stopCountdown', deal.countdown === 'running', true);
      const hasStock = deal.stockLeft !== null || deal.soldOut;
      show('stock-box', hasStock);
      setText('stock', deal.soldOut ? t('soldOut') : deal.stockLeft !== null ? t('stockLeft', { n: deal.stockLeft }) : '');
      setButton('one-sold', 'setStockLeft', !deal.soldOut && deal.stockLeft !== null, !ended && (deal.stockLeft || 0) > 0);
      setButton('sold-out', 'markSoldOut', !deal.soldOut, !ended);
    }
    if (shown.pointsFor !== seg.id) {
      shown.pointsFor = seg.id;
      const list = $('points');
      list.replaceChildren();
      for (const point of seg.talkingPoints) { const li = document.createElement('li'); li.textContent = point; list.appendChild(li); }
      const fan = (seg.fanGroupText || '').trim();
      show('fan', !!fan);
      $('fan-text').value = fan;
      setText('copy', t('copy'));
    }
    tick();
    renderPending();
  }
  function tick() {
    const seg = current();
    if (!state || !seg || !state.snapshot) return;
    const a = state.anchors;
    const now = at();
    let segElapsed = 0, showElapsed = 0;
    if (a.showStartedMono !== null) {
      showElapsed = Math.max(0, now - a.showStartedMono - a.showPausedMs);
      if (a.segmentStartedMono !== null) segElapsed = Math.max(0, now - a.segmentStartedMono - a.segmentPausedMs);
    }
    const planned = plannedMs(state.currentIndex);
    setText('segment-timer', clock(segElapsed) + ' / ' + clock(planned));
    $('segment-timer').dataset.over = String(segElapsed > planned);
    setText('show-clock', clock(showElapsed));
    const deal = seg.deal ? state.deals[seg.id] : null;
    if (deal && deal.countdownSec !== null) {
      let left = deal.countdownSec * 1000;
      if (deal.countdown === 'running' && deal.endsAtMono !== null) left = Math.max(0, deal.endsAtMono - now);
      else if (deal.countdown === 'stopped') left = deal.stoppedRemainingMs || 0;
      setText('countdown', clock(left));
    }
  }
  setInterval(() => { if (state && state.status === 'live' && !linkDown && document.visibilityState !== 'hidden') tick(); }, 250);

  for (const button of document.querySelectorAll('button[data-cmd]')) {
    button.addEventListener('click', () => {
      if (blocked()) return;
      const type = button.dataset.cmd;
      const label = button.textContent || type;
      if (type === 'setStockLeft') {
        const seg = current();
        const deal = seg ? state.deals[seg.id] : null;
        if (!deal || deal.stockLeft === null) return;
        command({ type: 'setStockLeft', units: Math.max(0, deal.stockLeft - 1) }, label);
      } else command({ type: type }, label);
    });
  }
  $('copy').addEventListener('click', () => {
    const area = $('fan-text');
    const done = () => setText('copy', t('copied'));
    if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(area.value).then(done, () => undefined); return; }
    area.focus(); area.select();
    try { if (document.execCommand('copy')) done(); } catch (_) { /* the text stays selected for a manual copy */ }
  });

  function start() {
    show('pair', false); show('console', true);
    setConnection('closed');
    renderRole(); render();
    connect();
  }
  const code = location.hash.replace(/^#/, '');
  if (code) {
    history.replaceState(null, '', location.pathname);
    show('pair', true);
    $('code').value = code;
    pair(code);
  } else if (token) start();
  else unpaired('');
})();`;

function escapeAttr(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON for inside a <script>: no "</script>" or U+2028 can break out. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function renderRemotePage(nonce: string): string {
  const n = escapeAttr(nonce);
  const code = script.replace('__STRINGS__', scriptJson(remoteStrings)).replace('__ROLES__', scriptJson(rolesData));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<meta name="theme-color" content="#0e0e10">
<title>KOL Remote</title>
<style nonce="${n}">${css}</style>
</head>
<body>
${body}
<script nonce="${n}">${code}</script>
</body>
</html>
`;
}

/** The page's CSP: its own nonce'd script and style, and connections to its own origin (fetch and ws). */
export function remotePageCsp(nonce: string, hostHeader: string | undefined): string {
  const host = hostHeader && /^[A-Za-z0-9.:[\]-]{1,100}$/.test(hostHeader) ? ` ws://${hostHeader}` : '';
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    'img-src data:',
    `connect-src 'self'${host}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
