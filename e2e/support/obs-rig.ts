/**
 * Test rig: a REAL OBS Studio (obs-websocket v5) running headless under Xvfb, for integration tests.
 *
 * Invariants:
 * - Each rig owns a temporary HOME (OBS config, profile, scene collection, logs, TMPDIR, XDG dirs), a free port
 *   picked on 127.0.0.1 and a random password. The user's own OBS setup is never read or written.
 * - The password is never printed: it is not on any command line (it is written only into the temporary OBS
 *   config), and OBS output quoted in errors or by logTail() has it redacted.
 * - startObs() resolves only after the TCP port accepts connections AND a real obs-websocket handshake with the
 *   password succeeds and GetVersion answers (OBS may accept TCP, or answer NotReady 207, before it is usable).
 *   It rejects within the timeout (45 s by default) with the tail of OBS's output, and then leaves nothing behind.
 * - OBS runs as `xvfb-run -a obs ...` in its own process group. stop() signals OBS (SIGTERM) so xvfb-run tears
 *   down Xvfb cleanly, SIGKILLs the whole group after a grace period, waits until the group is empty, then
 *   removes the temporary HOME. stop() is idempotent.
 * - OBS never outlives the test process: a process 'exit' (and SIGINT/SIGTERM/SIGHUP) handler kills every live
 *   rig, and a tiny watchdog inside the process group kills the group if the test process disappears without
 *   running its handlers (e.g. SIGKILL).
 * - kill() simulates OBS crashing (signals the obs process only); restart() starts OBS again with the same port,
 *   password and HOME, so the profile and the saved scene collection are kept, as after a real crash.
 *
 * Usage (vitest):
 *   const gate = obsTestGate(); // throws on CI when OBS is missing, warns and skips elsewhere
 *   describe.skipIf(gate.skip)('…', () => {
 *     let obs: ObsRig;
 *     beforeAll(async () => { obs = await startObs(); }, OBS_START_HOOK_TIMEOUT_MS);
 *     afterAll(async () => { await obs?.stop(); });
 *   });
 *
 * Linux only (xvfb-run). Needs the obs-studio, xvfb and xauth packages: `bash scripts/install-system-deps.sh`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  closeSync,
  constants as fsConstants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { connect as netConnect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { OBSWebSocket, OBSWebSocketError } from 'obs-websocket-js';

export const INSTALL_HINT = 'bash scripts/install-system-deps.sh';
/** Default time startObs()/restart() wait for OBS to be usable. */
export const OBS_START_TIMEOUT_MS = 45_000;
/** A hook timeout that leaves room for OBS_START_TIMEOUT_MS plus the cleanup after a failed start. */
export const OBS_START_HOOK_TIMEOUT_MS = 60_000;

const HOME_PREFIX = 'kol-obs-';
/** Process names of a run, other than the watchdog (sh, sleep). */
const RUN_COMMANDS = new Set(['xvfb-run', 'Xvfb', 'obs']);
const REDACTED = '<password>';

// ---------------------------------------------------------------------------------------------------------------
// Availability and the test gate
// ---------------------------------------------------------------------------------------------------------------

export type ObsAvailability = { available: true } | { available: false; reason: string };

/** Commands the rig runs, with the Debian/Ubuntu package that provides each. */
const REQUIRED_COMMANDS: ReadonlyArray<{ command: string; pkg: string }> = [
  { command: 'obs', pkg: 'obs-studio' },
  { command: 'xvfb-run', pkg: 'xvfb' },
  { command: 'Xvfb', pkg: 'xvfb' },
  { command: 'xauth', pkg: 'xauth' },
];

function isExecutableOnPath(command: string, pathEnv: string): boolean {
  for (const dir of pathEnv.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, fsConstants.X_OK);
      if (statSync(candidate).isFile()) return true;
    } catch {
      // not here
    }
  }
  return false;
}

