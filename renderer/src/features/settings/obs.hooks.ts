/** OBS connection status, live from the services (snapshot on mount, then every status event). */
import { useEffect, useState } from 'react';
import type { ObsStatus } from '../../../../shared/contract/studio-api';
import { studio } from '../../studio/studio';

export function useObsStatus(): ObsStatus | undefined {
  const [status, setStatus] = useState<ObsStatus>();
  useEffect(() => {
    let live = true;
    const unsubscribe = studio.on('obsStatus', (next) => setStatus(next));
    studio.getObsStatus().then(
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
  return status;
}
