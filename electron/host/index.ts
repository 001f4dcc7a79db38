/**
 * `npm run studio:web -- --port N --data-dir DIR [--host ADDR] [--obs-url URL] [--remote-port N]`: the studio in a
 * browser. --remote-port: where the phone console listens once the user turns remote control on (default 4467).
 * The OBS password comes only from the environment (KOL_OBS_PASSWORD), never from the command line.
 * Prints one line "KOL Studio serving at <url>" when ready; shuts down cleanly on SIGINT/SIGTERM.
 *
 * Invariants (the signal and error handling is electron/cli/process-lifecycle.ts):
 * - SIGINT/SIGTERM are handled from the first line of start-up: a signal during start-up (before the server
 *   listens, while OBS is connecting) closes whatever is already open and exits 0; start-up stops there;
 * - no error from a request handler can end the process: an uncaught exception or unhandled rejection is logged
 *   (one line, its name and message, never arguments or tokens) and the host keeps serving.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { obsUrlSchema } from '../../shared/contract/studio-api';
import { installProcessLifecycle } from '../cli/process-lifecycle';
import { loadOverlayTheme } from '../services/overlay/overlay.theme-store';
import { loadOrCreateOverlayToken } from '../services/overlay/overlay.token';
import { createStudioServices } from '../services/studio.services';
import { startHost } from './host.server';

const here = path.dirname(fileURLToPath(import.meta.url));

const lifecycle = installProcessLifecycle('kol-studio host', 'the host');
function fail(message: string): never {
  return lifecycle.fail(message);
}

function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'kol-studio');
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '5178' },
        host: { type: 'string', default: '127.0.0.1' },
        'data-dir': { type: 'string' },
        'obs-url': { type: 'string' },
        'renderer-dir': { type: 'string' },
        'remote-port': { type: 'string', default: '4467' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0–65535, got "${values.port}"`);
  const remotePort = Number(values['remote-port']);
  if (!Number.isInteger(remotePort) || remotePort < 0 || remotePort > 65535) fail(`--remote-port must be 0–65535, got "${values['remote-port']}"`);
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  mkdirSync(dataDir, { recursive: true });
  const rendererDir = path.resolve(values['renderer-dir'] ?? path.join(here, '..', 'renderer'));
  const pkg = JSON.parse(readFileSync(path.join(here, '..', '..', 'package.json'), 'utf8')) as { version: string; productName?: string };

  const overlayToken = await loadOrCreateOverlayToken(dataDir);
  const overlayTheme = await loadOverlayTheme(dataDir);
  if (lifecycle.closing) return;
  const services = createStudioServices({
    name: pkg.productName ?? 'KOL Studio',
    version: pkg.version,
    platform: process.platform,
    dataDir,
    pagesDir: rendererDir,
    overlayToken,
    overlayTheme,
    // No OS secret store in browser mode: a password typed in the UI lasts until the host stops.
    ...(process.env.KOL_OBS_PASSWORD !== undefined ? { obsEnvironmentPassword: process.env.KOL_OBS_PASSWORD } : {}),
    remotePort,
  });
  lifecycle.opened(() => services.dispose());
  const host = await startHost({ services, rendererDir, port, host: values.host });
  lifecycle.opened(() => host.close());
  if (lifecycle.closing) return;
  services.setOverlayBaseUrl(host.url);
  if (values.host !== '127.0.0.1' && values.host !== 'localhost' && values.host !== '::1') {
    process.stdout.write(`warning: listening on ${values.host}: anyone on that network can open the studio\n`);
  }
  process.stdout.write(`KOL Studio serving at ${host.url}\n`);
  // A team workspace hosted here is served again on its port; services.dispose() (SIGINT/SIGTERM) closes it cleanly.
  const team = await services.resumeTeamHosting();
  if (team.hosting) process.stdout.write(`Team sync server listening at ${team.localUrl ?? ''}${team.lan ? ' and on the LAN' : ''}\n`);

  if (values['obs-url']) {
    const url = obsUrlSchema.safeParse(values['obs-url']);
    if (!url.success) fail(`--obs-url ${url.error.issues[0]?.message ?? 'is invalid'}`);
    const status = await services.handlers.connectObs({ url: url.data });
    process.stdout.write(status.connected ? `OBS connected (${status.obsVersion ?? '?'})\n` : `OBS: ${status.error ?? status.state}\n`);
  } else {
    const status = await services.connectSavedObs();
    if (status) process.stdout.write(status.connected ? `OBS connected (${status.obsVersion ?? '?'})\n` : `OBS: ${status.error ?? status.state}\n`);
  }
}

void main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
