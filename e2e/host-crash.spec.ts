/**
 * Crash recovery of the real host process: a live show runs in the built host (browser mode) while cues arrive
 * over its WebSocket; the host is SIGKILLed at 20 random moments (100–1,100 ms into each life, often with a cue in
 * flight). After each kill a new host on the same data dir must find the journal intact (never corrupt), resume at
 * the segment of the last cue it acknowledged (or of the cue in flight, if that one reached the journal), and
 * report the segment's elapsed time within 1 s of what the wall clock says since that cue.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sampleSnapshot } from '../electron/services/runner/fixtures/sample-snapshot';
import { expect, test } from '@playwright/test';
import { startHostProcess, type HostProcess } from './support/host';
import { connectStudioWs, type StudioWsClient } from './support/studio-ws';

const KILLS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Cue {
  index: number;
  /** Wall clock when the cue was sent (the segment starts between this and the acknowledgement). */
  sentAt: number;
}

test('resumes at the right segment with elapsed time within 1 s after 20 host SIGKILLs', async () => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kol-host-crash-'));
  const snapshot = sampleSnapshot();
  const segments = snapshot.segments.length;
  let host: HostProcess | undefined;
  let client: StudioWsClient | undefined;
  try {
    host = await startHostProcess({ dataDir });
    client = await connectStudioWs(host.url);
    await client.api.runnerLoad(snapshot, { rehearsal: false });
    let acknowledged: Cue = { index: 0, sentAt: Date.now() };
    await client.api.runnerCommand({ type: 'start' });

    for (let kill = 1; kill <= KILLS; kill += 1) {
      const api = client.api;
      let inFlight: Cue | null = null;
      let current = acknowledged.index;
      const lifeMs = 100 + Math.random() * 1000;
      const deadline = Date.now() + lifeMs + 500;
      const cues = (async () => {
        while (Date.now() < deadline) {
          const index = (current + 1 + Math.floor(Math.random() * (segments - 1))) % segments;
          inFlight = { index, sentAt: Date.now() };
          await api.runnerCommand({ type: 'jumpTo', index });
          acknowledged = inFlight;
          current = index;
          inFlight = null;
          await sleep(Math.random() * 120);
        }
      })().catch(() => undefined); // the kill cuts the connection mid-request
      await sleep(lifeMs);
      host.child.kill('SIGKILL');
      await cues;
      client.close();
      await host.stop();

      host = await startHostProcess({ dataDir });
      client = await connectStudioWs(host.url);
      const offer = await client.api.findResumableShow();
      expect(offer.corrupt, `kill ${kill}: journal corrupt`).toBeUndefined();
      expect(offer.resumable, `kill ${kill}: nothing to resume`).not.toBeNull();
      const resumed = await client.api.resumeShow();
      const resumedAt = Date.now();
      const candidates: Cue[] = inFlight ? [acknowledged, inFlight] : [acknowledged];
      const cue = candidates.find((c) => c.index === resumed.state.currentIndex);
      expect(cue, `kill ${kill}: resumed at segment ${resumed.state.currentIndex}, expected ${candidates.map((c) => c.index).join(' or ')}`).toBeDefined();
      if (!cue) break;
      expect(resumed.state.status).toBe('live');
      const wallElapsed = resumedAt - cue.sentAt;
      expect(Math.abs(resumed.state.timers.segmentElapsedMs - wallElapsed), `kill ${kill}: elapsed ${resumed.state.timers.segmentElapsedMs} ms vs wall ${wallElapsed} ms`).toBeLessThan(1000);
      acknowledged = cue;
    }
  } finally {
    client?.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
