/** Remote console status, live from the services (a snapshot on mount, then every `remote` event). */
import { useEffect, useState } from 'react';
import type { RemoteStatus } from '../../../../shared/contract/remote.schema';
import { studio } from '../../studio/studio';

export function useRemoteStatus(): [RemoteStatus | undefined, (status: RemoteStatus) => void] {
  const [status, setStatus] = useState<RemoteStatus>();
  useEffect(() => {
    let live = true;
    const unsubscribe = studio.on('remote', (next) => setStatus(next));
    studio.getRemoteStatus().then(
      (current) => {
        if (live) setStatus((previous) => previous ?? current);
      },
      () => undefined,
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);
  return [status, setStatus];
}
