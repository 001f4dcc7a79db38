/**
 * The WebSocket protocol between a browser renderer and the host: requests with ids, responses, events, and
 * a ping/pong heartbeat.
 * Both directions are validated with these schemas; a message that does not parse is refused, never guessed, and
 * a message with a field these schemas do not name is refused too (strict objects), never silently trimmed.
 * A client message is at most MAX_WIRE_MESSAGE_BYTES (limits.ts), the host's maxPayload.
 * Written with zod/mini: the renderer bundles this file, and zod/mini tree-shakes to a fraction of zod.
 */
import * as z from 'zod/mini';
import { studioEvents, studioMethods } from './methods';

export const clientMessageSchema = z.strictObject({
  t: z.literal('req'),
  id: z.number().check(z.int(), z.nonnegative()),
  method: z.enum(studioMethods),
  args: z.array(z.unknown()).check(z.maxLength(16)),
});
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/**
 * The client's heartbeat: answered at once with {t:'pong'}. A client that hears nothing for a while after a
 * ping knows the host is gone or hung (a closed socket alone does not show a hung host).
 */
export const pingMessageSchema = z.strictObject({ t: z.literal('ping') });

const wireErrorSchema = z.strictObject({
  code: z.enum(['invalid-arguments', 'unknown-method', 'forbidden', 'failed', 'disconnected']),
  message: z.string(),
});

export const serverMessageSchema = z.union([
  z.strictObject({ t: z.literal('res'), id: z.number().check(z.int()), ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ t: z.literal('res'), id: z.number().check(z.int()), ok: z.literal(false), error: wireErrorSchema }),
  z.strictObject({ t: z.literal('evt'), event: z.enum(studioEvents), payload: z.unknown() }),
  /** Sent when a client message could not be read at all (no id to answer to). */
  z.strictObject({ t: z.literal('bad'), error: wireErrorSchema }),
  /** The answer to a client's {t:'ping'}. */
  z.strictObject({ t: z.literal('pong') }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

export const STUDIO_WS_PATH = '/api/ws';
