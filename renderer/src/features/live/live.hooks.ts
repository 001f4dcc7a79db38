/**
 * The live show as the renderer sees it: the runner's snapshot, then its patches (applyMessage); a gap in
 * revisions (StalePatchError) or a reconnect fetches the snapshot again, and a reconnect that finds no show
 * loaded (the host restarted) clears the state, so the page offers Resume rather than a stale console.
 * Timers are derived locally from the runner's monotonic anchors, mapped onto this page's clock with the
 * offset each message carries; while the studio does not answer they stand still at the moment it stopped.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { applyMessage, deriveTimers, StalePatchError } from '../../../../shared/runner/runner.client';
import type { RunnerMessage, RunnerState, RunnerTimers } from '../../../../shared/runner/runner.types';
import { studio } from '../../studio/studio';
import { useStudioConnection } from '../../studio/studio.hooks';

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

  const { reconnects } = useStudioConnection();
  useEffect(() => {
    let live = true;
    const fetchSnapshot = (replace: boolean) =>
      studio.getRunnerSnapshot().then(
        (snapshot) => {
          if (!live) return;
          if (snapshot) accept(snapshot);
          else if (replace) {
            current.current = null;
            setState(null);
          }
        },
        () => undefined,
      );
    resync.current = () => void fetchSnapshot(false);
    const unsubscribe = studio.on('runner', accept);
    void fetchSnapshot(reconnects > 0);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [accept, reconnects]);

  return { state, offsetMs, accept };
}

// One animation-frame clock for the whole page, running only while something listens.
const frameListeners = new Set<() => void>();
let frameId = 0;
let frameNow = 0;

function onFrame(): void {
  frameNow = performance.now();
  for (const listener of frameListeners) listener();
  frameId = frameListeners.size > 0 ? requestAnimationFrame(onFrame) : 0;
}

function subscribeFrames(listener: () => void): () => void {
  frameListeners.add(listener);
  if (frameId === 0) {
    frameNow = performance.now();
    frameId = requestAnimationFrame(onFrame);
  }
  return () => {
    frameListeners.delete(listener);
    if (frameListeners.size === 0 && frameId !== 0) {
      cancelAnimationFrame(frameId);
      frameId = 0;
    }
  };
}

const noSubscription = () => () => undefined;

/**
 * A view of the show's timers (derived locally from the runner's anchors, no network traffic) that re-renders its
 * component only when the view changes: `select` returns a string, e.g. the clock text, so a timer showing
 * seconds renders once a second, not every frame, and the rest of the console does not re-render with it.
 * While the studio does not answer, the view stands still at the moment it stopped (nothing says it runs on).
 */
export function useTimerView(state: RunnerState, offsetMs: number, select: (timers: RunnerTimers) => string): string {
  const connection = useStudioConnection();
  const lostAt = connection.status === 'disconnected' ? connection.since : null;
  const running = state.status === 'live' && lostAt === null;
  const view = () => select(deriveTimers(state, (lostAt ?? (running && frameId !== 0 ? frameNow : performance.now())) + offsetMs));
  return useSyncExternalStore(running ? subscribeFrames : noSubscription, view);
}

export { formatClockMs as formatClock } from '../../../../shared/runner/runner.format';
