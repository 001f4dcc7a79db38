/**
 * The single validating door for StudioApi requests, used by Electron IPC and the host WebSocket alike.
 * Invariant: a handler never sees arguments that did not parse against the method's zod schema.
 */
import type { z } from 'zod';
import { StudioError } from '../../../shared/contract/errors';
import { isStudioMethod, type StudioMethod } from '../../../shared/contract/methods';
import { requestArgs, type StudioHandlers, type StudioResults } from '../../../shared/contract/studio-api';

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? `argument ${issue.path.join('.')}` : 'arguments';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

export async function dispatch(
  handlers: StudioHandlers,
  method: unknown,
  rawArgs: unknown[],
): Promise<StudioResults[StudioMethod]> {
  if (!isStudioMethod(method)) throw new StudioError('unknown-method', `unknown method ${String(method)}`);
  const parsed = requestArgs[method].safeParse(rawArgs);
  if (!parsed.success) {
    throw new StudioError('invalid-arguments', `${method}: ${describeZodError(parsed.error)}`);
  }
  const handler = handlers[method] as (...args: unknown[]) => Promise<StudioResults[StudioMethod]>;
  return handler(...(parsed.data as unknown[]));
}
