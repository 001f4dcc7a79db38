/**
 * Handlers of the remote domain (shared/contract/domains/remote.contract.ts): the desktop's controls of the
 * phone console. The phones themselves speak remote.protocol.ts to remote.service.ts, not these.
 */
import type { HandlersOf } from '../../../shared/contract/studio-api';
import { listNetworkAddresses } from './remote.network';
import type { RemoteService } from './remote.service';

export function remoteHandlers(remote: RemoteService): HandlersOf<'remote'> {
  return {
    getRemoteStatus: async () => remote.status(),
    listNetworkAddresses: async () => ({ addresses: listNetworkAddresses() }),
    enableRemote: async ({ address }) => remote.enable(address),
    disableRemote: async () => remote.disable(),
    createPairingCode: async ({ role }) => remote.createPairingCode(role),
    revokeRemoteSession: async (sessionId) => remote.revoke(sessionId),
  };
}
