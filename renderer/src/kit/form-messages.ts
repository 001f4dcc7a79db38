/**
 * zod issues → the sentences a person reads. Forms validate their values with a zod schema derived from the entity
 * schemas (shared/exchange/entity.schemas.ts) through `zod4Resolver`; zod's own text never reaches the screen.
 * Invariants: every error the resolver reports becomes a sentence from `messages` (looked up first by the issue's
 * message, so a refinement can name its own sentence, then by the field path with row numbers as `*`), else the
 * kit's generic sentence; a row number (1-based) from the path is passed to the sentence.
 */
import type { FormErrors } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import type { z } from 'zod';

/** A sentence, or one made from the 1-based row the path names (contacts.2.email → row 3). */
export type FieldMessage = string | ((row: number) => string);
export type FieldMessages = Record<string, FieldMessage>;

/** `contacts.2.email` → pattern `contacts.*.email` and row 3 (the first index in the path). */
export function pathPattern(path: string): { pattern: string; row: number } {
  let row = 0;
  const pattern = path
    .split('.')
    .map((part) => {
      if (!/^\d+$/.test(part)) return part;
      if (row === 0) row = Number(part) + 1;
      return '*';
    })
    .join('.');
  return { pattern, row };
}

export function sentenceFor(path: string, issueMessage: string, messages: FieldMessages, fallback: string): string {
  const { pattern, row } = pathPattern(path);
  const message = messages[issueMessage] ?? messages[pattern];
  if (message === undefined) return fallback;
  return typeof message === 'string' ? message : message(row);
}

/** A @mantine/form `validate` function: zod4Resolver's errors, each replaced by its sentence. */
export function sentenceResolver<Values>(schema: z.ZodType, messages: FieldMessages, fallback: string): (values: Values) => FormErrors {
  const resolve = zod4Resolver(schema);
  return (values) => Object.fromEntries(Object.entries(resolve(values as Record<string, unknown>)).map(([path, raw]) => [path, sentenceFor(path, String(raw), messages, fallback)]));
}
