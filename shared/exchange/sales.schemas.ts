/**
 * zod schemas of the sales tables (order lines, order imports, saved column mappings, partnership terms) as rows of
 * a backup file (shared/exchange/backup.ts, version 2).
 * Invariants: strict objects (a key the studio does not know is refused: these rows are only ever written by the
 * studio, so an unknown key means a damaged or forged file); money is integer minor units with an ISO currency; a
 * refund is in its line's currency and not above its amount; a line is attributed to a segment or says why not;
 * rates are fractions in [0, 1]. The `satisfies` checks below keep them in step with the entity types.
 */
import { z } from 'zod';
import { orderLineStatuses, orderSources, type OrderColumnMapping, type OrderImport, type OrderLine, type PartnershipTerms } from '../domain/entities';
import { moneySchema } from './entity.schemas';

const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO date-time');
const id = z.string().min(1);
const stamped = { id, createdAt: instant, updatedAt: instant };
const count = z.number().int().nonnegative();
const nonNegativeMoney = moneySchema.refine((m) => m.amountMinor >= 0, 'expected an amount of 0 or more');
const rate = z.number().min(0).max(1);

export const orderLineSchema = z
  .strictObject({
    ...stamped,
    source: z.enum(orderSources),
    orderId: z.string().min(1).max(200),
    lineNo: z.string().min(1).max(200),
    orderedAt: instant,
    sku: z.string().max(200),
    productName: z.string().max(500),
    productId: id.optional(),
    quantity: z.number().int().positive(),
    amount: nonNegativeMoney,
    status: z.enum(orderLineStatuses),
    refund: nonNegativeMoney.optional(),
    buyerId: z.string().max(200).optional(),
    importId: id,
    showId: id.optional(),
    runId: id.optional(),
    segmentId: id.optional(),
    unmatched: z.enum(['outside_shows', 'no_segment']).optional(),
  })
  .refine((line) => line.id === `${line.orderId}#${line.lineNo}`, { path: ['id'], message: 'expected the id orderId#lineNo' })
  .refine((line) => !line.refund || (line.refund.currency === line.amount.currency && line.refund.amountMinor <= line.amount.amountMinor), {
    path: ['refund'],
    message: 'expected a refund in the line’s currency, not above its amount',
  })
  .refine((line) => Boolean(line.segmentId) !== Boolean(line.unmatched), { path: ['segmentId'], message: 'expected a segment or a reason it has none' });

export const orderImportSchema = z.strictObject({
  ...stamped,
  fileName: z.string().max(500),
  source: z.enum(orderSources),
  importedAt: instant,
  lines: count,
  added: count,
  unmatched: count,
});

const mappedFields = ['orderId', 'lineNo', 'orderedAt', 'sku', 'productName', 'quantity', 'amount', 'currency', 'status', 'refund', 'buyerId'] as const;

export const orderMappingSchema = z.strictObject({
  ...stamped,
  name: z.string().min(1).max(200),
  columns: z.strictObject(Object.fromEntries(mappedFields.map((f) => [f, z.string().max(200).optional()])) as Record<(typeof mappedFields)[number], z.ZodOptional<z.ZodString>>),
  currency: moneySchema.shape.currency.optional(),
  zone: z.string().min(1).max(100).optional(),
});

export const partnershipTermsSchema = z.strictObject({
  ...stamped,
  creatorId: id,
  showId: id.optional(),
  campaignId: id.optional(),
  currency: moneySchema.shape.currency,
  slotFee: nonNegativeMoney.optional(),
  commissionRate: rate,
  productRates: z.array(z.strictObject({ productId: id, rate })).optional(),
  flatFee: nonNegativeMoney.optional(),
  bonusTiers: z.array(z.strictObject({ netGmvAtLeast: nonNegativeMoney, bonus: nonNegativeMoney })).optional(),
  notes: z.string().max(5000).optional(),
});

type Accepts<S extends z.ZodType, T> = z.output<S> extends T ? true : never;
export const salesSchemasMatchEntities: [
  Accepts<typeof orderLineSchema, OrderLine>,
  Accepts<typeof orderImportSchema, OrderImport>,
  Accepts<typeof orderMappingSchema, OrderColumnMapping>,
  Accepts<typeof partnershipTermsSchema, PartnershipTerms>,
] = [true, true, true, true];
