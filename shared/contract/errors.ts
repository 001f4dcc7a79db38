/**
 * Errors that cross the contract, and the reply envelope every answer travels in (Electron IPC and the
 * WebSocket alike): `{ ok: true, result } | { ok: false, error: { code, message, data? } }`. A code says what
 * kind of failure it is ('refused': a service declined for a reason it gives as data, e.g. the runner's or
 * OBS's; see domains/*.contract.ts); `data` carries what a client needs to word it (reason, command, names);
 * `message` is the services' English, for logs and for 'failed' errors that have no better words. Stacks stay
 * where they were thrown. Nothing here takes text apart: the code is data.
 */
export const studioErrorCodes = ['invalid-arguments', 'unknown-method', 'forbidden', 'failed', 'disconnected', 'refused'] as const;
export type StudioErrorCode = (typeof studioErrorCodes)[number];

/** Small, flat facts about an error (e.g. { reason: 'wrong_status', command: 'pause' }). */
export type StudioErrorData = Record<string, string | number>;

export class StudioError extends Error {
  readonly code: StudioErrorCode;
  readonly data: StudioErrorData | undefined;
  constructor(code: StudioErrorCode, message: string, data?: StudioErrorData) {
    super(message);
    this.name = 'StudioError';
    this.code = code;
    this.data = data;
  }
}

export interface WireError {
  code: StudioErrorCode;
  message: string;
  data?: StudioErrorData;
}

export type StudioReply<T = unknown> = { ok: true; result: T } | { ok: false; error: WireError };

export function toWireError(error: unknown): WireError {
  if (error instanceof StudioError) return { code: error.code, message: error.message, ...(error.data ? { data: error.data } : {}) };
  return { code: 'failed', message: error instanceof Error ? error.message : String(error) };
}

export function fromWireError(error: WireError): StudioError {
  return new StudioError(error.code, error.message, error.data);
}

/** The result of a reply, or its error thrown as a StudioError. */
export function unwrapReply<T>(reply: StudioReply<T>): T {
  if (reply.ok) return reply.result;
  throw fromWireError(reply.error);
}