/** Whether this machine can run a real headless OBS: `obs` and `xvfb-run` (plus Xvfb and xauth) on PATH. */
export function obsAvailability(): ObsAvailability {
  if (process.platform !== 'linux') {
    return { available: false, reason: `the OBS rig needs Linux with xvfb-run (this is ${process.platform})` };
  }
  const pathEnv = process.env.PATH ?? '';
  const missing = REQUIRED_COMMANDS.filter(({ command }) => !isExecutableOnPath(command, pathEnv));
  if (missing.length === 0) return { available: true };
  const list = missing.map(({ command, pkg }) => `\`${command}\` (package ${pkg})`).join(', ');
  return { available: false, reason: `not found on PATH: ${list}` };
}

export interface ObsTestGate {
  /** True when the OBS tests must be skipped (never true on CI: there the gate throws instead). */
  readonly skip: boolean;
  /** Why they are skipped. */
  readonly reason?: string;
}

let warnedReason: string | undefined;

/**
 * Decides how OBS integration tests behave on this machine. Call it at module level of a test file:
 * - OBS available: `{ skip: false }`;
 * - OBS missing and `CI=true`: throws, so the test file fails, saying what is missing and how to install it;
 * - OBS missing elsewhere: prints the reason once (console.warn) and returns `{ skip: true, reason }`,
 *   to pass to `describe.skipIf(gate.skip)` (vitest) or `test.skip(gate.skip, gate.reason)` (Playwright).
 */
export function obsTestGate(env: NodeJS.ProcessEnv = process.env): ObsTestGate {
  const availability = obsAvailability();
  if (availability.available) return { skip: false };
  const message = `OBS integration tests cannot run: ${availability.reason}. Install the system dependencies with \`${INSTALL_HINT}\`.`;
  if (env.CI === 'true') {
    throw new Error(`${message} (CI=true, so these tests fail instead of being skipped.)`);
  }
  if (warnedReason !== message) {
    warnedReason = message;
    console.warn(`[obs-rig] Skipping OBS integration tests. ${message}`);
  }
  return { skip: true, reason: message };
}

// ---------------------------------------------------------------------------------------------------------------
// Public rig types
// ---------------------------------------------------------------------------------------------------------------

export interface StartObsOptions {
  /** How long to wait for OBS to be usable, per start/restart (default 45 s). */
  timeoutMs?: number;
  /** Between SIGTERM and SIGKILL when stopping (default 5 s). */
  stopGraceMs?: number;
  /** OBS canvas (base and output resolution) written into the profile (default 1280x720). */
  canvas?: { width: number; height: number };
  /** Extra arguments for `obs`. */
  extraArgs?: readonly string[];
}

export interface ObsRig {
  /** ws://127.0.0.1:<port> */
  readonly url: string;
  readonly password: string;
  readonly port: number;
  /** The temporary HOME (removed by stop()). */
  readonly home: string;
  /** pid of the obs process of the current (or last) run; changes after restart(). */
  readonly pid: number;
  /** Process group id (= pid of xvfb-run) of the current (or last) run. */
  readonly processGroup: number;
  /** Milliseconds the last start or restart took until OBS was usable. */
  readonly startupMs: number;
  /** True while the obs process of the current run is alive. */
  readonly running: boolean;
  /** Ends OBS, Xvfb and xvfb-run (SIGTERM, then SIGKILL after the grace period) and removes HOME. Idempotent. */
  stop(): Promise<void>;
  /** Simulates OBS dying: sends `signal` (default SIGKILL) to the obs process only; xvfb-run then ends Xvfb. */
  kill(signal?: NodeJS.Signals): void;
  /** Starts OBS again on the same port, password and HOME (ending the current run first if there is one). */
  restart(): Promise<void>;
  /** The last lines OBS printed in the current run (password redacted), for diagnosing a failure. */
  logTail(lines?: number): string;
}

// ---------------------------------------------------------------------------------------------------------------
// Process helpers (Linux /proc)
// ---------------------------------------------------------------------------------------------------------------

interface ProcInfo {
  pid: number;
  comm: string;
  state: string;
}

/**
 * A zombie is dead, except that the leader thread of a multi-threaded process shows 'Z' as soon as it exits
 * while the other threads (which still hold the process's sockets, e.g. OBS's listening port) are being torn down.
 */
