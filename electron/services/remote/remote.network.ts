/**
 * The network addresses the remote console can listen on: this computer's interface addresses (IPv4, and
 * IPv6 except link-local, which needs a scope id no phone URL can carry). Loopback is listed too (marked
 * internal: only this computer reaches it), first the LAN addresses.
 */
import os from 'node:os';
import type { NetworkAddress } from '../../../shared/contract/remote.schema';

export function listNetworkAddresses(interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces()): NetworkAddress[] {
  const result: NetworkAddress[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family === 'IPv6' && (info.scopeid !== undefined && info.scopeid !== 0)) continue;
      if (info.family === 'IPv6' && info.address.toLowerCase().startsWith('fe80')) continue;
      result.push({ address: info.address, interface: name, family: info.family, internal: info.internal });
    }
  }
  return result.sort((a, b) => Number(a.internal) - Number(b.internal) || (a.family === b.family ? 0 : a.family === 'IPv4' ? -1 : 1));
}

/** "http://192.168.1.20:4467", "http://[fd00::5]:4467". */
export function httpBase(address: string, port: number): string {
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}
