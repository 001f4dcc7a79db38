/** Remote console status, live from the services (a snapshot on mount, then every `remote` event). */
import type { RemoteStatus } from '../../../../shared/contract/remote.schema';
import { useStudioEventValue } from '../../studio/studio.hooks';

export function useRemoteStatus(): [RemoteStatus | undefined, (status: RemoteStatus) => void] {
  return useStudioEventValue('remote');
}
