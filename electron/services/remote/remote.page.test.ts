import { describe, expect, it } from 'vitest';
import { listNetworkAddresses } from './remote.network';
import { remotePageCsp } from './remote.page';

describe('phone console page', () => {
  it('allows scripts and styles only from its own built assets, and connections only to its own origin', () => {
    const csp = remotePageCsp('192.168.1.20:4467');
    expect(csp).toContain("script-src http://192.168.1.20:4467/remote/assets/");
    expect(csp).toContain("style-src http://192.168.1.20:4467/remote/assets/");
    expect(csp).toContain("connect-src 'self' ws://192.168.1.20:4467");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|nonce-/);
    const hostile = remotePageCsp('evil"; script-src *');
    expect(hostile).toContain("connect-src 'self';");
    expect(hostile).toContain("script-src 'self';");
  });
});

describe('network addresses', () => {
  it('lists LAN addresses first, loopback last, and skips link-local IPv6', () => {
    const list = listNetworkAddresses({
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '', cidr: null }],
      wlan0: [
        { address: '192.168.1.20', family: 'IPv4', internal: false, netmask: '255.255.255.0', mac: '', cidr: null },
        { address: 'fe80::1', family: 'IPv6', internal: false, netmask: 'ffff::', mac: '', cidr: null, scopeid: 3 },
      ],
    });
    expect(list.map((a) => a.address)).toEqual(['192.168.1.20', '127.0.0.1']);
  });
});
