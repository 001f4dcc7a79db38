/**
 * How a domain declares its slice of the contract: one entry per method, keyed by the method's name (the only
 * place that name is written), holding the zod schema of its argument list, whether it is a read, and (as a
 * type only) its result.
 * Invariants: argument schemas are tuples of strict, bounded objects (an unknown field is refused, never
 * dropped; see limits.ts); a read changes nothing, so a client may wait for the link, send it again, or ask
 * again after a reconnect (renderer/src/studio/connection.ts); an action is never sent twice.
 */
import type { z } from 'zod';

export interface MethodSpec<A extends z.ZodTuple = z.ZodTuple, R = unknown> {
  readonly args: A;
  readonly read: boolean;
  /** Never set: carries the result type for StudioResults. */
  readonly result?: R;
}

/** `returns<Result>().read(args)` or `.action(args)`: the result type is given, the argument types inferred. */
export function returns<R>(): {
  read<A extends z.ZodTuple>(args: A): MethodSpec<A, R>;
  action<A extends z.ZodTuple>(args: A): MethodSpec<A, R>;
} {
  return {
    read: (args) => ({ args, read: true }),
    action: (args) => ({ args, read: false }),
  };
}

export type DomainContract = Record<string, MethodSpec>;
