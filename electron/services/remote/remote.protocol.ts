/**
 * The phone console's WebSocket protocol (/remote/ws) and HTTP control API (/remote/api/*).
 * Phone → studio messages are validated here; a message that does not parse is refused, never guessed.
 *
 * Phone → studio:  {t:'cmd', id, command, atSegment?}   a runner command; `id` makes it idempotent (a resend
 *                                                       after a reconnect is answered, never applied twice);
 *                                                       `atSegment` is the segment the phone showed when the
 *                                                       user pressed: if the show has moved on, it is refused
 *                  {t:'sync'}                            asks for a fresh snapshot
 *                  {t:'ping'}                            answered {t:'pong'} (the phone's dead-link check)
 * Studio → phone:  {t:'hello', role, sessionId}, {t:'runner', m: RunnerMessage | null},
 *                  {t:'ack', id, ok, revision? | code?, message?}, {t:'revoked'} (then close 4401),
 *                  {t:'obs', connected, streaming}       OBS as the studio sees it (on connect, then on change)
 */
import { z } from 'zod';
import { runnerCommandSchema } from '../../../shared/contract/runner.schema';

export const REMOTE_PREFIX = '/remote';
export const REMOTE_PAGE_PATH = '/remote';
export const REMOTE_WS_PATH = '/remote/ws';
export const REMOTE_PAIR_PATH = '/remote/api/pair';
export const REMOTE_COMMAND_PATH = '/remote/api/command';
export const REMOTE_STATE_PATH = '/remote/api/state';
export const REMOTE_SESSION_PATH = '/remote/api/session';
/** The WebSocket subprotocol; the token travels as a second subprotocol "kol-token.<token>" (never in a URL). */
export const REMOTE_WS_PROTOCOL = 'kol-remote.v1';
export const REMOTE_TOKEN_PROTOCOL_PREFIX = 'kol-token.';
/** Close code sent when a session is revoked or remote control is turned off. */
export const REMOTE_CLOSE_REVOKED = 4401;

const commandId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -');

export const remoteCommandBodySchema = z.strictObject({
  id: commandId.optional(),
  command: runnerCommandSchema,
  atSegment: z.string().min(1).max(200).nullable().optional(),
});
export type RemoteCommandBody = z.infer<typeof remoteCommandBodySchema>;

export const remotePhoneMessageSchema = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('cmd'), id: commandId, command: runnerCommandSchema, atSegment: z.string().min(1).max(200).nullable().optional() }),
  z.strictObject({ t: z.literal('sync') }),
  z.strictObject({ t: z.literal('ping') }),
]);
export type RemotePhoneMessage = z.infer<typeof remotePhoneMessageSchema>;

export const remotePairBodySchema = z.strictObject({ code: z.string().min(1).max(32) });

export type RemoteAck =
  | { t: 'ack'; id: string; ok: true; revision: number }
  | { t: 'ack'; id: string; ok: false; code: 'forbidden' | 'stale' | 'failed' | 'invalid'; message: string };
