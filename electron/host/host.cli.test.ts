/**
 * The host as a user starts it (`studio:web -- --port N --data-dir DIR`): it announces its URL, answers
 * health, refuses bad flags with a message, and exits cleanly (code 0) on SIGTERM and SIGINT — also during
 * start-up, while OBS is still connecting. The start-up signal test spawns the built host (out/main/host.js,
 * `npm run build`) when there is one, else the source entry through tsx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function startCli(args: string[]): { child: ChildProcess; url: Promise<string>; output: () => string } {
  const child = spawn(tsx, [path.join(root, 'electron/host/index.ts'), ...args], { cwd: root, env: { ...process.env, KOL_OBS_PASSWORD: '' } });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`host exited early with ${code}: ${output}`)));
  });
  return { child, url, output: () => output };
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

const builtHost = path.join(root, 'out', 'main', 'host.js');

function startBuiltOrSource(args: string[]): { child: ChildProcess; output: () => string; serving: Promise<string> } {
  const [command, entry] = existsSync(builtHost) ? [process.execPath, [builtHost]] : [tsx, [path.join(root, 'electron/host/index.ts')]];
  const child = spawn(command, [...entry, ...args], { cwd: root, env: { ...process.env, KOL_OBS_PASSWORD: '' } });
  let output = '';
  const serving = new Promise<string>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output, serving };
}

describe('studio:web host CLI', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('exits cleanly on %s during start-up, while OBS is still connecting', async (signal) => {
    // An "OBS" that accepts the TCP connection and never answers: the host's connect waits (5 s timeout).
    const held: net.Socket[] = [];
    const silentObs = net.createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => silentObs.listen(0, '127.0.0.1', resolve));
    const obsPort = (silentObs.address() as net.AddressInfo).port;
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'kol-cli-early-')), 'data');
    const { child, serving, output } = startBuiltOrSource(['--port', '0', '--data-dir', dataDir, '--renderer-dir', os.tmpdir(), '--obs-url', `ws://127.0.0.1:${obsPort}`]);
    const exited = exitCode(child);
    const base = await serving;
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const check = () => (held.length > 0 ? resolve() : Date.now() - started > 10_000 ? reject(new Error('the host never tried OBS')) : setTimeout(check, 10));
      check();
    });
    const sentAt = Date.now();
    child.kill(signal);
    expect(await exited, output()).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(4000); // did not wait for the OBS connect to time out
    expect(output()).toContain(`${signal}: shutting down`);
    expect(output()).not.toContain('OBS connected');
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
    for (const socket of held) socket.destroy();
    silentObs.close();
  }, 30_000);

  it.each(['SIGTERM', 'SIGINT'] as const)('serves on the given port and data dir, then shuts down cleanly on %s', async (signal) => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'kol-cli-')), 'data');
    const { child, url } = startCli(['--port', '0', '--data-dir', dataDir, '--renderer-dir', os.tmpdir()]);
    const base = await url;
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(dataDir)).toBe(true);
    const health = (await (await fetch(`${base}/api/health`)).json()) as { version: string; obs: { connected: boolean } };
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(health.obs.connected).toBe(false);
    const exited = exitCode(child);
    child.kill(signal);
    expect(await exited).toBe(0);
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
  });

  it('serves a team workspace hosted on this computer again, on its kept port, and closes it on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kol-cli-team-'));
    const probe = net.createServer();
    const port = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as net.AddressInfo).port)));
    await new Promise((resolve) => probe.close(resolve));
    // What "Host this workspace on this computer" left behind (electron/services/sync/sync.hosting.ts).
    writeFileSync(path.join(dataDir, 'team-hosting.json'), JSON.stringify({ version: 1, enabled: true, lan: false, port }));
    const { child, url, output } = startCli(['--port', '0', '--data-dir', dataDir, '--renderer-dir', os.tmpdir()]);
    const exited = exitCode(child);
    await url;
    const started = Date.now();
    while (!output().includes(`Team sync server listening at ws://127.0.0.1:${port}`)) {
      if (Date.now() - started > 10_000) throw new Error(`the team sync server did not start: ${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited, output()).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });

  it('refuses a bad port with a message and exit code 2', async () => {
    const child = spawn(tsx, [path.join(root, 'electron/host/index.ts'), '--port', 'eighty'], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    expect(await exitCode(child)).toBe(2);
    expect(stderr).toContain('--port must be 0–65535');
  });
});
