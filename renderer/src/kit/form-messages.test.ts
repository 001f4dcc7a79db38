import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pathPattern, sentenceResolver } from './form-messages';

describe('zod issues as sentences', () => {
  it('reads a row number from the path', () => {
    expect(pathPattern('contacts.2.email')).toEqual({ pattern: 'contacts.*.email', row: 3 });
    expect(pathPattern('name')).toEqual({ pattern: 'name', row: 0 });
  });

  const schema = z
    .object({
      name: z.string().trim().min(1),
      contacts: z.array(z.object({ email: z.email().optional() })),
      start: z.string(),
      end: z.string(),
    })
    .refine((v) => v.end >= v.start, { path: ['end'], message: 'endBeforeStart' });
  const validate = sentenceResolver(schema, { name: 'Enter the brand name.', 'contacts.*.email': (row) => `Contact ${row}: this email address is not valid.`, endBeforeStart: 'The end is before the start.' }, 'Check this field.');

  it('maps each issue to its sentence, never zod text', () => {
    const errors = validate({ name: '  ', contacts: [{}, { email: 'nope' }], start: '2026-02-02', end: '2026-02-01' });
    expect(errors).toEqual({ name: 'Enter the brand name.', 'contacts.1.email': 'Contact 2: this email address is not valid.', end: 'The end is before the start.' });
  });

  it('falls back to the generic sentence for a field it has no sentence for', () => {
    expect(validate({ name: 'Lumi', contacts: [], start: 1, end: '2026-01-01' })).toEqual({ start: 'Check this field.' });
  });

  it('has no errors for valid values', () => {
    expect(validate({ name: 'Lumi', contacts: [{ email: 'a@b.co' }], start: '2026-01-01', end: '2026-01-01' })).toEqual({});
  });
});
