/**
 * zod schemas of the planning entities (shared/domain/entities.ts), used at the doors where rows come in from
 * outside: backup files and CSV imports.
 * Invariants: the schemas accept exactly what the entity types allow (checked by the `satisfies` assertions
 * below at compile time); objects are loose (unknown keys are kept, never silently dropped), so a field added
 * later to an entity still round-trips through a backup made by this version.
 */
import { z } from 'zod';
import { contactProblem, type ContactField } from '../domain/contact';
import { orientations } from '../domain/safe-zones';
import { DRAW_ALGORITHM, MAX_ENTRANTS, MAX_WINNERS } from '../domain/giveaway';
import {
  beatKinds,
  campaignStatuses,
  contentStatuses,
  giveawayEntryKinds,
  kpiMetrics,
  dealLogActions,
  platforms,
  segmentKinds,
  showPlatforms,
  type Brand,
  type Campaign,
  type ContentItem,
  type Creator,
  type Product,
  type Segment,
  type Show,
  type ShowRun,
} from '../domain/entities';

const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO date-time');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');
const id = z.string().min(1);

export const moneySchema = z.object({
  amountMinor: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code'),
});

const stamped = { id, createdAt: instant, updatedAt: instant };
const count = z.number().int().nonnegative();

/** Sales targets of a show or segment (SalesTargets). */
export const salesTargetsSchema = z.looseObject({
  gmv: moneySchema.refine((money) => money.amountMinor >= 0, 'expected a GMV target of 0 or more').optional(),
  orders: count.optional(),
  units: count.optional(),
});

/** A content item's results (ContentResults). */
export const contentResultsSchema = z.looseObject({
  views: count.optional(),
  likes: count.optional(),
  comments: count.optional(),
  shares: count.optional(),
  saves: count.optional(),
  clicks: count.optional(),
  promoOrders: count.optional(),
  promoRevenue: moneySchema.optional(),
  at: instant.optional(),
});

const salesEntryBase = { id, at: instant, onAirSegmentId: id.optional(), by: z.enum(['desktop', 'host', 'controller']) };

/** A live sales entry as kept with its run (SalesEntry). */
export const salesEntrySchema = z.discriminatedUnion('kind', [
  z.looseObject({
    ...salesEntryBase,
    kind: z.literal('units'),
    segmentId: id.optional(),
    productId: id.optional(),
    mode: z.enum(['add', 'total']),
    units: z.number().int(),
    unitPrice: moneySchema.optional(),
  }),
  z.looseObject({ ...salesEntryBase, kind: z.literal('viewers'), current: count.optional(), peak: count.optional() }),
  z.looseObject({ ...salesEntryBase, kind: z.literal('note'), text: z.string().max(2000) }),
]);

export const brandSchema = z.looseObject({
  ...stamped,
  name: z.string(),
  contacts: z.array(z.looseObject({ name: z.string(), role: z.string().optional(), email: z.string().optional(), phone: z.string().optional() })),
  notes: z.string(),
  logoAssetId: id.optional(),
});

/** An optional contact field: absent, or text that passes the shared contact check (shared/domain/contact.ts). */
const contact = (field: ContactField) =>
  z
    .string()
    .refine((s) => s.trim() !== '' && contactProblem(field, s) === null, field === 'email' ? 'expected an email address' : `expected a valid ${field}`)
    .optional();

export const creatorSchema = z.looseObject({
  ...stamped,
  name: z.string(),
  handles: z.array(z.looseObject({ platform: z.enum(platforms), handle: z.string(), followers: z.number().int().nonnegative() })),
  engagementRate: z.number().nonnegative(),
  niches: z.array(z.string()),
  languages: z.array(z.string()),
  rateCard: z.array(z.looseObject({ deliverable: z.string(), price: moneySchema })),
  ownStore: z.string().optional(),
  notes: z.string(),
  email: contact('email'),
  phone: contact('phone'),
  wechatId: contact('wechatId'),
  agency: contact('agency'),
});

export const campaignSchema = z.looseObject({
  ...stamped,
  brandId: id,
  name: z.string(),
  goals: z.string(),
  kpis: z.array(z.looseObject({ name: z.string(), target: z.number(), unit: z.string().optional(), metric: z.enum(kpiMetrics).optional() })),
  budget: moneySchema,
  startDate: isoDate,
  endDate: isoDate,
  status: z.enum(campaignStatuses),
  brief: z.string(),
});

export const contentItemSchema = z.looseObject({
  ...stamped,
  title: z.string().max(200).optional(),
  campaignId: id,
  creatorId: id,
  platform: z.enum(platforms),
  format: z.string(),
  scheduledAt: instant,
  zone: z.string().min(1),
  status: z.enum(contentStatuses),
  statusHistory: z.array(z.looseObject({ status: z.enum(contentStatuses), by: z.string(), at: instant })),
  caption: z.string(),
  link: z.string().optional(),
  promoCode: z.string().optional(),
  sponsored: z.boolean(),
  disclosure: z.string().optional(),
  reviewedClaimKeys: z.array(z.string()).optional(),
  results: contentResultsSchema.optional(),
});

export const productSchema = z.looseObject({
  ...stamped,
  brandId: id,
  sku: z.string().min(1),
  name: z.string().min(1),
  variantNotes: z.string(),
  listPrice: moneySchema,
  imageAssetId: id.optional(),
  stockOnHand: z.number().int().nonnegative(),
  link: z.string().optional(),
  sellingPoints: z.array(z.string()),
});

