/**
 * React's view of the studio's services:
 * - useStudioConnection(): whether they answer (connection.ts), re-rendering on every change;
 * - useStudioEventValue(): a value the services push as an event (OBS status, remote status): read on mount and
 *   again after every reconnect, then kept current by every event. An event that arrives before a read wins over
 *   it (it is newer). While the services do not answer, and after a reconnect until they are asked again, the
 *   value is `undefined` (unknown), never the last one heard: a header must not say "connected" from stale data.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { StudioEvents } from '../../../shared/contract/studio-api';
import type { StudioConnectionState } from './connection';
import { studio, studioConnection } from './studio';

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