function isDeadState(pid: string, state: string): boolean {
  if (state === 'X') return true;
  if (state !== 'Z') return false;
  try {
    return readdirSync(`/proc/${pid}/task`).length <= 1;
  } catch {
    return true;
  }
}

/** Live members of a process group (zombies whose threads have all exited do not count). */
export function processGroupMembers(pgid: number): ProcInfo[] {
  const members: ProcInfo[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return members;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    if (open < 0 || close < 0) continue;
    const fields = stat.slice(close + 2).split(' '); // state ppid pgrp ...
    const state = fields[0] ?? '';
    if (Number(fields[2]) !== pgid || isDeadState(entry, state)) continue;
    members.push({ pid: Number(entry), comm: stat.slice(open + 1, close), state });
  }
  return members;
}

/** True while any non-zombie process of the group is alive. */
export function isProcessGroupAlive(pgid: number): boolean {
  return processGroupMembers(pgid).length > 0;
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // group already gone
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitUntil(condition: () => boolean, timeoutMs: number, stepMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (condition()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(stepMs);
  }
}

/** Picks a free TCP port by binding port 0 on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

function tcpAccepts(port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = netConnect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

type ProbeResult = { ok: true } | { ok: false; authFailed: boolean; reason: string };

/** One real obs-websocket session: Hello, Identify with the password, then GetVersion must succeed. */
async function probeHandshake(url: string, password: string, timeoutMs: number): Promise<ProbeResult> {
  const client = new OBSWebSocket();
  let timer: NodeJS.Timeout | undefined;
  const attempt = (async () => {
    await client.connect(url, password);
    await client.call('GetVersion');
  })();
  attempt.catch(() => undefined); // may settle after the timeout
  try {
    await Promise.race([
      attempt,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no obs-websocket handshake within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true };
  } catch (error) {
    if (error instanceof OBSWebSocketError) {
      if (error.code === 4009) return { ok: false, authFailed: true, reason: 'authentication failed (4009)' };
      if (error.code === 207) return { ok: false, authFailed: false, reason: 'OBS answered NotReady (207)' };
      return { ok: false, authFailed: false, reason: `obs-websocket error ${error.code}: ${error.message}` };
    }
    return { ok: false, authFailed: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
    await Promise.race([client.disconnect().catch(() => undefined), sleep(2_000)]);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Temporary HOME and OBS configuration
// ---------------------------------------------------------------------------------------------------------------

/** Sets keys in one section of an ini text, keeping everything else (OBS rewrites global.ini itself). */
function upsertIni(text: string, section: string, values: Record<string, string>): string {
  const lines = text.split(/\r?\n/);
  const header = `[${section}]`;
  let start = lines.findIndex((line) => line.trim() === header);
  if (start < 0) {
    while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
    if (lines.length > 0) lines.push('');
    lines.push(header);
    start = lines.length - 1;
  }
  let end = lines.findIndex((line, index) => index > start && line.trim().startsWith('['));
  if (end < 0) end = lines.length;
  const missing: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const index = lines.findIndex((line, i) => i > start && i < end && line.split('=')[0]?.trim() === key);
    if (index >= 0) lines[index] = `${key}=${value}`;
    else missing.push(`${key}=${value}`);
  }
  let insertAt = end;
  while (insertAt > start + 1 && lines[insertAt - 1]?.trim() === '') insertAt--;
  lines.splice(insertAt, 0, ...missing);
  return `${lines.join('\n').replace(/\n*$/, '')}\n`;
}

function updateIniFile(path: string, sections: Record<string, Record<string, string>>): void {
  let text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  for (const [section, values] of Object.entries(sections)) text = upsertIni(text, section, values);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { mode: 0o600 });
}

interface HomeLayout {
  config: string;
  tmp: string;
  runtime: string;
}

function homeLayout(home: string): HomeLayout {
  return { config: join(home, '.config'), tmp: join(home, 'tmp'), runtime: join(home, 'runtime') };
}

/**
 * Writes the websocket settings (enabled, auth required, port, password) where OBS reads them: global.ini
 * (obs-websocket <= 5.2, OBS 28/29) and plugin_config/obs-websocket/config.json (obs-websocket >= 5.3, OBS 30+).
 * Called before every start so a restart always gets the same port and password.
 */
function writeWebsocketConfig(home: string, port: number, password: string): void {
  const obsDir = join(homeLayout(home).config, 'obs-studio');
  updateIniFile(join(obsDir, 'global.ini'), {
    // OBS reads FirstRun as "the first run already happened": FirstRun=false opens the Auto-Configuration Wizard,
    // a modal dialog whose constructor blocks the UI thread ~5 s (Twitch ingest refresh), stalling every
    // UI-bound request (CreateScene, ...) right after startup.
    General: { FirstRun: 'true' },
    OBSWebSocket: {
      FirstLoad: 'false',
      ServerEnabled: 'true',
      AuthRequired: 'true',
      AlertsEnabled: 'false',
      ServerPort: String(port),
      ServerPassword: password,
    },
  });
  const pluginDir = join(obsDir, 'plugin_config', 'obs-websocket');
  mkdirSync(pluginDir, { recursive: true });
  writeFileSync(
    join(pluginDir, 'config.json'),
    JSON.stringify({
      first_load: false,
      server_enabled: true,
      server_port: port,
      alerts_enabled: false,
      auth_required: true,
      server_password: password,
    }),
    { mode: 0o600 },
  );
}

/** First-start files: profile with a fixed canvas, no PulseAudio autospawn, private tmp/runtime dirs. */
function prepareHome(home: string, canvas: { width: number; height: number }): void {
  const layout = homeLayout(home);
  mkdirSync(layout.tmp, { recursive: true });
  mkdirSync(layout.runtime, { recursive: true });
  chmodSync(layout.runtime, 0o700);
  const obsDir = join(layout.config, 'obs-studio');
  updateIniFile(join(obsDir, 'global.ini'), {
    Basic: {
      Profile: 'Untitled',
      ProfileDir: 'Untitled',
      SceneCollection: 'Untitled',
      SceneCollectionFile: 'Untitled',
    },
  });
  const size = { width: String(canvas.width), height: String(canvas.height) };
  updateIniFile(join(obsDir, 'basic', 'profiles', 'Untitled', 'basic.ini'), {
    General: { Name: 'Untitled' },
    Video: {
      BaseCX: size.width,
      BaseCY: size.height,
      OutputCX: size.width,
      OutputCY: size.height,
      FPSType: '0',
      FPSCommon: '30',
    },
  });
  mkdirSync(join(layout.config, 'pulse'), { recursive: true });
  writeFileSync(join(layout.config, 'pulse', 'client.conf'), 'autospawn = no\n');
}

function obsEnvironment(home: string): NodeJS.ProcessEnv {
  const layout = homeLayout(home);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: layout.config,
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_RUNTIME_DIR: layout.runtime,
    TMPDIR: layout.tmp, // xvfb-run's Xauthority dir lands in HOME too
    QT_QPA_PLATFORM: 'xcb',
    LIBGL_ALWAYS_SOFTWARE: '1',
    // Keep OBS off the developer's session bus and audio server.
    DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(layout.runtime, 'no-session-bus')}`,
    PULSE_SERVER: `unix:${join(layout.runtime, 'no-pulse')}`,
  };
  for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'XAUTHORITY', 'SESSION_MANAGER']) delete env[name];
  return env;
}

function removeHome(home: string): void {
  if (!home.includes(HOME_PREFIX)) return; // never remove anything the rig did not create
  try {
    rmSync(home, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  } catch {
    // best effort
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Cleanup when the test process ends
// ---------------------------------------------------------------------------------------------------------------

interface LiveRun {
  pgid: number;
  home: string;
}

interface Registry {
  runs: Set<LiveRun>;
  homes: Set<string>;
  installed: boolean;
}

const REGISTRY_KEY = Symbol.for('kol-studio.e2e.obs-rig.registry');

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  let reg = holder[REGISTRY_KEY];
  if (!reg) {
    reg = { runs: new Set(), homes: new Set(), installed: false };
    holder[REGISTRY_KEY] = reg;
  }
  if (!reg.installed) {
    reg.installed = true;
    const current = reg;
    // Synchronous only. SIGTERM lets Xvfb remove its display lock; the watchdog SIGKILLs whatever is left.
    const killAll = () => {
      for (const run of current.runs) signalGroup(run.pgid, 'SIGTERM');
      current.runs.clear();
      for (const home of current.homes) removeHome(home);
      current.homes.clear();
    };
    process.on('exit', killAll);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      const onSignal = () => {
        killAll();
        process.off(signal, onSignal);
        // Nobody else handles it: behave as the default action would (terminate with this signal).
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      };
      process.on(signal, onSignal);
    }
  }
  return reg;
}

/**
 * Runs inside the process group, in front of xvfb-run: a background loop that, once the test process ($1) is gone,
 * terminates the group, removes HOME ($2) and finally SIGKILLs the group (itself included). It ignores SIGTERM so
 * that it survives the rig's own SIGTERM; the rig SIGKILLs it when stopping.
 */
const WATCHDOG_SCRIPT = [
  'parent="$1"; home="$2"; shift 2',
  '(',
  '  trap "" HUP INT TERM',
  '  while kill -0 "$parent" 2>/dev/null; do sleep 1; done',
  '  kill -TERM -$$ 2>/dev/null; sleep 3',
  `  case "$home" in */${HOME_PREFIX}*) rm -rf "$home" ;; esac`,
  '  kill -KILL -$$ 2>/dev/null',
  ') </dev/null >/dev/null 2>&1 &',
  'exec "$@"',
].join('\n');

// ---------------------------------------------------------------------------------------------------------------
// The rig
// ---------------------------------------------------------------------------------------------------------------

class ObsRigStartError extends Error {
  constructor(
    message: string,
    readonly portTaken = false,
  ) {
    super(message);
    this.name = 'ObsRigStartError';
  }
}

interface Run {
  child: ChildProcess;
  pgid: number;
  logFile: string;
  exited: Promise<void>;
  exitInfo?: { code: number | null; signal: NodeJS.Signals | null };
  live: LiveRun;
}

class ObsRigImpl implements ObsRig {
  port = 0;
  startupMs = 0;
  private run: Run | undefined;
  private lastPgid = 0;
  private lastObsPid = 0;
  private launches = 0;
  private stopped = false;
  private readonly timeoutMs: number;
  private readonly stopGraceMs: number;
  private readonly extraArgs: readonly string[];

  constructor(
    readonly home: string,
    readonly password: string,
    options: StartObsOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? OBS_START_TIMEOUT_MS;
    this.stopGraceMs = options.stopGraceMs ?? 5_000;
    this.extraArgs = options.extraArgs ?? [];
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.lastObsPid;
  }

  get processGroup(): number {
    return this.lastPgid;
  }

  get running(): boolean {
    const run = this.run;
    return run !== undefined && processGroupMembers(run.pgid).some((member) => member.comm === 'obs');
  }

  logTail(lines = 40): string {
    const file = this.run?.logFile ?? this.logFileFor(this.launches);
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return '';
    }
    return this.redact(text.split('\n').filter(Boolean).slice(-lines).join('\n'));
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    const run = this.run;
    if (!run) return;
    const obs = processGroupMembers(run.pgid).find((member) => member.comm === 'obs');
    if (obs) {
      try {
        process.kill(obs.pid, signal);
      } catch {
        // already gone
      }
    } else {
      signalGroup(run.pgid, signal);
    }
  }

  async restart(): Promise<void> {
    if (this.stopped) throw new Error('This OBS rig was stopped; start a new one with startObs().');
    await this.endRun();
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      // The old OBS may still hold the port for a moment while its threads exit; wait for it to be released.
      while (Date.now() < deadline && (await tcpAccepts(this.port, 1_000))) await sleep(100);
      try {
        await this.launchAndWait(deadline);
        return;
      } catch (error) {
        const retry = error instanceof ObsRigStartError && error.portTaken && Date.now() + 1_000 < deadline;
        if (!retry) throw error;
        await sleep(500);
      }
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.endRun();
    removeHome(this.home);
    registry().homes.delete(this.home);
  }

  /** Spawns xvfb-run + obs and waits until a real handshake succeeds (or throws, with the processes ended). */
  async launchAndWait(deadline: number): Promise<void> {
    const started = Date.now();
    writeWebsocketConfig(this.home, this.port, this.password);
    this.launches += 1;
    const logFile = this.logFileFor(this.launches);
    const out = openSync(logFile, 'a', 0o600);
    let child: ChildProcess;
    try {
      const obsArgs = [
        '--multi', // no "OBS is already running" dialog
        '--disable-missing-files-check', // no missing-files dialog
        '--disable-shutdown-check', // OBS 30+: no safe-mode dialog after a kill (ignored by OBS 29)
        '--websocket_port',
        String(this.port),
        ...this.extraArgs,
      ];
      child = spawn(
        'sh',
        [
          '-c',
          WATCHDOG_SCRIPT,
          'kol-obs-rig',
          String(process.pid),
          this.home,
          'xvfb-run',
          '-a',
          '-e',
          logFile, // Xvfb's own errors
          'obs',
          ...obsArgs,
        ],
        { cwd: this.home, env: obsEnvironment(this.home), detached: true, stdio: ['ignore', out, out] },
      );
    } finally {
      closeSync(out);
    }
    const pgid = child.pid;
    if (pgid === undefined) {
      throw new ObsRigStartError(`Could not spawn xvfb-run/obs.\n${this.describeLog()}`);
    }
    const live: LiveRun = { pgid, home: this.home };
    registry().runs.add(live);
    const run: Run = {
      child,
      pgid,
      logFile,
      live,
      exited: new Promise<void>((resolve) => {
        child.once('exit', (code, signal) => {
          run.exitInfo = { code, signal };
          resolve();
        });
      }),
    };
    child.once('error', (error) => {
      run.exitInfo ??= { code: null, signal: null };
      writeFileSync(logFile, `[obs-rig] spawn failed: ${error.message}\n`, { flag: 'a' });
    });
    this.run = run;
    this.lastPgid = pgid;
    this.lastObsPid = 0;
    try {
      await this.waitUntilReady(run, deadline);
      this.lastObsPid = processGroupMembers(pgid).find((member) => member.comm === 'obs')?.pid ?? 0;
      this.startupMs = Date.now() - started;
    } catch (error) {
      await this.endRun();
      throw error;
    }
  }

  private async waitUntilReady(run: Run, deadline: number): Promise<void> {
    let lastProblem = 'OBS has not opened its WebSocket port yet';
    for (;;) {
      if (run.exitInfo) {
        const { code, signal } = run.exitInfo;
        throw new ObsRigStartError(
          `OBS (xvfb-run) exited before it was ready (exit code ${code ?? '-'}, signal ${signal ?? '-'}).\n${this.describeLog()}`,
        );
      }
      const log = this.readLog(run.logFile);
      const listenFailed = /\[WebSocketServer::Start\] Listen failed: (.*)/.exec(log);
      if (listenFailed) {
        throw new ObsRigStartError(
          `obs-websocket could not listen on port ${this.port}: ${listenFailed[1] ?? 'unknown error'}.\n${this.describeLog()}`,
          true,
        );
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new ObsRigStartError(
          `OBS did not become ready on ${this.url} within ${this.timeoutMs / 1000} s (last check: ${lastProblem}).\n${this.describeLog()}`,
        );
      }
      if (await tcpAccepts(this.port, Math.min(1_000, remaining))) {
        const probe = await probeHandshake(this.url, this.password, Math.max(500, Math.min(5_000, remaining)));
        if (probe.ok) return;
        if (probe.authFailed) {
          throw new ObsRigStartError(
            `OBS on ${this.url} rejected the rig's password: OBS did not read the websocket settings the rig wrote into ${join(this.home, '.config', 'obs-studio')} (unsupported OBS version?).\n${this.describeLog()}`,
          );
        }
        lastProblem = probe.reason;
      } else {
        lastProblem = `port ${this.port} does not accept TCP connections yet`;
      }
      await sleep(250);
    }
  }

  /** Ends the current run: SIGTERM to obs, wait for xvfb-run to exit, then SIGKILL the whole group. */
  private async endRun(): Promise<void> {
    const run = this.run;
    if (!run) return;
    if (!run.exitInfo) {
      const obs = processGroupMembers(run.pgid).find((member) => member.comm === 'obs');
      if (obs) {
        try {
          process.kill(obs.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      } else {
        signalGroup(run.pgid, 'SIGTERM');
      }
    }
    // xvfb-run's cleanup SIGTERMs Xvfb without waiting for it: let Xvfb remove its display lock before the SIGKILL.
    await waitUntil(
      () => run.exitInfo !== undefined && !processGroupMembers(run.pgid).some((m) => RUN_COMMANDS.has(m.comm)),
      this.stopGraceMs,
    );
    signalGroup(run.pgid, 'SIGKILL'); // the watchdog, and anything that ignored SIGTERM
    await waitUntil(() => !isProcessGroupAlive(run.pgid), 5_000);
    await Promise.race([run.exited, sleep(1_000)]);
    registry().runs.delete(run.live);
    this.run = undefined;
  }

  private logFileFor(launch: number): string {
    return join(this.home, `obs-output.${launch}.log`);
  }

  private readLog(file: string): string {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  }

  private describeLog(lines = 40): string {
    const tail = this.logTail(lines);
    return tail
      ? `--- last ${lines} lines of OBS output ---\n${tail}\n--- end of OBS output ---`
      : '(OBS printed nothing)';
  }

  private redact(text: string): string {
    return this.password ? text.split(this.password).join(REDACTED) : text;
  }
}

/**
 * Starts a real OBS Studio headless (see the header for the invariants) and resolves once it is usable.
 * On failure everything it started is ended and its temporary HOME removed, and the error includes OBS's output.
 */
export async function startObs(options: StartObsOptions = {}): Promise<ObsRig> {
  const availability = obsAvailability();
  if (!availability.available) {
    throw new Error(`Cannot start OBS: ${availability.reason}. Install with \`${INSTALL_HINT}\`.`);
  }
  const home = mkdtempSync(join(tmpdir(), HOME_PREFIX));
  registry().homes.add(home);
  const rig = new ObsRigImpl(home, randomBytes(16).toString('hex'), options);
  try {
    prepareHome(home, options.canvas ?? { width: 1280, height: 720 });
    const deadline = Date.now() + (options.timeoutMs ?? OBS_START_TIMEOUT_MS);
    for (let attempt = 1; ; attempt++) {
      rig.port = await findFreePort();
      try {
        await rig.launchAndWait(deadline);
        return rig;
      } catch (error) {
        // Another process grabbed the port between our probe and OBS binding it: try a fresh port.
        const retry = error instanceof ObsRigStartError && error.portTaken && attempt < 3 && Date.now() < deadline;
        if (!retry) throw error;
      }
    }
  } catch (error) {
    await rig.stop();
    throw error;
  }
}

/**
 * Switches OBS to the Cut transition and waits until OBS reports it: obs-websocket applies
 * SetCurrentSceneTransition asynchronously (queued to OBS's UI thread), and scene switches made before it lands
 * run under the default 300 ms Fade and coalesce. Rejects if OBS has not switched within `timeoutMs`.
 */
export async function switchToCutTransition(obs: Pick<OBSWebSocket, 'call'>, timeoutMs = 5_000): Promise<void> {
  await obs.call('SetCurrentSceneTransition', { transitionName: 'Cut' });
  const deadline = Date.now() + timeoutMs;
  while ((await obs.call('GetCurrentSceneTransition')).transitionName !== 'Cut') {
    if (Date.now() > deadline) throw new Error(`OBS did not switch to the Cut transition within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
