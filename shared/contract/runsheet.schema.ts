/**
 * zod schema of a RunSheet as it crosses the contract (the export service validates it before writing any
 * file). Bounded sizes: a run-sheet is at most 1,000 rows and MAX_CONTRACT_ARG_BYTES as JSON (limits.ts); images
 * travel as asset hashes, never as bytes. Unknown fields are refused (strict objects).
 */
import { z } from 'zod';
import type { RunSheet } from '../domain/runsheet';
import { assetHashSchema } from './assets.schema';
import { oversizeMessage } from './limits';

const money = z.strictObject({ amountMinor: z.number().int(), currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code') });
const instant = z.iso.datetime();
const text = (max: number) => z.string().max(max);

export const runSheetSchema = z.strictObject({
  view: z.enum(['brand', 'crew']),
  title: text(300),
  brandName: text(300),
  campaignName: text(300).optional(),
  platforms: z.array(text(100)).max(20),
  hostNames: z.array(text(200)).max(20),
  startAt: instant,
  endAt: instant,
  zone: text(64),
  zoneLabel: text(64),
  viewerZone: text(64).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  targetDurationSec: z.number().int().nonnegative(),
  totalSec: z.number().nonnegative(),
  overTargetSec: z.number(),
  generatedAt: instant,
  rows: z
    .array(
      z.strictObject({
        index: z.number().int().positive(),
        kind: text(50),
        title: text(300),
        startAt: instant,
        endAt: instant,
        plannedSec: z.number().nonnegative(),
        clock: z.string().regex(/^\d{2}:\d{2}$/),
        viewerClock: z.string().regex(/^\d{2}:\d{2}$/).optional(),
        products: z
          .array(
            z.strictObject({
              name: text(300),
              sku: text(100),
              listPrice: money,
              /** An asset hash; the export service resolves it to the image before writing. */
              imageHash: assetHashSchema.optional(),
            }),
          )
          .max(20),
        deal: z
          .strictObject({
            price: money,
            discountPercent: z.number().int().min(0).max(100),
            code: text(64).optional(),
            stockCap: z.number().int().positive().optional(),
            perBuyerLimit: z.number().int().positive().optional(),
            countdownSec: z.number().int().positive().optional(),
          })
          .optional(),
        sponsored: z.boolean(),
        disclosureLabel: text(100).optional(),
        crew: z
          .strictObject({
            scene: text(200).optional(),
            overlays: z.array(text(50)).max(10),
            talkingPoints: z.array(text(1000)).max(50),
            crewNotes: text(4000),
            fanGroupText: text(4000),
          })
          .optional(),
      }),
    )
    .max(1000),
})
  .refine((sheet) => sheet.view === 'crew' || sheet.rows.every((row) => row.crew === undefined), {
    message: 'a brand run-sheet must not carry crew fields',
    path: ['rows'],
  })
  .superRefine((sheet, ctx) => {
    const oversize = oversizeMessage('the run-sheet', sheet);
    if (oversize) ctx.addIssue({ code: 'custom', message: oversize, path: [] });
  }) satisfies z.ZodType<RunSheet>;

export const exportFormats = ['pdf', 'csv', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportedFile {
  fileName: string;
  mime: string;
  /** File content, base64. */
  base64: string;
}
