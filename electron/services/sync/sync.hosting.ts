/**
 * "Host this workspace on this computer": the team sync server (electron/sync/sync.server.ts) running inside the
 * studio's own process, for a team without a server. Its data (documents, key, invites) is `<dataDir>/team-server`;
 * `<dataDir>/team-hosting.json` remembers whether it runs, its port and the LAN choice.
 *
 * Invariants:
 * - it listens on 127.0.0.1 only, unless the user turned on `lan` (then on every IPv4 interface, so teammates on
 *   the same network can connect);
 * - the port is chosen once (4480, or a free one when that is taken) and kept, so invite links stay valid across
 *   restarts; a kept port that is taken is refused ('team_port_busy'), never silently replaced;
 * - hosting the user turned on starts again with the studio (resume()); close() (the studio quitting) stops the
 *   server cleanly — every acknowledged edit on disk — without forgetting that it should run;
 * - starts and stops run one at a time.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { TeamHostingStatus, TeamRefusalReason } from '../../../shared/contract/domains/sync.contract';
import { startSyncServer, type RunningSyncServer } from '../../sync/sync.server';
import { listNetworkAddresses } from '../remote/remote.network';
import { writeFileAtomic } from '../storage/atomic-file';
import { teamRefused } from './sync.refusals';

export const TEAM_HOSTING_FILE = 'team-hosting.json';
export const TEAM_SERVER_DIR = 'team-server';
/** The port tried first (the sync server's default, `npm run sync:server`). */
export const DEFAULT_TEAM_PORT = 4480;

const settingsSchema = z.object({
  version: z.literal(1),
  enabled: z.boolean(),
  lan: z.boolean(),
  port: z.number().int().min(1).max(65535).optional(),
});
type HostingSettings = z.infer<typeof settingsSchema>;

export interface TeamHostingOptions {
  dataDir: string;
  version: string;
  /** The first port to try when none is kept yet (default 4480; 0 = any free port). */
  preferredPort?: number;
  /** The network interfaces' addresses (default: os.networkInterfaces()). */
  networkAddresses?: () => { address: string; family: 'IPv4' | 'IPv6'; internal: boolean }[];
  /** Hocuspocus's store debounce (ms); tests shorten it. */
  debounceMs?: number;
}

const loopback = '127.0.0.1';

export function localServerUrl(port: number): string {
  return `ws://${loopback}:${port}`;
}

/** True for ws://127.0.0.1:<port> or ws://localhost:<port> (or [::1]): this computer's server on that port. */
export function isLocalServerUrl(serverUrl: string, port: number | undefined): boolean {
  if (port === undefined) return false;
  try {
    const url = new URL(serverUrl);
    return url.protocol === 'ws:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && Number(url.port) === port;
  } catch {
    return false;
  }
}

export class TeamHosting {
  private server: RunningSyncServer | undefined;
  private settings: HostingSettings | undefined;
  private problem: TeamRefusalReason | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly file: string;

  constructor(private readonly options: TeamHostingOptions) {
    this.file = join(options.dataDir, TEAM_HOSTING_FILE);
  }

  /** The running server (its Access issues owner tokens), if hosting. */
  get running(): RunningSyncServer | undefined {
    return this.server;
  }

  private async load(): Promise<HostingSettings> {
    if (this.settings) return this.settings;
    const saved = await readFile(this.file, 'utf8')
      .then((text) => settingsSchema.safeParse(JSON.parse(text)))
      .catch(() => null);
    this.settings = saved?.success ? saved.data : { version: 1, enabled: false, lan: false };
    return this.settings;
  }

  private async store(settings: HostingSettings): Promise<void> {
    this.settings = settings;
    await writeFileAtomic(this.file, `${JSON.stringify(settings, null, 2)}\n`);
  }

  /** Runs `task` after every earlier start or stop. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The kept port (also while stopped: links made earlier name it). */
  async keptPort(): Promise<number | undefined> {
    return this.server?.port ?? (await this.load()).port;
  }

  async status(): Promise<TeamHostingStatus> {
    const settings = await this.load();
    const port = this.server?.port ?? settings.port;
    const lanUrls = this.server && settings.lan ? this.lanUrls(this.server.port) : [];
    return {
      hosting: this.server !== undefined,
      lan: settings.lan,
      ...(port !== undefined ? { port } : {}),
      ...(this.server ? { localUrl: localServerUrl(this.server.port) } : {}),
      lanUrls,
      ...(this.problem && !this.server ? { problem: this.problem } : {}),
    };
  }

  /** ws:// URLs teammates on the LAN can use (IPv4 interface addresses, not loopback). */
  lanUrls(port: number): string[] {
    const addresses = this.options.networkAddresses?.() ?? listNetworkAddresses();
    return addresses.filter((item) => !item.internal && item.family === 'IPv4').map((item) => `ws://${item.address}:${port}`);
  }

  private async listen(port: number, lan: boolean): Promise<RunningSyncServer> {
    return startSyncServer({
      port,
      host: lan ? '0.0.0.0' : loopback,
      dataDir: join(this.options.dataDir, TEAM_SERVER_DIR),
      instance: 'desktop',
      version: this.options.version,
      ...(this.options.debounceMs !== undefined ? { debounceMs: this.options.debounceMs } : {}),
    });
  }

  /** Starts hosting (or restarts it when `lan` changes) on the kept port; remembers that it should run. */
  start(lan: boolean): Promise<TeamHostingStatus> {
    return this.serial(async () => {
      const settings = await this.load();
      if (this.server && settings.lan === lan) return this.status();
      const kept = this.server?.port ?? settings.port;
      if (this.server) {
        const running = this.server;
        this.server = undefined;
        await running.close();
      }
      await mkdir(join(this.options.dataDir, TEAM_SERVER_DIR), { recursive: true, mode: 0o700 });
      try {
        this.server = await this.listen(kept ?? this.options.preferredPort ?? DEFAULT_TEAM_PORT, lan);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (kept === undefined && code === 'EADDRINUSE') {
          this.server = await this.listen(0, lan); // nothing names a port yet: any free one will do
        } else if (code === 'EADDRINUSE' || code === 'EACCES') {
          this.problem = 'team_port_busy';
          throw teamRefused('team_port_busy', `port ${kept} is in use by another program`, { port: kept ?? 0 });
        } else {
          throw error;
        }
      }
      this.problem = undefined;
      await this.store({ version: 1, enabled: true, lan, port: this.server.port });
      return this.status();
    });
  }

  /** Stops hosting and its starting with the studio; the data folder stays (documents, key, invites). */
  stop(): Promise<TeamHostingStatus> {
    return this.serial(async () => {
      const settings = await this.load();
      const running = this.server;
      this.server = undefined;
      this.problem = undefined;
      await running?.close();
      await this.store({ ...settings, enabled: false });
      return this.status();
    });
  }

  /** At start-up: hosting the user turned on starts again; a failure is kept for the status, never thrown. */
  async resume(): Promise<TeamHostingStatus> {
    const settings = await this.load();
    if (!settings.enabled || this.server) return this.status();
    try {
      return await this.start(settings.lan);
    } catch (error) {
      this.problem ??= 'team_server_error';
      console.error(`team hosting could not start again: ${error instanceof Error ? error.message : String(error)}`);
      return this.status();
    }
  }

  /** The studio is quitting: stop the server cleanly, keep the choice (it starts again next time). */
  close(): Promise<void> {
    return this.serial(async () => {
      const running = this.server;
      this.server = undefined;
      await running?.close();
    });
  }
}
