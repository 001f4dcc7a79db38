/**
 * zod schema of a PayoutDocument as it crosses the contract (the export service validates it before writing any
 * file). Strict objects; bounded sizes: at most 5,000 product lines, 20 excluded currencies, 300-character names,
 * 20,000 characters of notes, and at most MAX_CONTRACT_ARG_BYTES as JSON (limits.ts). Money is integer minor units
 * with an ISO 4217 code; every amount of the statement is in the statement's currency (checked here too, so a
 * statement that mixes currencies is refused at the door, not printed). The export language travels in the document.
 */
import { z } from 'zod';
import type { PayoutDocument } from '../export/payout.document';
import { exportLanguages } from '../export/export.strings';
import { oversizeMessage } from './limits';

const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code');
const money = z.strictObject({ amountMinor: z.number().int().min(-1e15).max(1e15), currency });
const text = (max: number) => z.string().max(max);
const id = z.string().min(1).max(200);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const rate = z.number().min(0).max(1);

const payoutLineSchema = z.strictObject({
  productId: id.optional(),
  sku: text(200),
  name: text(300),
  gross: money,
  refunds: money,
  net: money,
  rate,
  commission: money,
  clawback: money,
});

const statementSchema = z
  .strictObject({
    creatorId: id,
    creatorName: text(300),
    scope: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('show'), showId: id, title: text(300) }),
      z.strictObject({ kind: z.literal('campaign'), campaignId: id, name: text(300) }),
    ]),
    termsId: id,
    currency,
    slots: z.number().int().nonnegative().max(100_000),
    slotFee: money,
    flatFee: money,
    gross: money,
    refunds: money,
    net: money,
    lines: z.array(payoutLineSchema).max(5000),
    commission: money,
    clawback: money,
    bonus: money,
    bonusTier: z.strictObject({ netGmvAtLeast: money, bonus: money }).optional(),
    total: money,
    excluded: z.array(z.strictObject({ currency, lines: z.number().int().positive(), gross: money })).max(20),
  })
  .superRefine((s, ctx) => {
    const amounts: [string, { currency: string }][] = [
      ['slotFee', s.slotFee],
      ['flatFee', s.flatFee],
      ['gross', s.gross],
      ['refunds', s.refunds],
      ['net', s.net],
      ['commission', s.commission],
      ['clawback', s.clawback],
      ['bonus', s.bonus],
      ['total', s.total],
      ...s.lines.flatMap((l, i): [string, { currency: string }][] => ['gross', 'refunds', 'net', 'commission', 'clawback'].map((f) => [`lines.${i}.${f}`, l[f as 'gross']])),
    ];
    for (const [path, m] of amounts) {
      if (m.currency !== s.currency) ctx.addIssue({ code: 'custom', message: `must be in ${s.currency}, not ${m.currency}`, path: path.split('.') });
    }
  });

export const payoutDocumentSchema = z
  .strictObject({
    language: z.enum(exportLanguages),
    generatedAt: z.iso.datetime(),
    brandName: text(300).optional(),
    zone: text(64),
    periodFrom: date.optional(),
    periodTo: date.optional(),
    notes: text(20_000).optional(),
    statement: statementSchema,
  })
  .superRefine((doc, ctx) => {
    const oversize = oversizeMessage('the payout statement', doc);
    if (oversize) ctx.addIssue({ code: 'custom', message: oversize, path: [] });
  }) satisfies z.ZodType<PayoutDocument>;

export const payoutExportFormats = ['pdf', 'csv'] as const;
export type PayoutExportFormat = (typeof payoutExportFormats)[number];
