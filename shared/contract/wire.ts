/**
 * The WebSocket protocol between a browser renderer and the host: requests with ids, responses (the reply
 * envelope of errors.ts with the request's id), events, and a ping/pong heartbeat.
 * Both directions are validated with these schemas; a message that does not parse is refused, never guessed, and
 * a message with a field these schemas do not name is refused too (strict objects), never silently trimmed.
 * A client message is at most MAX_WIRE_MESSAGE_BYTES (limits.ts), the host's maxPayload.
 * Written with zod/mini and without the contract registry: the renderer bundles this file before first render,
 * and zod/mini tree-shakes to a fraction of zod.
 */
import * as z from 'zod/mini';
import { studioErrorCodes } from './errors';
import { studioEvents } from './methods';

export const clientMessageSchema = z.strictObject({
  t: z.literal('req'),
  id: z.number().check(z.int(), z.nonnegative()),
  /** Checked against the contract by dispatch (an unknown one is answered 'unknown-method' with this id). */
  method: z.string().check(z.minLength(1), z.maxLength(100)),
  args: z.array(z.unknown()).check(z.maxLength(16)),
});
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/**
 * The client's heartbeat: answered at once with {t:'pong'}. A client that hears nothing for a while after a
 * ping knows the host is gone or hung (a closed socket alone does not show a hung host).
 */
export const pingMessageSchema = z.strictObject({ t: z.literal('ping') });

/** The error half of the reply envelope (errors.ts). */
const wireErrorSchema = z.strictObject({
  code: z.enum(studioErrorCodes),
  message: z.string(),
  data: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
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
