/**
 * The team sync server: Hocuspocus 4 (Yjs over WebSocket) with durable file storage (sync.store.ts), signed
 * tokens (sync.access.ts), a small HTTP API for the workspace owner, and optionally Redis to share documents
 * with other instances.
 *
 * What "acknowledged" means: Hocuspocus answers each Yjs update (and sync step 2) from a provider with a
 * SyncStatus message, right after applying it; the provider counts it off `unsyncedChanges` (0 = everything
 * acknowledged). Hocuspocus's own store (onStoreDocument) is debounced (2 s, at most 10 s), so it may come
 * long after that. Here every update from a writable connection is appended to this instance's log and
 * fsynced in the `beforeSync` hook, which Hocuspocus awaits BEFORE it applies the update and sends the
 * SyncStatus: an acknowledged update is on disk. The debounced store only compacts (snapshot + empty log);
 * a log over 8 MB is also compacted at its next append, even when the document did not change (clients that
 * reconnect resend what the document already holds).
 *
 * HTTP (same port):
 *   GET    /health                                  → {"status":"ok",...} (no auth)
 *   GET    /v1/workspaces/:ws/invites               → the tokens issued for the workspace (never the tokens)
 *   POST   /v1/workspaces/:ws/invites {role,label?,expiresInDays?} → {"invite":{...},"token":"..."}
 *   DELETE /v1/workspaces/:ws/invites/:id           → revokes it; its open connections are closed
 * The /v1 routes need `Authorization: Bearer <owner token of that workspace>`.
 *
 * Invariants:
 * - no document is ever seeded here: a document starts from its files or empty (hocuspocus #344);
 * - an update is never acknowledged before it is fsynced (see above); a failed append closes the connection
 *   without an acknowledgement, so the provider keeps the update and sends it again;
 * - a read-only (viewer) connection's updates are neither logged nor applied;
 * - a revoked or expired token is refused on connect and on its next message;
 * - tokens and the key never appear in logs; errors logged are one line without request data;
 * - a port that cannot be listened on (EADDRINUSE, EACCES) rejects startSyncServer with Node's error (its `code`);
 * - close() stops accepting, closes connections (their WebSockets too, so clients see at once that it went),
 *   compacts every open document, and resolves when all is on disk
 *   (or rejects after 10 s, when a compaction keeps failing: the logs still hold every acknowledged edit).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import { z } from 'zod';
import { AccessDenied, openAccess, roles, type Access, type TokenClaims } from './sync.access';
import { createFileDocumentStore, type DocumentStore } from './sync.store';

export interface SyncServerOptions {
  port: number;
  host: string;
  dataDir: string;
  /** Unique per data folder: the name of this instance's files. */
  instance: string;
  /** e.g. redis://127.0.0.1:6379 — shares documents with every instance on the same Redis. */
  redisUrl?: string;
  version: string;
  /** Hocuspocus's store debounce (ms); only compaction waits on it. */
  debounceMs?: number;
}

export interface RunningSyncServer {
  url: string;
  port: number;
  access: Access;
  close(): Promise<void>;
}

interface ConnectionContext {
  claims?: TokenClaims;
}

/** A log larger than this is compacted at the next append, whether or not the document changed. */
const compactLogBytes = 8 * 1024 * 1024;

const inviteBodySchema = z.object({
  role: z.enum(roles.filter((role) => role !== 'owner') as ['producer', 'finance', 'viewer']),
  label: z.string().max(100).optional(),
  expiresInDays: z.number().int().min(1).max(366).optional(),
});

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage, limit = 4096): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error('The request body is larger than 4 KB.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new Error('The request body is not JSON.');
  }
}

function redisOptions(url: string): { host: string; port: number; options: { password?: string; db?: number } } {
  const parsed = new URL(url);
  if (parsed.protocol !== 'redis:') throw new Error('--redis must be a redis:// URL');
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined;
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    options: { ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}), ...(db !== undefined && Number.isInteger(db) ? { db } : {}) },
  };
}

