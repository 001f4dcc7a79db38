/**
 * The single validating door for StudioApi requests, used by Electron IPC and the host WebSocket alike.
 * Invariants: a handler never sees arguments that did not parse against the method's zod schema (from the
 * contract registry); the answer is always a reply envelope (never a rejection): the result, or the error's
 * code, message and data — an unknown method, invalid arguments, or whatever the handler threw ('failed' unless
 * it threw a StudioError with its own code). Messages never name the method (they may reach a person).
 */
import type { z } from 'zod';
import { StudioError, toWireError, type StudioReply } from '../../../shared/contract/errors';
import { isStudioMethod, studioContract, type StudioMethod, type StudioResults } from '../../../shared/contract/registry';
import type { StudioHandlers } from '../../../shared/contract/studio-api';

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? `argument ${issue.path.join('.')}` : 'arguments';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

export async function dispatch(handlers: StudioHandlers, method: unknown, rawArgs: unknown[]): Promise<StudioReply<StudioResults[StudioMethod]>> {
  try {
    if (!isStudioMethod(method)) throw new StudioError('unknown-method', 'unknown method');
    const parsed = studioContract[method].args.safeParse(rawArgs);
    if (!parsed.success) throw new StudioError('invalid-arguments', describeZodError(parsed.error));
    const handler = handlers[method] as (...args: unknown[]) => Promise<StudioResults[StudioMethod]>;
    return { ok: true, result: await handler(...(parsed.data as unknown[])) };
  } catch (error) {
    return { ok: false, error: toWireError(error) };
  }
}
