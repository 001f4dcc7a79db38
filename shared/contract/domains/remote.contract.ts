/**
 * The remote domain's slice of the contract: the phone console on the LAN (off by default; sessions never carry
 * their tokens). The phones' own protocol is remote.protocol.ts, not this. Handlers:
 * electron/services/remote/remote.handlers.ts.
 */
import { z } from 'zod';
import { returns } from '../define';
import {
  remoteEnableArgsSchema,
  remoteRoleSchema,
  remoteSessionIdSchema,
  type NetworkAddress,
  type RemotePairingCode,
  type RemoteStatus,
} from '../remote.schema';

export const remoteContract = {
  getRemoteStatus: returns<RemoteStatus>().read(z.tuple([])),
  listNetworkAddresses: returns<{ addresses: NetworkAddress[] }>().read(z.tuple([])),
  enableRemote: returns<RemoteStatus>().action(z.tuple([remoteEnableArgsSchema])),
  /** Closes every remote session and socket at once. */
  disableRemote: returns<RemoteStatus>().action(z.tuple([])),
  /** A one-use code for `role`, valid 2 minutes; the previous code stops working. */
  createPairingCode: returns<RemotePairingCode>().action(z.tuple([z.strictObject({ role: remoteRoleSchema })])),
  revokeRemoteSession: returns<RemoteStatus>().action(z.tuple([remoteSessionIdSchema])),
};
