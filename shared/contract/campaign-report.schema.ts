/**
 * zod schema of a CampaignReportDocument as it crosses the contract (the export service validates it before writing
 * any file). Strict objects throughout; bounded sizes: at most 5,000 content items, 1,000 KPIs, 1,000 live shows and
 * 5,000 leaderboard rows, and at most MAX_CONTRACT_ARG_BYTES as JSON (limits.ts). Money is integer minor units with
 * an ISO 4217 code; counts are non-negative integers; dates YYYY-MM-DD, instants ISO.
 */
import { z } from 'zod';
import { contentStatuses, kpiMetrics, platforms } from '../domain/entities';
import { exportLanguages } from '../export/export.strings';
import type { CampaignReportDocument } from '../export/campaign-report.document';
import { oversizeMessage } from './limits';

const text = (max: number) => z.string().max(max);
const id = z.string().min(1).max(200);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const ratio = z.number().finite();
const money = z.strictObject({ amountMinor: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER), currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code') });
const sums = z.array(money).max(50);
const source = z.enum(['orders', 'live', 'entered', 'none']);

const results = z.strictObject({
  views: count.optional(),
  likes: count.optional(),
  comments: count.optional(),
  shares: count.optional(),
  saves: count.optional(),
  clicks: count.optional(),
  promoOrders: count.optional(),
  promoRevenue: money.optional(),
  at: z.iso.datetime().optional(),
});

export const campaignReportDocumentSchema = z
  .strictObject({
    language: z.enum(exportLanguages),
    generatedAt: z.iso.datetime(),
    campaignName: text(300),
    brandName: text(300).optional(),
    startDate: date,
    endDate: date,
    results: z.strictObject({
      campaignId: id,
      metrics: z.strictObject(Object.fromEntries(kpiMetrics.map((m) => [m, z.number().finite()])) as Record<(typeof kpiMetrics)[number], z.ZodNumber>),
      itemsWithResults: count,
      items: count,
      kpis: z
        .array(
          z.strictObject({
            name: text(300),
            target: z.number().finite(),
            unit: text(40).optional(),
            metric: z.enum(kpiMetrics).optional(),
            actual: z.number().finite().optional(),
            ratio: ratio.optional(),
          }),
        )
        .max(1000),
      spend: z.strictObject({ fees: sums, commissions: sums, total: sums, budget: money, budgetUsed: ratio.optional() }),
      liveShows: z.array(z.strictObject({ showId: id, title: text(300), gmvNet: sums, source })).max(1000),
      liveGmvNet: sums,
      promoRevenue: sums,
      roi: ratio.optional(),
      cpm: money.optional(),
      costPerEngagement: money.optional(),
      leaderboard: z
        .array(z.strictObject({ creatorId: id, name: text(300), items: count, views: count, engagements: count, promoOrders: count, liveGmvNet: sums, spend: sums }))
        .max(5000),
      disclosure: z.strictObject({ sponsored: count, disclosed: count, missing: count }),
    }),
    items: z
      .array(
        z.strictObject({
          date,
          title: text(300),
          creatorName: text(300),
          platform: z.enum(platforms),
          status: z.enum(contentStatuses),
          sponsored: z.boolean(),
          disclosure: text(200).optional(),
          check: z.enum(['not_sponsored', 'ok', 'missing', 'unfit']),
          results: results.optional(),
        }),
      )
      .max(5000),
  })
  .superRefine((report, ctx) => {
    const oversize = oversizeMessage('the campaign report', report);
    if (oversize) ctx.addIssue({ code: 'custom', message: oversize, path: [] });
  }) satisfies z.ZodType<CampaignReportDocument>;

export const campaignReportFormats = ['pdf', 'csv'] as const;
export type CampaignReportFormat = (typeof campaignReportFormats)[number];
