/**
 * Test rig: a local RTMP receiver (nginx with Debian's libnginx-mod-rtmp) that OBS can really stream to.
 *
 * Invariants:
 * - Each receiver owns a temporary prefix (config, pid file, logs) and a free port on 127.0.0.1; the system's nginx
 *   (its service, its config, /var/log/nginx) is never used nor touched (`-p`, `-c`, `-e` point into the prefix).
 * - startRtmp() resolves once the port accepts TCP connections, and rejects within the timeout with nginx's output.
 * - stop() ends nginx (SIGTERM to its master in its own process group, SIGKILL after a grace period), waits for it,
 *   and removes the prefix. It is idempotent, and an exit handler stops any receiver the test left running.
 * - publishedKeys() reads nginx's log: the stream keys that started publishing (OBS connected and sent a stream).
 *
 * Gate: rtmpTestGate() throws under CI=true when nginx or the RTMP module is missing, and skips elsewhere, like the
 * OBS rig. Install with `bash scripts/install-system-deps.sh` (nginx, libnginx-mod-rtmp).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants as fsConstants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, INSTALL_HINT } from './obs-rig';
import { connect as netConnect } from 'node:net';

const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx'];
const RTMP_MODULE = '/usr/lib/nginx/modules/ngx_rtmp_module.so';

function executable(path: string): boolean {
  try {
    accessSync(path, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export type RtmpAvailability = { available: true; nginx: string } | { available: false; reason: string };

export function rtmpAvailability(): RtmpAvailability {
  const nginx = NGINX_CANDIDATES.find(executable);
  if (!nginx) return { available: false, reason: 'nginx not found (package nginx)' };
  if (!existsSync(RTMP_MODULE)) return { available: false, reason: `the RTMP module is missing: ${RTMP_MODULE} (package libnginx-mod-rtmp)` };
  return { available: true, nginx };
}

/** Like obsTestGate: `{ skip }` for test.skip; throws under CI=true when the receiver cannot run. */
export function rtmpTestGate(env: NodeJS.ProcessEnv = process.env): { skip: boolean; reason?: string } {
  const availability = rtmpAvailability();
  if (availability.available) return { skip: false };
  const message = `RTMP streaming tests cannot run: ${availability.reason}. Install the system dependencies with \`${INSTALL_HINT}\`.`;
  if (env.CI === 'true') throw new Error(`${message} (CI=true, so these tests fail instead of being skipped.)`);
  console.warn(`[rtmp] Skipping. ${message}`);
  return { skip: true, reason: message };
}

export interface RtmpReceiver {
  readonly port: number;
  /** rtmp://127.0.0.1:<port>/live: the server for OBS's rtmp_custom service. */
  readonly server: string;
  /** Stream keys that started publishing (from nginx's log). */
  publishedKeys(): string[];
  stop(): Promise<void>;
}

const live = new Set<() => void>();
let exitHookInstalled = false;

function tcpAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = netConnect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function startRtmp(options: { timeoutMs?: number } = {}): Promise<RtmpReceiver> {
  const availability = rtmpAvailability();
  if (!availability.available) throw new Error(`Cannot start the RTMP receiver: ${availability.reason}. Install with \`${INSTALL_HINT}\`.`);
  const prefix = mkdtempSync(join(tmpdir(), 'kol-rtmp-'));
  const port = await findFreePort();
  const log = join(prefix, 'error.log');
  const config = join(prefix, 'nginx.conf');
  writeFileSync(
    config,
    [
      `load_module ${RTMP_MODULE};`,
      'daemon off;',
      'master_process on;',
      'worker_processes 1;',
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${log} info;`,
      'events { worker_connections 64; }',
      'rtmp {',
      '  server {',
      `    listen 127.0.0.1:${port};`,
      '    application live { live on; record off; }',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  let output = '';
  const child: ChildProcess = spawn(availability.nginx, ['-p', prefix, '-c', config, '-e', log], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopped = false;
  const readLog = () => {
    try {
      return readFileSync(log, 'utf8');
    } catch {
      return '';
    }
  };
  const kill = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // gone
    }
  };
  const killNow = () => kill('SIGKILL');
  live.add(killNow);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => live.forEach((stop) => stop()));
  }
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    kill('SIGTERM');
    const grace = setTimeout(killNow, 3_000);
    await exited;
    clearTimeout(grace);
    live.delete(killNow);
    rmSync(prefix, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const why = `nginx exited before it listened:\n${output}\n${readLog()}`;
      await stop();
      throw new Error(why);
    }
    if (await tcpAccepts(port)) break;
    if (Date.now() > deadline) {
      const why = `nginx did not listen on 127.0.0.1:${port} in time:\n${output}\n${readLog()}`;
      await stop();
      throw new Error(why);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    server: `rtmp://127.0.0.1:${port}/live`,
    publishedKeys: () => [...readLog().matchAll(/publish: name='([^']*)'/g)].map((match) => match[1] ?? ''),
    stop,
  };
}
