/**
 * A StudioApi client over the host's WebSocket from Node (tests and benchmarks that drive the services without a
 * page): same-origin like the studio's own pages, every message validated by the wire schemas.
 */
import WebSocket from 'ws';
import { createStudioClient } from '../../shared/contract/client';
import type { StudioReply } from '../../shared/contract/errors';
import type { StudioEvent } from '../../shared/contract/methods';
import { serverMessageSchema, STUDIO_WS_PATH } from '../../shared/contract/wire';
import type { StudioApi } from '../../shared/contract/studio-api';

export interface StudioWsClient {
  api: StudioApi;
  close(): void;
}

export async function connectStudioWs(hostUrl: string): Promise<StudioWsClient> {
  const url = new URL(STUDIO_WS_PATH, hostUrl);
  url.protocol = 'ws:';
  const socket = new WebSocket(url, { origin: new URL(hostUrl).origin });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const pending = new Map<number, { resolve: (reply: StudioReply) => void; reject: (error: Error) => void }>();
  const listeners = new Set<(event: StudioEvent, payload: unknown) => void>();
  let nextId = 1;
  socket.on('message', (data) => {
    const message = serverMessageSchema.parse(JSON.parse(String(data)));
    if (message.t === 'res') {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      waiter?.resolve(message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error });
    } else if (message.t === 'evt') {
      for (const listener of listeners) listener(message.event, message.payload);
    }
  });
  socket.on('close', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('connection closed'));
    pending.clear();
  });
  const api = createStudioClient({
    invoke: (method, args) =>
      new Promise<StudioReply>((resolve, reject) => {
        if (socket.readyState !== WebSocket.OPEN) {
          reject(new Error('connection closed'));
          return;
        }
        const id = nextId++;
        pending.set(id, { resolve, reject });
        socket.send(JSON.stringify({ t: 'req', id, method, args }));
      }),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return { api, close: () => socket.close() };
}
