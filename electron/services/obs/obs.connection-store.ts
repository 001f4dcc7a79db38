/**
 * Where the OBS connection is remembered: `<dataDir>/obs-connection.json` holds the URL and, only when the OS
 * offers a real secret store, the password encrypted by it (Electron safeStorage: Keychain, DPAPI, libsecret or
 * KWallet). Without one (browser-mode host, Linux with no keyring) the password stays in memory until quit and the
 * UI says so.
 *
 * Invariants:
 * - the password is never written in plain text, never logged, and never returned to a client (clients learn
 *   only whether one is saved and where it is kept);
 * - a password from the environment (KOL_OBS_PASSWORD, host only) wins over a saved one and is never written;
 * - an unreadable, foreign or undecryptable file is treated as "nothing saved" (the user connects again), never
 *   as an error that blocks the studio; writes are atomic.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ObsConnectionSettings } from '../../../shared/contract/studio-api';
import { writeFileAtomic } from '../storage/atomic-file';

/** The OS secret store, as Electron's safeStorage offers it. */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

export const OBS_CONNECTION_FILE = 'obs-connection.json';

const fileSchema = z.object({
  version: z.literal(1),
  url: z.string().max(300),
  /** base64 of the OS store's ciphertext. */
  password: z.string().max(8192).optional(),
});
type ConnectionFile = z.infer<typeof fileSchema>;

export interface ObsCredentials {
  url: string;
  password: string;
}

export interface ObsConnectionStoreOptions {
  dataDir: string;
  /** Present only where the OS has a real secret store. */
  cipher?: SecretCipher;
  /** A password given by the environment (host: KOL_OBS_PASSWORD). */
  environmentPassword?: string;
}

export class ObsConnectionStore {
  private readonly file: string;
  private loaded: Promise<ConnectionFile | null> | undefined;
  /** The password of this run when it is not (or cannot be) saved. */
  private sessionPassword: string | undefined;

  constructor(private readonly options: ObsConnectionStoreOptions) {
    this.file = join(options.dataDir, OBS_CONNECTION_FILE);
  }

  private read(): Promise<ConnectionFile | null> {
    this.loaded ??= readFile(this.file, 'utf8').then(
      (text) => {
        const parsed = fileSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : null;
      },
      () => null,
    ).catch(() => null);
    return this.loaded;
  }

  private async write(data: ConnectionFile): Promise<void> {
    this.loaded = Promise.resolve(data);
    await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
  }

  private decrypt(file: ConnectionFile | null): string | undefined {
    if (!file?.password || !this.options.cipher) return undefined;
    try {
      return this.options.cipher.decrypt(Buffer.from(file.password, 'base64'));
    } catch {
      return undefined; // another user's or another machine's keychain: as if nothing was saved
    }
  }

  /** What clients may know. */
  async settings(): Promise<ObsConnectionSettings> {
    const file = await this.read();
    const env = this.options.environmentPassword !== undefined;
    return {
      url: file?.url ?? null,
      passwordStorage: env ? 'environment' : this.options.cipher ? 'os' : 'session',
      passwordSaved: env || this.decrypt(file) !== undefined || this.sessionPassword !== undefined,
    };
  }

  /** The URL and password to connect with: the environment's, else the saved one, else this session's. */
  async credentials(url?: string): Promise<ObsCredentials | null> {
    const file = await this.read();
    const target = url ?? file?.url;
    if (!target) return null;
    const password = this.options.environmentPassword ?? this.decrypt(file) ?? this.sessionPassword ?? '';
    return { url: target, password };
  }

  /**
   * Remembers a connection the user asked for. `password` undefined keeps the current one; `remember` false keeps
   * the password for this session only (and forgets a saved one).
   */
  async remember(url: string, password: string | undefined, remember: boolean): Promise<void> {
    const file = await this.read();
    const next: ConnectionFile = { version: 1, url };
    if (password === undefined) {
      if (file?.password) next.password = file.password;
    } else if (remember && this.options.cipher && this.options.environmentPassword === undefined) {
      next.password = this.options.cipher.encrypt(password).toString('base64');
      this.sessionPassword = undefined;
    } else {
      this.sessionPassword = password;
    }
    await this.write(next);
  }

  async forgetPassword(): Promise<void> {
    this.sessionPassword = undefined;
    const file = await this.read();
    if (!file) {
      await rm(this.file, { force: true });
      return;
    }
    await this.write({ version: 1, url: file.url });
  }
}