export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const access = await openAccess(options.dataDir);
  const store: DocumentStore = createFileDocumentStore(options.dataDir, options.instance);
  const started = Date.now();

  const persistence: Extension<ConnectionContext> = {
    extensionName: 'kol-file-store',
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const { claims, readOnly } = await access.authorize(token, documentName);
      connectionConfig.readOnly = readOnly;
      return { claims };
    },
    async beforeHandleMessage({ context }) {
      if (context.claims && (await access.isRevoked(context.claims.tokenId))) throw new AccessDenied('This invite was revoked by the workspace owner.');
      if (context.claims && Date.parse(context.claims.expiresAt) <= Date.now()) throw new AccessDenied('This invite has expired: ask the workspace owner for a new one.');
    },
    async beforeSync({ connection, document, documentName, type, payload }) {
      // 1 = sync step 2, 2 = update: both carry an update that Hocuspocus applies and acknowledges next.
      if ((type !== 1 && type !== 2) || connection.readOnly) return;
      const logBytes = await store.append(documentName, payload);
      // Clients that reconnect often send updates the document already holds: no change, so no debounced
      // store. Compact anyway once the log is large (queued after this append, so it includes it).
      if (logBytes > compactLogBytes) void store.compact(documentName, document).catch(() => undefined);
    },
    async onLoadDocument({ documentName }) {
      return (await store.load(documentName)) ?? undefined;
    },
    async onStoreDocument({ documentName, document }) {
      await store.compact(documentName, document);
    },
    async beforeUnloadDocument({ documentName, document }) {
      await store.compact(documentName, document);
    },
    async onRequest({ request, response }) {
      const url = new URL(request.url ?? '/', 'http://sync.invalid');
      if (request.method === 'GET' && url.pathname === '/health') {
        sendJson(response, 200, {
          status: 'ok',
          service: 'kol-studio-sync',
          version: options.version,
          instance: options.instance,
          redis: Boolean(options.redisUrl),
          documents: server.hocuspocus.getDocumentsCount(),
          connections: server.hocuspocus.getConnectionsCount(),
          uptimeSeconds: Math.round((Date.now() - started) / 1000),
        });
        return stopHere();
      }
      const route = /^\/v1\/workspaces\/([^/]+)\/invites(?:\/([^/]+))?$/.exec(url.pathname);
      if (!route) {
        sendJson(response, 404, { error: 'Nothing here: see /health and /v1/workspaces/<workspace>/invites.' });
        return stopHere();
      }
      const workspace = decodeURIComponent(route[1] ?? '');
      const inviteId = route[2] ? decodeURIComponent(route[2]) : undefined;
      try {
        const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
        if (!bearer) {
          sendJson(response, 401, { error: 'Send the owner token as "Authorization: Bearer <token>".' });
          return stopHere();
        }
        const claims = await access.verify(bearer);
        if (claims.role !== 'owner' || claims.workspace !== workspace) {
          sendJson(response, 403, { error: 'Only the owner of this workspace can manage its invites.' });
          return stopHere();
        }
        if (request.method === 'GET' && !inviteId) {
          sendJson(response, 200, { invites: await access.list(workspace) });
        } else if (request.method === 'POST' && !inviteId) {
          const body = inviteBodySchema.safeParse(await readBody(request));
          if (!body.success) {
            const issue = body.error.issues[0];
            sendJson(response, 400, { error: `Invalid invite: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}.` });
          } else {
            const { token, issued } = await access.issue({ workspace, ...body.data });
            sendJson(response, 201, { invite: issued, token });
          }
        } else if (request.method === 'DELETE' && inviteId) {
          const revoked = await access.revoke(workspace, inviteId);
          if (!revoked) sendJson(response, 404, { error: 'No invite with this id in this workspace.' });
          else {
            closeConnectionsOf(inviteId);
            sendJson(response, 200, { invite: revoked });
          }
        } else {
          sendJson(response, 405, { error: 'Use GET or POST on /invites, DELETE on /invites/<id>.' });
        }
      } catch (error) {
        if (error instanceof AccessDenied) sendJson(response, 401, { error: error.reason });
        else sendJson(response, 400, { error: error instanceof Error ? error.message : 'The request failed.' });
      }
      return stopHere();
    },
  };

  const extensions: Extension[] = [persistence];
  if (options.redisUrl) {
    const { host, port, options: redis } = redisOptions(options.redisUrl);
    extensions.push(new Redis({ host, port, options: redis, identifier: `${options.instance}-${randomUUID()}`, prefix: 'kol-studio-sync' }));
  }

  const server = new Server<ConnectionContext>({
    name: options.instance,
    port: options.port,
    address: options.host,
    quiet: true,
    stopOnSignals: false,
    debounce: options.debounceMs ?? 2000,
    maxDebounce: Math.max(options.debounceMs ?? 2000, 10_000),
    extensions,
  });

  function closeConnectionsOf(tokenId: string): void {
    for (const document of server.hocuspocus.documents.values()) {
      for (const connection of document.getConnections()) {
        if ((connection.context as ConnectionContext).claims?.tokenId === tokenId) {
          connection.close({ code: 4401, reason: 'This invite was revoked by the workspace owner.' });
        }
      }
    }
  }

  // Hocuspocus closes each document's logical connection on destroy, not the WebSocket under it (upgraded sockets
  // leave the HTTP server's bookkeeping): keep them, so close() can end them and every client knows at once.
  const sockets = new Set<Duplex>();
  server.httpServer.on('upgrade', (_request: IncomingMessage, socket: Duplex) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Hocuspocus's listen() neither rejects nor handles the server's 'error' event: a busy port would be an
  // uncaught exception. Reject with it instead (code EADDRINUSE), so callers can say the port is taken.
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.listen().then(() => {
      server.httpServer.off('error', reject);
      resolve();
    }, reject);
  });
  const port = server.address.port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `ws://${shownHost}:${port}`,
    port,
    access,
    close() {
      closing ??= (async () => {
        // destroy() runs the pending stores and unloads every document (each compacted first). A store that
        // keeps failing (disk full) would hold it forever: give up after 10 s (exit 1); the logs still hold
        // every acknowledged edit.
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('some documents could not be compacted within 10 s; their logs keep every acknowledged edit')), 10_000);
        });
        try {
          await Promise.race([server.destroy(), timeout]);
        } finally {
          clearTimeout(timer);
        }
        for (const socket of sockets) socket.destroy();
        await store.flush();
      })();
      return closing;
    },
  };
}

/** Hocuspocus stops running later onRequest hooks (and its default answer) when a hook rejects with nothing. */
function stopHere(): Promise<never> {
  return Promise.reject(undefined);
}
