/**
 * Who may open which document on the sync server: tokens, roles, invites and revocation, all kept in the data
 * folder so every instance sharing it agrees.
 *   `<data>/server-key`        the HMAC key (32 random bytes) that signs tokens; created once, mode 0600;
 *   `<data>/tokens/<id>.json`  what was issued (workspace, role, label, dates; never the token itself);
 *   `<data>/revoked/<id>`      one file per revoked token id.
 * A token is a JWT (HS256, `jose`) with issuer/audience `kol-studio-sync`, a token id (`jti`), the workspace
 * (`ws`), the role (`role`) and an expiry. Documents: `<workspace>` (plans) and `<workspace>/finance`
 * (partnership terms and payouts).
 *
 * Invariants:
 * - the key is never logged, sent or put in an error; a token is returned only to the one who creates it
 *   (the owner's HTTP call, or the `owner-token` command writing a 0600 file);
 * - a token opens only documents of its own workspace; `<workspace>/finance` only for owner and finance;
 *   a viewer's connection is read-only (Hocuspocus never applies its updates, so they reach no one);
 * - a revoked token is refused at its next connection and its next message, on every instance that shares
 *   the data folder (revocation is a file, read on each check, not a cache);
 * - every refusal says why in a sentence (`AccessDenied.reason`), never echoing the token.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, link, mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { workspaceIdPattern, workspaceIdRule } from '../../shared/sync/workspace-id';
import { syncDirectory, writeFileAtomic } from './sync.store';

export const roles = ['owner', 'producer', 'finance', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const workspaceIdSchema = z.string().regex(workspaceIdPattern, workspaceIdRule);

const issuer = 'kol-studio-sync';
const maxDays = 366;

export interface TokenClaims {
  tokenId: string;
  workspace: string;
  role: Role;
  expiresAt: string;
}

export interface IssuedToken {
  id: string;
  workspace: string;
  role: Role;
  label: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
}

const issuedSchema = z.object({
  id: z.string(),
  workspace: z.string(),
  role: z.enum(roles),
  label: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
});

/** A refusal with a sentence that says why; Hocuspocus sends `reason` to the provider. */
export class AccessDenied extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.name = 'AccessDenied';
    this.reason = reason;
  }
}

/** Splits a document name into its workspace and part: `<ws>` is the plan, `<ws>/finance` the money. */
export function parseDocumentName(name: string): { workspace: string; part: 'plan' | 'finance' } | null {
  const [workspace, part, ...rest] = name.split('/');
  if (rest.length > 0 || !workspace || !workspaceIdSchema.safeParse(workspace).success) return null;
  if (part === undefined) return { workspace, part: 'plan' };
  return part === 'finance' ? { workspace, part: 'finance' } : null;
}

