/**
 * Real-process crash test: a child process runs the sample show on the real clocks and journals every change; it
 * is SIGKILLed at 20 random moments (each child lives 50–400 ms after its first durable write). After each kill the
 * journal must parse, hold at least the last state the child reported durable, and a resumed runner must be at
 * the journaled segment with elapsed time within 1 s of what the wall clock implies.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readJournal, resumeFromJournal } from './runner.journal';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const child = join(here, 'fixtures', 'journal-child.ts');
const KILLS = 20;
const CONCURRENCY = 4;

interface Durable {
  revision: number;
  index: number;
  segmentStartedAt: string;
}

/** Runs one child, kills it `lifeMs` after its first durable write, returns the durable reports. */
function runAndKill(dataDir: string, lifeMs: number): Promise<{ durable: Durable[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const durable: Durable[] = [];
    let buffer = '';
    let stderr = '';
    let armed = false;
    const startup = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`child did not report a durable state within 15 s: ${stderr}`));
    }, 15_000);
    proc.stdout.setEncoding('utf8');
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk: string) => (stderr += chunk));
    proc.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const [word, revision, index, segmentStartedAt] = line.split(' ');
        if (word !== 'durable' || !segmentStartedAt) continue;
        durable.push({ revision: Number(revision), index: Number(index), segmentStartedAt });
        if (!armed) {
          armed = true;
          clearTimeout(startup);
          setTimeout(() => proc.kill('SIGKILL'), lifeMs);
        }
      }
    });
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => resolvePromise({ durable, signal, stderr }));
  });
}

describe('journal survives SIGKILL of a real process', () => {
  it(`parses and resumes correctly after ${KILLS} kills at random moments`, { timeout: 60_000 }, async () => {
    let seed = Number(process.env['RUNNER_CRASH_SEED'] ?? Date.now() % 100_000);
    const initialSeed = seed;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const lives = Array.from({ length: KILLS }, () => 50 + Math.floor(random() * 350));
    const failures: string[] = [];
    let resumedLive = 0;
    let mostReports = 0;

    const runOne = async (run: number, lifeMs: number): Promise<void> => {
      const dataDir = await mkdtemp(join(tmpdir(), `kol-crash-${run}-`));
      try {
        const { durable, signal, stderr } = await runAndKill(dataDir, lifeMs);
        const context = `run ${run} (seed ${initialSeed}, life ${lifeMs} ms)`;
        if (signal !== 'SIGKILL') failures.push(`${context}: child exited on its own (${signal}): ${stderr}`);
        const lastDurable = durable[durable.length - 1];
        if (!lastDurable) throw new Error(`${context}: no durable report`);
        mostReports = Math.max(mostReports, durable.length);
        const result = await readJournal(dataDir);
        if (result === null || result.kind === 'corrupt') {
          failures.push(`${context}: journal unreadable: ${JSON.stringify(result)}`);
          return;
        }
        // The file holds the last reported durable state or a newer one (written but not yet reported).
        if (result.revision < lastDurable.revision) failures.push(`${context}: journal revision ${result.revision} < durable ${lastDurable.revision}`);
        if (result.revision === lastDurable.revision) {
          if (result.currentIndex !== lastDurable.index || result.segmentStartedAt !== lastDurable.segmentStartedAt) {
            failures.push(`${context}: journal disagrees with the durable report at revision ${result.revision}`);
          }
        }
        const resumed = resumeFromJournal(result);
        const state = resumed.getState();
        const wallNow = Date.now();
        if (state.currentIndex !== result.currentIndex) failures.push(`${context}: resumed at ${state.currentIndex}, journaled ${result.currentIndex}`);
        // What the wall clock implies: now − segment start − closed pauses − the open pause (if paused).
        const segmentStart = Date.parse(result.segmentStartedAt!);
        const openPause = result.pausedAt === null ? 0 : wallNow - Math.max(Date.parse(result.pausedAt), segmentStart);
        const expected = Math.max(0, wallNow - segmentStart - result.segmentPausedMs - openPause);
        const drift = Math.abs(state.timers.segmentElapsedMs - expected);
        if (drift >= 1000) failures.push(`${context}: segment elapsed ${state.timers.segmentElapsedMs} ms, wall clock implies ${expected} ms`);
        if (state.status === 'live') resumedLive++;
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    };

    for (let start = 0; start < KILLS; start += CONCURRENCY) {
      await Promise.all(lives.slice(start, start + CONCURRENCY).map((life, i) => runOne(start + i, life)));
    }
    expect(failures).toEqual([]);
    expect(resumedLive).toBeGreaterThan(0);
    expect(mostReports).toBeGreaterThan(5); // the children did get through several cues before dying
  });
});
