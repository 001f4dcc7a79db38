import { describe, expect, it } from 'vitest';
import { listNetworkAddresses } from './remote.network';
import { remotePageCsp, renderRemotePage } from './remote.page';
import { remoteStrings } from './remote.strings';

describe('phone console page', () => {
  it('has the same string keys in English and Simplified Chinese (plurals: en _one/_other, zh _other)', () => {
    const base = (keys: string[]) => [...new Set(keys.map((k) => k.replace(/_(one|other)$/, '')))].sort();
    expect(base(Object.keys(remoteStrings['zh-CN']))).toEqual(base(Object.keys(remoteStrings.en)));
    expect(Object.keys(remoteStrings['zh-CN']).filter((k) => k.endsWith('_one'))).toEqual([]);
    for (const value of Object.values(remoteStrings['zh-CN'])) expect(value).toMatch(/[\u4e00-\u9fff]|KOL/);
  });

  it('carries its nonce on its only script and style, and never a token', () => {
    const html = renderRemotePage('n0nce');
    expect(html.match(/<script nonce="n0nce">/g)).toHaveLength(1);
    expect(html.match(/<style nonce="n0nce">/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script(?! nonce="n0nce")/);
    expect(remotePageCsp('n0nce', '192.168.1.20:4467')).toContain("connect-src 'self' ws://192.168.1.20:4467");
    expect(remotePageCsp('n0nce', 'evil"; script-src *')).toContain("connect-src 'self';");
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
