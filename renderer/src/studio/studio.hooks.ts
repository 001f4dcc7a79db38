/**
 * A value the services push as an event (OBS status, remote status): read once on mount, then kept current by
 * every event. An event that arrives before the first read wins over it (it is newer).
 */
import { useEffect, useState } from 'react';
import type { StudioEvents } from '../../../shared/contract/studio-api';
import { studio } from './studio';

/** The request that reads each such value now. */
const readers = {
  obsStatus: () => studio.getObsStatus(),
  remote: () => studio.getRemoteStatus(),
} satisfies { [E in keyof StudioEvents]?: () => Promise<StudioEvents[E]> };

type ReadableEvent = keyof typeof readers;

export function useStudioEventValue<E extends ReadableEvent>(event: E): [StudioEvents[E] | undefined, (value: StudioEvents[E]) => void] {
  const [value, setValue] = useState<StudioEvents[E]>();
  useEffect(() => {
    let live = true;
    const unsubscribe = studio.on(event, (next) => setValue(next));
    (readers[event]() as Promise<StudioEvents[E]>).then(
      (current) => {
        if (live) setValue((previous) => previous ?? current);
      },
      () => undefined,
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [event]);
  return [value, setValue];
}
