/**
 * Where this computer keeps its team workspaces' credentials (sync server address, role, name and token), one
 * entry per workspace id: `<dataDir>/team-credentials.json`, the token encrypted by the OS secret store
 * (Electron safeStorage: Keychain, DPAPI, libsecret or KWallet). Without one (browser-mode host, Linux with no
 * keyring) nothing is written: the credentials live in memory until quit, and saving says so ('memory').
 *
 * Invariants:
 * - a token is never written in plain text, never logged and never put in an error;
 * - an unreadable or foreign file, or an entry the OS store cannot decrypt (another user's or machine's), reads
 *   as "not joined", never as an error that blocks the studio;
 * - writes are atomic (storage/atomic-file.ts) and one at a time, so two saves never lose one another.
 */
import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { TeamCredentials, TeamCredentialStorage, TeamCredentialsArgs } from '../../../shared/contract/domains/sync.contract';
import { teamRoles } from '../../../shared/sync/invite-link';
import type { SecretCipher } from '../obs/obs.connection-store';
import { writeFileAtomic } from '../storage/atomic-file';

export const TEAM_CREDENTIALS_FILE = 'team-credentials.json';

const entrySchema = z.object({
  serverUrl: z.string().max(300),
  workspaceName: z.string().max(100),
  role: z.enum(teamRoles),
  /** base64 of the OS store's ciphertext of the token. */
  token: z.string().max(16_384),
});
const fileSchema = z.object({
  version: z.literal(1),
  workspaces: z.record(z.string(), entrySchema),
});
type CredentialsFile = z.infer<typeof fileSchema>;

export type SavedTeamCredentials = TeamCredentials & { workspaceId: string };

export class TeamCredentialStore {
  private readonly file: string;
  private loaded: Promise<CredentialsFile> | undefined;
  /** Without an OS store: everything, until quit. */
  private readonly memory = new Map<string, TeamCredentials>();
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly cipher?: SecretCipher,
  ) {
    this.file = join(dataDir, TEAM_CREDENTIALS_FILE);
  }

  get storage(): TeamCredentialStorage {
    return this.cipher ? 'os' : 'memory';
  }

  private read(): Promise<CredentialsFile> {
    const empty: CredentialsFile = { version: 1, workspaces: {} };
    this.loaded ??= readFile(this.file, 'utf8')
      .then((text) => {
        const parsed = fileSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : empty;
      })
      .catch(() => empty);
    return this.loaded;
  }

  /** Runs `change` on the file's content and writes the result, one change at a time. */
  private update(change: (file: CredentialsFile) => CredentialsFile): Promise<void> {
    const next = this.writing.then(async () => {
      const updated = change(await this.read());
      this.loaded = Promise.resolve(updated);
      await writeFileAtomic(this.file, `${JSON.stringify(updated, null, 2)}\n`);
      await chmod(this.file, 0o600).catch(() => undefined); // only this user's account reads it (Windows: no-op)
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  private decrypt(ciphertext: string): string | undefined {
    try {
      return this.cipher?.decrypt(Buffer.from(ciphertext, 'base64'));
    } catch {
      return undefined; // another user's or another machine's store: as if nothing was saved
    }
  }

  async save({ workspaceId, serverUrl, token, workspaceName, role }: TeamCredentialsArgs): Promise<TeamCredentialStorage> {
    if (!this.cipher) {
      this.memory.set(workspaceId, { serverUrl, token, role, workspaceName });
      return 'memory';
    }
    const encrypted = this.cipher.encrypt(token).toString('base64');
    await this.update((file) => ({ version: 1, workspaces: { ...file.workspaces, [workspaceId]: { serverUrl, workspaceName, role, token: encrypted } } }));
    return 'os';
  }

  async get(workspaceId: string): Promise<TeamCredentials | null> {
    if (!this.cipher) return this.memory.get(workspaceId) ?? null;
    await this.writing;
    const file = await this.read();
    const entry = Object.hasOwn(file.workspaces, workspaceId) ? file.workspaces[workspaceId] : undefined;
    if (!entry) return null;
    const token = this.decrypt(entry.token);
    return token === undefined ? null : { serverUrl: entry.serverUrl, token, role: entry.role, workspaceName: entry.workspaceName };
  }

  /** Every workspace whose credentials can be used here, tokens included (for the services only). */
  async list(): Promise<SavedTeamCredentials[]> {
    if (!this.cipher) return [...this.memory].map(([workspaceId, credentials]) => ({ workspaceId, ...credentials }));
    await this.writing;
    const saved = await Promise.all(Object.keys((await this.read()).workspaces).map(async (workspaceId) => {
      const credentials = await this.get(workspaceId);
      return credentials ? { workspaceId, ...credentials } : null;
    }));
    return saved.filter((item): item is SavedTeamCredentials => item !== null);
  }

  async forget(workspaceId: string): Promise<boolean> {
    if (!this.cipher) return this.memory.delete(workspaceId);
    await this.writing;
    if (!Object.hasOwn((await this.read()).workspaces, workspaceId)) return false;
    await this.update((file) => {
      const workspaces = { ...file.workspaces };
      delete workspaces[workspaceId];
      return { version: 1, workspaces };
    });
    return true;
  }
}
