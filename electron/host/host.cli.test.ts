/**
 * The host as a user starts it (`studio:web -- --port N --data-dir DIR`): it announces its URL, answers
 * health, refuses bad flags with a message, and exits cleanly (code 0) on SIGTERM and SIGINT.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
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

describe('studio:web host CLI', () => {
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

  it('refuses a bad port with a message and exit code 2', async () => {
    const child = spawn(tsx, [path.join(root, 'electron/host/index.ts'), '--port', 'eighty'], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    expect(await exitCode(child)).toBe(2);
    expect(stderr).toContain('--port must be 0–65535');
  });
});
