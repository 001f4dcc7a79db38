/**
 * Errors that cross the contract. Only `code` and `message` travel; stacks stay where they were thrown.
 */
export type StudioErrorCode = 'invalid-arguments' | 'unknown-method' | 'forbidden' | 'failed' | 'disconnected';

export class StudioError extends Error {
  readonly code: StudioErrorCode;
  constructor(code: StudioErrorCode, message: string) {
    super(message);
    this.name = 'StudioError';
    this.code = code;
  }
}

export interface WireError {
  code: StudioErrorCode;
  message: string;
}

export function toWireError(error: unknown): WireError {
  if (error instanceof StudioError) return { code: error.code, message: error.message };
  return { code: 'failed', message: error instanceof Error ? error.message : String(error) };
}

/** Electron prefixes errors thrown by ipcMain handlers; the renderer sees the message after the prefix. */
const ELECTRON_PREFIX = /^Error invoking remote method '[^']+': (?:\w*Error: )?/;

export function fromWireError(error: unknown): StudioError {
  if (error instanceof StudioError) return error;
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';
  const message = raw.replace(ELECTRON_PREFIX, '');
  const coded = /^\[(invalid-arguments|unknown-method|forbidden|failed|disconnected)\] (.*)$/s.exec(message);
  if (coded) return new StudioError(coded[1] as StudioErrorCode, coded[2] ?? '');
  return new StudioError('failed', message);
}

/** Encodes a StudioError for transports that carry only a message (Electron IPC). */
export function encodeForIpc(error: unknown): Error {
  const wire = toWireError(error);
  return new Error(`[${wire.code}] ${wire.message}`);
}
