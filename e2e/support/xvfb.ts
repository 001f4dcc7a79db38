/**
 * A private X server for tests that open real windows on Linux machines without a display.
 * Invariant: the server is killed when stop() runs or the test process exits.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Display {
  display: string;
  stop(): void;
}

export function hasXvfb(): boolean {
  return spawnSync('sh', ['-c', 'command -v Xvfb'], { stdio: 'ignore' }).status === 0;
}

export async function startXvfb(): Promise<Display> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const number = 90 + Math.floor(Math.random() * 400);
    if (existsSync(`/tmp/.X11-unix/X${number}`) || existsSync(`/tmp/.X${number}-lock`)) continue;
    const child: ChildProcess = spawn('Xvfb', [`:${number}`, '-screen', '0', '1600x1000x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    const kill = () => child.exitCode === null && child.kill('SIGTERM');
    process.once('exit', kill);
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && child.exitCode === null) {
      if (existsSync(`/tmp/.X11-unix/X${number}`)) return { display: `:${number}`, stop: kill };
      await new Promise((r) => setTimeout(r, 50));
    }
    kill();
  }
  throw new Error('could not start Xvfb');
}
