/** OBS connection status, live from the services (snapshot on mount, then every status event). */
import type { ObsStatus } from '../../../../shared/contract/studio-api';
import { useStudioEventValue } from '../../studio/studio.hooks';

export function useObsStatus(): ObsStatus | undefined {
  return useStudioEventValue('obsStatus')[0];
}
