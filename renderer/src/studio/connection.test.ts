/** The connection store and the heartbeat both transports use (connection.ts), with real timers. */
import { describe, expect, it } from 'vitest';
import { ConnectionStore, Heartbeat, isRead } from './connection';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // a page whose timers run late (background tab, long task)
  }
};

describe('ConnectionStore', () => {
  it('is connecting until the first answer, then counts only returns after a loss as reconnects', () => {
    const store = new ConnectionStore();
    const seen: string[] = [];
    store.subscribe(() => seen.push(`${store.get().status}:${store.get().reconnects}`));
    expect(store.get().status).toBe('connecting');
    store.connected();
    store.connected();
    store.lost();
    store.lost();
    store.connected();
    expect(seen).toEqual(['connected:0', 'disconnected:0', 'connected:1']);
  });
});

describe('Heartbeat', () => {
  it('reports silence within interval + timeout + a tick when nothing answers, and gives up later', async () => {
    const events: [string, number][] = [];
    const started = performance.now();
    const heartbeat = new Heartbeat({
      intervalMs: 50,
      timeoutMs: 100,
      giveUpMs: 300,
      ping: () => undefined,
      silent: () => events.push(['silent', performance.now() - started]),
      gone: () => events.push(['gone', performance.now() - started]),
    });
    heartbeat.start();
    await sleep(500);
    heartbeat.stop();
    expect(events.map(([e]) => e)).toEqual(['silent', 'gone']);
    expect(events[0]![1]).toBeLessThan(50 + 100 + 25 + 100); // interval + timeout + tick, plus a loaded machine's timer slack
  });

  it('never mistakes its own late timers for silence while every ping is answered', async () => {
    let silent = 0;
    const heartbeat: Heartbeat = new Heartbeat({
      intervalMs: 50,
      timeoutMs: 100,
      giveUpMs: 1000,
      ping: () => queueMicrotask(() => heartbeat.heard()),
      silent: () => (silent += 1),
      gone: () => undefined,
    });
    heartbeat.start();
    for (let i = 0; i < 3; i += 1) {
      busy(250);
      await sleep(60);
    }
    heartbeat.stop();
    expect(silent).toBe(0);
  });
});

describe('isRead', () => {
  it('lets reads wait for the link and never an action', async () => {
    await expect(isRead('getRunnerSnapshot')).resolves.toBe(true);
    await expect(isRead('findResumableShow')).resolves.toBe(true);
    await expect(isRead('runnerCommand')).resolves.toBe(false);
    await expect(isRead('resumeShow')).resolves.toBe(false);
    await expect(isRead('runnerLoad')).resolves.toBe(false);
  });
});