export const showSchema = z.looseObject({
  ...stamped,
  title: z.string(),
  platforms: z.array(z.enum(showPlatforms)),
  startAt: instant,
  zone: z.string().min(1),
  hostIds: z.array(id),
  brandId: id.optional(),
  campaignId: id.optional(),
  targetDurationSec: z.number().nonnegative(),
  obsSceneCollection: z.string().optional(),
  isTemplate: z.boolean(),
  scriptVersion: z.string().optional(),
  scriptApproval: z.enum(['draft', 'approved']).optional(),
  orientation: z.enum(orientations).optional(),
  targets: salesTargetsSchema.optional(),
});

export const segmentSchema = z.looseObject({
  ...stamped,
  showId: id,
  rank: z.string().min(1),
  kind: z.enum(segmentKinds),
  title: z.string(),
  plannedSec: z.number().nonnegative(),
  talkingPoints: z.array(z.string()),
  productIds: z.array(id),
  deal: z
    .looseObject({
      price: moneySchema,
      code: z.string().optional(),
      stockCap: z.number().int().optional(),
      perBuyerLimit: z.number().int().optional(),
      countdownSec: z.number().optional(),
      ladder: z
        .array(
          z.looseObject({
            id,
            price: moneySchema,
            trigger: z.discriminatedUnion('kind', [
              z.looseObject({ kind: z.literal('time'), offsetSec: z.number().int().nonnegative() }),
              z.looseObject({ kind: z.literal('stock'), atOrBelow: z.number().int().nonnegative() }),
            ]),
          }),
        )
        .optional(),
    })
    .optional(),
  sponsored: z.boolean(),
  disclosureLabel: z.string().optional(),
  scene: z.string().optional(),
  overlays: z.looseObject({ dealCard: z.boolean(), countdown: z.boolean(), stock: z.boolean(), lowerThird: z.boolean(), disclosure: z.boolean() }),
  crewNotes: z.string(),
  fanGroupText: z.string(),
  cues: z.looseObject({ host: z.array(z.string()), assistant: z.array(z.string()), controller: z.array(z.string()) }).optional(),
  lowerThird: z
    .looseObject({ name: z.string().max(200).optional(), handle: z.string().max(200).optional(), line: z.string().max(300).optional() })
    .optional(),
  giveaway: z
    .looseObject({
      prize: z.string(),
      quantity: z.number().int().positive().optional(),
      entry: z.looseObject({ kind: z.enum(giveawayEntryKinds), text: z.string() }).optional(),
      rules: z.string(),
    })
    .optional(),
  reviewedClaimKeys: z.array(z.string()).optional(),
  beats: z
    .array(
      z.looseObject({
        id,
        kind: z.enum(beatKinds),
        label: z.string().optional(),
        offsetSec: z.number().int().nonnegative().optional(),
        units: z.number().int().positive().optional(),
      }),
    )
    .optional(),
  pinnedAt: instant.optional(),
  targets: salesTargetsSchema.optional(),
});

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits');

/** A giveaway draw as kept with its run (shared/domain/giveaway.ts): enough to check the draw again. */
export const giveawayDrawRecordSchema = z.looseObject({
  algorithm: z.literal(DRAW_ALGORITHM),
  segmentId: id,
  prize: z.string(),
  entryRule: z.string().optional(),
  winnerCount: z.number().int().positive().max(MAX_WINNERS),
  seed: hex64,
  seedHash: hex64,
  entrants: z.array(z.string()).max(MAX_ENTRANTS),
  entrantsHash: hex64,
  winners: z.array(z.string()).max(MAX_WINNERS),
  committedAt: instant,
  drawnAt: instant,
});

export const showRunSchema = z.looseObject({
  ...stamped,
  showId: id,
  showTitle: z.string(),
  startedAt: instant,
  endedAt: instant.optional(),
  rehearsal: z.boolean(),
  plan: z.array(z.looseObject({ segmentId: id, title: z.string(), kind: z.enum(segmentKinds), plannedSec: z.number(), stockCap: z.number().optional() })),
  segments: z.array(z.looseObject({ segmentId: id, startedAt: instant, endedAt: instant.optional() })),
  deals: z.array(
    z.looseObject({
      segmentId: id,
      at: instant,
      action: z.enum(dealLogActions),
      value: z.number().optional(),
    }),
  ),
  beats: z
    .array(
      z.looseObject({
        segmentId: id,
        beatId: id,
        kind: z.enum(beatKinds),
        label: z.string().optional(),
        at: instant,
        by: z.enum(['hand', 'time']),
      }),
    )
    .optional(),
  notes: z.string(),
  giveaways: z.array(giveawayDrawRecordSchema).max(1000).optional(),
  sales: z.array(salesEntrySchema).optional(),
  audience: z.looseObject({ uniqueViewers: count.optional(), views: count.optional() }).optional(),
});

/** An asset as written in a backup: the binary as base64 text. */
export const backupAssetSchema = z.looseObject({
  ...stamped,
  name: z.string(),
  mime: z.string(),
  base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64 data'),
});

// Compile-time checks: what the schemas accept is assignable to the entity types.
type Accepts<S extends z.ZodType, T> = z.output<S> extends T ? true : never;
export const schemasMatchEntities: [
  Accepts<typeof brandSchema, Brand>,
  Accepts<typeof creatorSchema, Creator>,
  Accepts<typeof campaignSchema, Campaign>,
  Accepts<typeof contentItemSchema, ContentItem>,
  Accepts<typeof productSchema, Product>,
  Accepts<typeof showSchema, Show>,
  Accepts<typeof segmentSchema, Segment>,
  Accepts<typeof showRunSchema, ShowRun>,
] = [true, true, true, true, true, true, true, true];
