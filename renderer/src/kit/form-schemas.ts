/**
 * Pieces the entity form schemas share (each form derives its schema from the entity schema in
 * shared/exchange/entity.schemas.ts and tightens what a person must fill in). A refinement's message is the key
 * of its sentence in the form's `messages` (form-messages.ts), never text for the screen.
 */
import { z } from 'zod';

/** Text that must not be blank. */
export const filled = z.string().trim().min(1);

/** A NumberInput value that is a number of 0 or more ('' is empty, so invalid). */
export const amount = z.number().nonnegative();
export const wholeCount = z.number().int().nonnegative();

const maxImageBytes = 5 * 1024 * 1024;

/** An image picked in a FileInput: none (undefined = keep, null = remove), or a small image of an allowed type. */
export function imageFile(mime: RegExp) {
  return z
    .custom<File | null | undefined>((v) => v === null || v === undefined || v instanceof Blob)
    .refine((f) => !f || f.size <= maxImageBytes, 'imageSize')
    .refine((f) => !f || mime.test(f.type), 'imageType');
}

/** The trimmed text, or nothing when it is blank (optional entity fields are absent, not ''). */
export function optionalText<K extends string>(key: K, text: string | undefined): Partial<Record<K, string>> {
  const trimmed = text?.trim();
  return trimmed ? ({ [key]: trimmed } as Record<K, string>) : {};
}
