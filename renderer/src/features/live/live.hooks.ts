/**
 * The live show as the renderer sees it: the runner's snapshot, then its patches (applyMessage); a gap in
 * revisions (StalePatchError) or a reconnect fetches the snapshot again. Timers are derived locally from
 * the runner's monotonic anchors, mapped onto this page's clock with the offset each message carries.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { applyMessage, deriveTimers, StalePatchError } from '../../../../shared/runner/runner.client';
import type { RunnerMessage, RunnerState, RunnerTimers } from '../../../../shared/runner/runner.types';
import { studio } from '../../studio/studio';

export interface LiveRunner {
  state: RunnerState | null;
  /** Runner clock minus this page's performance.now(), from the latest message. */
  offsetMs: number;
  /** Applies a message returned by a request (load, resume). */
  accept(message: RunnerMessage): void;
}

export function useRunner(): LiveRunner {
  const [state, setState] = useState<RunnerState | null>(null);
  const [offsetMs, setOffset] = useState(0);
  const current = useRef<RunnerState | null>(null);
  const resync = useRef<() => void>(() => undefined);

  const accept = useCallback((message: RunnerMessage) => {
    const receivedAt = performance.now();
    try {
      const next = applyMessage(current.current, message);
      current.current = next;
      setState(next);
      setOffset(message.now - receivedAt);
    } catch (error) {
      if (!(error instanceof StalePatchError)) throw error;
      resync.current();
    }
  }, []);

  useEffect(() => {
    let live = true;
    resync.current = () => void studio.getRunnerSnapshot().then((snapshot) => live && snapshot && accept(snapshot));
    const unsubscribe = studio.on('runner', accept);
    void studio.getRunnerSnapshot().then((snapshot) => {
      if (live && snapshot) accept(snapshot);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [accept]);

  return { state, offsetMs, accept };
}

/** Timers recomputed every animation frame while the show runs (no network traffic: local derivation). */
export function useTimers(state: RunnerState | null, offsetMs: number): RunnerTimers | null {
  const [now, setNow] = useState(() => performance.now());
  const running = state?.status === 'live';
  useEffect(() => {
    if (!running) return;
    let frame = requestAnimationFrame(function tick() {
      setNow(performance.now());
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [running]);
  if (!state) return null;
  return deriveTimers(state, now + offsetMs);
}

export { formatClockMs as formatClock } from '../../../../shared/runner/runner.format';
