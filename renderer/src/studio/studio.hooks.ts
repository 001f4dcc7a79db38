/**
 * React's view of the studio's services:
 * - useStudioConnection(): whether they answer (connection.ts), re-rendering on every change;
 * - useStudioEventValue(): a value the services push as an event (OBS status, remote status): read on mount and
 *   again after every reconnect, then kept current by every event. An event that arrives before a read wins over
 *   it (it is newer). While the services do not answer, and after a reconnect until they are asked again, the
 *   value is `undefined` (unknown), never the last one heard: a header must not say "connected" from stale data.
 * - useStudioRead(): one answer of the services, read again whenever `deps` change or `refresh()` is called; a
 *   failure is its sentence (`problem`); an answer that comes after the component moved on is dropped.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { StudioEvents } from '../../../shared/contract/studio-api';
import type { StudioConnectionState } from './connection';
import { studio, studioConnection } from './studio';
import { errorSentence } from './studio-errors';

const subscribeConnection = (listener: () => void) => studioConnection.subscribe(listener);
const readConnection = () => studioConnection.get();

export function useStudioConnection(): StudioConnectionState {
  return useSyncExternalStore(subscribeConnection, readConnection);
}

/** The request that reads each such value now. */
const readers = {
  obsStatus: () => studio.getObsStatus(),
  remote: () => studio.getRemoteStatus(),
} satisfies { [E in keyof StudioEvents]?: () => Promise<StudioEvents[E]> };

type ReadableEvent = keyof typeof readers;

export function useStudioEventValue<E extends ReadableEvent>(event: E): [StudioEvents[E] | undefined, (value: StudioEvents[E]) => void] {
  const { status, reconnects } = useStudioConnection();
  // Each value remembers the connection it came from: one heard before the last reconnect is not shown.
  const [held, setHeld] = useState<{ value: StudioEvents[E]; reconnects: number }>();
  const setValue = useCallback((value: StudioEvents[E]) => setHeld({ value, reconnects: studioConnection.get().reconnects }), []);
  useEffect(() => {
    let live = true;
    let heard = false;
    const unsubscribe = studio.on(event, (next) => {
      heard = true;
      setHeld({ value: next, reconnects });
    });
    (readers[event]() as Promise<StudioEvents[E]>).then(
      (value) => {
        if (live && !heard) setHeld({ value, reconnects });
      },
      () => undefined,
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [event, reconnects]);
  return [status === 'disconnected' || held?.reconnects !== reconnects ? undefined : held.value, setValue];
}

export interface StudioRead<T> {
  /** The last answer (undefined until the first arrives). */
  value: T | undefined;
  /** When it arrived (Date.now()), 0 before. */
  readAt: number;
  /** Why the last read failed, as a sentence. */
  problem: string | undefined;
  refresh(): void;
}

export function useStudioRead<T>(read: () => Promise<T>, deps: readonly unknown[]): StudioRead<T> {
  const [answer, setAnswer] = useState<{ value: T; readAt: number }>();
  const [problem, setProblem] = useState<string>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    read().then(
      (value) => {
        if (!live) return;
        setAnswer({ value, readAt: Date.now() });
        setProblem(undefined);
      },
      (error: unknown) => live && setProblem(errorSentence(error)),
    );
    return () => {
      live = false;
    };
    // The caller names what the read depends on (deps), as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version]);
  const refresh = useCallback(() => setVersion((n) => n + 1), []);
  return { value: answer?.value, readAt: answer?.readAt ?? 0, problem, refresh };
}