/** Loads the server key, creating it once (0600). Two instances starting together end with the same key. */
export async function loadOrCreateServerKey(dataDir: string): Promise<Uint8Array> {
  const file = path.join(dataDir, 'server-key');
  try {
    const info = await stat(file);
    if ((info.mode & 0o077) !== 0) await chmod(file, 0o600);
    return new Uint8Array(Buffer.from((await readFile(file, 'utf8')).trim(), 'hex'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFileAtomic(temp, `${randomBytes(32).toString('hex')}\n`, 0o600);
  try {
    await link(temp, file); // fails if another instance created the key first: then use that one
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temp);
  }
  await syncDirectory(dataDir);
  return new Uint8Array(Buffer.from((await readFile(file, 'utf8')).trim(), 'hex'));
}

export interface Access {
  issue(input: { workspace: string; role: Role; label?: string; expiresInDays?: number }): Promise<{ token: string; issued: IssuedToken }>;
  /** The claims of a valid token; throws AccessDenied (bad signature, expired, revoked, malformed). */
  verify(token: string): Promise<TokenClaims>;
  /** Throws AccessDenied unless this token may open this document; returns whether it is read-only. */
  authorize(token: string, documentName: string): Promise<{ claims: TokenClaims; readOnly: boolean }>;
  isRevoked(tokenId: string): Promise<boolean>;
  revoke(workspace: string, tokenId: string): Promise<IssuedToken | null>;
  list(workspace: string): Promise<IssuedToken[]>;
}

export async function openAccess(dataDir: string): Promise<Access> {
  const key = await loadOrCreateServerKey(dataDir);
  const tokensDir = path.join(dataDir, 'tokens');
  const revokedDir = path.join(dataDir, 'revoked');
  await mkdir(tokensDir, { recursive: true, mode: 0o700 });
  await mkdir(revokedDir, { recursive: true, mode: 0o700 });
  const idPattern = /^[0-9a-f-]{36}$/;

  async function isRevoked(tokenId: string): Promise<boolean> {
    if (!idPattern.test(tokenId)) return true;
    try {
      await stat(path.join(revokedDir, tokenId));
      return true;
    } catch {
      return false;
    }
  }

  async function readIssued(tokenId: string): Promise<IssuedToken | null> {
    try {
      const issued = issuedSchema.parse(JSON.parse(await readFile(path.join(tokensDir, `${tokenId}.json`), 'utf8')));
      if (!(await isRevoked(tokenId))) return issued;
      const revokedAt = (await readFile(path.join(revokedDir, tokenId), 'utf8')).trim();
      return { ...issued, revokedAt };
    } catch {
      return null;
    }
  }

  async function verify(token: string): Promise<TokenClaims> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, key, { issuer, audience: issuer, algorithms: ['HS256'] }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new AccessDenied('This invite has expired: ask the workspace owner for a new one.');
      throw new AccessDenied('This token was not issued by this sync server (bad signature or malformed).');
    }
    const claims = z.object({ jti: z.string().regex(idPattern), ws: workspaceIdSchema, role: z.enum(roles), exp: z.number() }).safeParse(payload);
    if (!claims.success) throw new AccessDenied('This token lacks a workspace, a role or an expiry.');
    if (await isRevoked(claims.data.jti)) throw new AccessDenied('This invite was revoked by the workspace owner.');
    return { tokenId: claims.data.jti, workspace: claims.data.ws, role: claims.data.role, expiresAt: new Date(claims.data.exp * 1000).toISOString() };
  }

  return {
    async issue({ workspace, role, label = '', expiresInDays = 30 }) {
      workspaceIdSchema.parse(workspace);
      if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > maxDays) throw new Error(`expiresInDays must be 1–${maxDays}`);
      const id = randomUUID();
      const now = new Date();
      const expires = new Date(now.getTime() + expiresInDays * 86_400_000);
      const token = await new SignJWT({ ws: workspace, role })
        .setProtectedHeader({ alg: 'HS256' })
        .setJti(id)
        .setIssuer(issuer)
        .setAudience(issuer)
        .setIssuedAt(Math.floor(now.getTime() / 1000))
        .setExpirationTime(Math.floor(expires.getTime() / 1000))
        .sign(key);
      const issued: IssuedToken = { id, workspace, role, label: label.slice(0, 100), createdAt: now.toISOString(), expiresAt: expires.toISOString() };
      await writeFileAtomic(path.join(tokensDir, `${id}.json`), `${JSON.stringify(issued)}\n`);
      return { token, issued };
    },

    verify,

    async authorize(token, documentName) {
      const claims = await verify(token);
      const document = parseDocumentName(documentName);
      if (!document) throw new AccessDenied('This is not a workspace document name.');
      if (document.workspace !== claims.workspace) throw new AccessDenied('This invite is for another workspace.');
      if (document.part === 'finance' && claims.role !== 'owner' && claims.role !== 'finance') {
        throw new AccessDenied('Partnership terms and payouts are shared only with the owner and finance roles.');
      }
      return { claims, readOnly: claims.role === 'viewer' };
    },

    isRevoked,

    async revoke(workspace, tokenId) {
      const issued = idPattern.test(tokenId) ? await readIssued(tokenId) : null;
      if (!issued || issued.workspace !== workspace) return null;
      if (issued.revokedAt) return issued;
      const revokedAt = new Date().toISOString();
      await writeFile(path.join(revokedDir, tokenId), `${revokedAt}\n`, { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      await syncDirectory(revokedDir);
      return { ...issued, revokedAt };
    },

    async list(workspace) {
      const ids = (await readdir(tokensDir)).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5));
      const all = await Promise.all(ids.map(readIssued));
      return all.filter((item): item is IssuedToken => item !== null && item.workspace === workspace).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
  };
}
