/**
 * DNS-rebinding guard for every HTTP server of the studio: a request must name a Host the server really is
 * (loopback names, or the address it listens on), on its own port. When listening on every interface (an
 * explicit opt-in), IP literals are accepted and DNS names still refused.
 */
function allowedHostNames(listenHost: string): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (listenHost !== '0.0.0.0' && listenHost !== '::') names.add(listenHost.includes(':') ? `[${listenHost}]` : listenHost);
  return names;
}

export function isAllowedHostHeader(hostHeader: string | undefined, listenHost: string, port: number): boolean {
  if (!hostHeader) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.toLowerCase());
  if (!match) return false;
  const [, name, portText] = match;
  if (portText !== undefined && Number(portText) !== port) return false;
  // Listening on every interface (explicit opt-in): accept IP literals, still refuse DNS names (rebinding).
  if (listenHost === '0.0.0.0' || listenHost === '::') {
    return name === 'localhost' || /^[\d.]+$/.test(name ?? '') || (name ?? '').startsWith('[');
  }
  return allowedHostNames(listenHost).has(name ?? '');
}
