/**
 * zod schema of a RunSheet as it crosses the contract (the export service validates it before writing any
 * file). Bounded sizes: a run-sheet is at most 1,000 rows and MAX_CONTRACT_ARG_BYTES as JSON (limits.ts); images
 * (product images, the brand's logo) travel as asset hashes, never as bytes. The export language travels in the
 * sheet (`language`). Unknown fields are refused (strict objects). The assistant's and the controller's cues exist
 * only inside `crew`, which a brand sheet may not carry (refined below).
 */
import { z } from 'zod';
import { beatKinds, giveawayEntryKinds, segmentKinds } from '../domain/entities';
import { claimCategories, claimPlaces } from '../domain/claims';
import { MAX_CUE_LENGTH, MAX_CUES_PER_ROLE } from '../domain/role-cues';
import { orientations } from '../domain/safe-zones';
import type { RunSheet } from '../domain/runsheet';
import { exportLanguages } from '../export/export.strings';
import { assetHashSchema } from './assets.schema';
import { oversizeMessage } from './limits';

const money = z.strictObject({ amountMinor: z.number().int(), currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code') });
const instant = z.iso.datetime();
const text = (max: number) => z.string().max(max);
const cueList = z.array(text(MAX_CUE_LENGTH)).max(MAX_CUES_PER_ROLE);
const count = z.number().int().nonnegative().max(1e12);
/** Sales targets: only the figures that are set. */
const targets = z.strictObject({ gmv: money.refine((m) => m.amountMinor >= 0, 'must be 0 or more').optional(), orders: count.optional(), units: count.optional() }).optional();
const overlayKeys = ['dealCard', 'countdown', 'stock', 'lowerThird', 'disclosure'] as const;

export const runSheetSchema = z.strictObject({
  view: z.enum(['brand', 'crew']),
  language: z.enum(exportLanguages),
  title: text(300),
  brandName: text(300),
  /** An asset hash; the export service resolves it to the logo before writing. */
  brandLogoHash: assetHashSchema.optional(),
  scriptVersion: text(40).optional(),
  approval: z.enum(['draft', 'approved']),
  campaignName: text(300).optional(),
  platforms: z.array(text(100)).max(20),
  orientation: z.enum(orientations).optional(),
  hostNames: z.array(text(200)).max(20),
  startAt: instant,
  endAt: instant,
  zone: text(64),
  zoneLabel: text(64),
  viewerZone: text(64).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  targetDurationSec: z.number().int().nonnegative(),
  targets,
  totalSec: z.number().nonnegative(),
  overTargetSec: z.number(),
  generatedAt: instant,
  rows: z
    .array(
      z.strictObject({
        index: z.number().int().positive(),
        kind: z.enum(segmentKinds),
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
              sellingPoints: z.array(text(1000)).max(50),
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
            ladder: z
              .array(
                z.strictObject({
                  price: money,
                  trigger: z.enum(['time', 'stock']),
                  offsetSec: z.number().int().nonnegative().max(24 * 3600).optional(),
                  clock: text(10).optional(),
                  atOrBelow: z.number().int().nonnegative().max(10_000_000).optional(),
                }),
              )
              .max(20)
              .optional(),
          })
          .optional(),
        talkingPoints: z.array(text(1000)).max(50),
        hostCues: cueList.optional(),
        giveaway: z
          .strictObject({
            prize: text(300),
            quantity: z.number().int().positive().max(1_000_000).optional(),
            entry: z.strictObject({ kind: z.enum(giveawayEntryKinds), text: text(300) }).optional(),
            rules: text(4000),
          })
          .optional(),
        beats: z
          .array(
            z.strictObject({
              kind: z.enum(beatKinds),
              label: text(200).optional(),
              offsetSec: z.number().int().nonnegative().max(24 * 3600).optional(),
              clock: text(10).optional(),
              units: z.number().int().positive().max(10_000_000).optional(),
            }),
          )
          .max(50)
          .optional(),
        hardStartClock: text(10).optional(),
        sponsored: z.boolean(),
        disclosureLabel: text(100).optional(),
        targets,
        crew: z
          .strictObject({
            scene: text(200).optional(),
            overlays: z.array(z.enum(overlayKeys)).max(10),
            crewNotes: text(4000),
            fanGroupText: text(4000),
            assistantCues: cueList.optional(),
            controllerCues: cueList.optional(),
            issues: z.array(z.strictObject({ code: text(50), message: text(500) })).max(50),
            claims: z
              .array(z.strictObject({ words: text(300), field: z.enum(claimPlaces), category: z.enum(claimCategories), source: text(500), reviewed: z.boolean() }))
              .max(500)
              .optional(),
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
