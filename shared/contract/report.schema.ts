/**
 * zod schema of a post-show ReportDocument as it crosses the contract (the export service validates it before
 * writing any file). Bounded sizes: at most 1,000 segments, 2,000 deal events per segment, 20,000 characters of
 * notes, and at most MAX_CONTRACT_ARG_BYTES as JSON (limits.ts); clocks are HH:mm:ss, dates YYYY-MM-DD, instants
 * ISO. The export language travels in the document. Sales results (`sales`): at most 1,000 segments and 5,000
 * products, money as integer minor units per ISO currency (at most 20 currencies per sum), ratios finite.
 */
import { z } from 'zod';
import { dealLogActions, segmentKinds } from '../domain/entities';
import { MAX_WINNERS } from '../domain/giveaway';
import { exportLanguages } from '../export/export.strings';
import type { ReportDocument } from '../export/report.document';
import { oversizeMessage } from './limits';

const instant = z.iso.datetime();
const clock = z.string().regex(/^\d{2}:\d{2}:\d{2}$/, 'must be HH:mm:ss');
const text = (max: number) => z.string().max(max);
const seconds = z.number().int().nonnegative().max(7 * 24 * 3600);
const signedSeconds = z.number().int().min(-7 * 24 * 3600).max(7 * 24 * 3600);
const count = z.number().int().nonnegative().max(100_000_000);
const money = z.strictObject({ amountMinor: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER), currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code') });
const moneySums = z.array(money).max(20);
const ratio = z.number().min(-1e9).max(1e9);
const targetProgress = {
  targets: z.strictObject({ gmv: money.optional(), orders: count.optional(), units: count.optional() }).optional(),
  gmvVsTarget: ratio.optional(),
  ordersVsTarget: ratio.optional(),
  unitsVsTarget: ratio.optional(),
};
const salesSchema = z.strictObject({
  ...targetProgress,
  source: z.enum(['orders', 'live', 'entered', 'none']),
  orderFiles: z.array(text(500)).max(1000),
  gmvGross: moneySums,
  refunds: moneySums,
  gmvNet: moneySums,
  units: count,
  orders: count.optional(),
  buyers: count.optional(),
  averageOrderValue: moneySums,
  unassignedLines: count,
  segments: z
    .array(
      z.strictObject({
        ...targetProgress,
        title: text(300),
        kind: z.enum(segmentKinds),
        aired: z.boolean(),
        minutesOnAir: z.number().nonnegative().max(7 * 24 * 60),
        gmv: moneySums,
        units: count,
        orders: count.optional(),
        gmvPerMinute: moneySums,
      }),
    )
    .max(1000),
  products: z.array(z.strictObject({ sku: text(200), name: text(500), units: count, revenue: moneySums, refunds: moneySums })).max(5000),
  viewers: z.strictObject({ peak: count.optional(), unique: count.optional(), views: count.optional(), uvValue: moneySums.optional(), gpm: moneySums.optional() }),
});
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

export const reportDocumentSchema = z.strictObject({
  language: z.enum(exportLanguages),
  title: text(300),
  brandName: text(300).optional(),
  rehearsal: z.boolean(),
  zone: text(64),
  zoneLabel: text(64),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  startedAt: instant,
  endedAt: instant.optional(),
  startClock: clock,
  endClock: clock.optional(),
  plannedSec: seconds,
  actualSec: seconds,
  overUnderSec: signedSeconds,
  notes: text(20_000),
  generatedAt: instant,
  rows: z
    .array(
      z.strictObject({
        index: z.number().int().positive(),
        title: text(300),
        kind: z.enum(segmentKinds),
        plannedSec: seconds,
        actualSec: seconds.nullable(),
        overUnderSec: signedSeconds.nullable(),
        onAirClock: clock.optional(),
        deals: z
          .array(
            z.strictObject({
              action: z.enum(dealLogActions),
              at: instant,
              clock,
              value: count.optional(),
            }),
          )
          .max(2000),
        stockCap: count.optional(),
        stockSold: count.optional(),
        soldOut: z.boolean(),
      }),
    )
    .max(1000),
  giveaways: z
    .array(
      z.strictObject({
        segmentTitle: text(300),
        prize: text(300),
        entryRule: text(400).optional(),
        winnerCount: z.number().int().positive().max(MAX_WINNERS),
        entrantCount: count,
        seedHash: hex64,
        seed: hex64,
        entrantsHash: hex64,
        algorithm: text(64),
        committedClock: clock,
        drawnClock: clock,
        winners: z.array(text(200)).max(MAX_WINNERS),
      }),
    )
    .max(100)
    .optional(),
  sales: salesSchema.optional(),
}).superRefine((report, ctx) => {
  const oversize = oversizeMessage('the report', report);
  if (oversize) ctx.addIssue({ code: 'custom', message: oversize, path: [] });
}) satisfies z.ZodType<ReportDocument>;

export const reportExportFormats = ['pdf', 'csv'] as const;
export type ReportExportFormat = (typeof reportExportFormats)[number];
