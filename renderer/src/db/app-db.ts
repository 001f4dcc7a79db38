/**
 * AppDb: the renderer's planning database (IndexedDB through Dexie). One class, typed tables.
 * Invariants: string ids (never auto-increment); every record has updatedAt; segments ordered by
 * [showId+rank]; every past version() stays declared, with an upgrade() whenever data moves.
 * Components never use this directly: they read through feature hooks (useLiveQuery) and write through repos.
 *
 * Versions (keep them all; tests open a v1 database and upgrade it: app-db.upgrade.test.ts):
 * - v1: the first schema.
 * - v2: only indexes a query uses: every index costs each write (a restore writes ~35,000 rows of a large
 *   workspace), and the roster, search and calendar filters run in memory over ranges the indexes fetch. So
 *   contentItems drop v1's platform, status and updatedAt indexes (no query used them);
 *   upgrade: creator handles are stored normalised (no leading '@', no surrounding spaces, followers a
 *   non-negative integer), and content items get a boolean `sponsored` and a `statusHistory` array when
 *   older rows lacked them; products get `sellingPoints` when missing. (IndexedDB cannot index booleans, so
 *   "sponsored" stays a filter over the [campaignId+scheduledAt] range, not an index.)
 * - v3: sales and partnership money (no data moves): orderLines (imported order lines, keyed by `orderId#lineNo` so
 *   a re-import writes the same rows; indexed by the show and run they are attributed to, and by import),
 *   orderImports (one row per imported file), orderMappings (saved column mappings of the generic import),
 *   partnershipTerms (per creator; for one show, one campaign, or the creator's default).
 * - v4: team sync (no data moves): syncLog (the workspace's Yjs updates, appended in the same transaction as the rows
 *   they project; a local append log, so its key is an auto-incremented sequence, the one exception to string ids)
 *   and syncState (this machine's team settings: the workspace it belongs to, changes made offline, conflicts).
 *   Both stay empty in a local workspace; a team workspace has its own database (renderer/src/sync/).
 */
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type {
  Asset,
  Brand,
  Campaign,
  ContentItem,
  Creator,
  OrderColumnMapping,
  OrderImport,
  OrderLine,
  PartnershipTerms,
  Product,
  Segment,
  Show,
  ShowRun,
} from '../../../shared/domain/entities';

export interface SettingRow {
  key: string;
  value: unknown;
  updatedAt: string;
}

export const DB_NAME = 'kol-studio';
export const DB_VERSION = 4;

/** The v1 stores, exactly as first shipped (kept verbatim: Dexie needs every past version to upgrade from it). */
export const storesV1 = {
  brands: 'id, name, updatedAt',
  creators: 'id, name, updatedAt',
  campaigns: 'id, brandId, status, startDate, updatedAt',
  contentItems: 'id, campaignId, creatorId, platform, status, scheduledAt, [campaignId+scheduledAt], updatedAt',
  products: 'id, brandId, sku, name, updatedAt',
  shows: 'id, startAt, campaignId, brandId, updatedAt',
  segments: 'id, showId, [showId+rank], updatedAt',
  showRuns: 'id, showId, startedAt, updatedAt',
  assets: 'id, updatedAt',
  settings: 'key',
} as const;

/** v2: only the stores whose indexes changed (Dexie carries the others over). */
const storesV2 = {
  contentItems: 'id, campaignId, creatorId, scheduledAt, [campaignId+scheduledAt]',
} as const;

/** v3: new stores only (see the header). */
const storesV3 = {
  orderLines: 'id, showId, runId, importId, orderedAt',
  orderImports: 'id, importedAt',
  orderMappings: 'id, name',
  partnershipTerms: 'id, creatorId, showId, campaignId',
} as const;

/** v4: new stores only (see the header). */
const storesV4 = {
  syncLog: '++seq, part',
  syncState: 'key',
} as const;

/** One Yjs update of a team workspace's document part, as this machine stored it. */
export interface SyncLogRow {
  seq?: number;
  part: 'plan' | 'finance';
  update: Uint8Array;
}

function normalizeHandleText(handle: unknown): string {
  return typeof handle === 'string' ? handle.trim().replace(/^@+/, '').trim() : '';
}

/**
 * v1 → v2 data migration (see the header). Idempotent: running it on v2 data changes nothing. It normalises
 * rows written before v2; the CSV import writes normalised handles too (shared/exchange/csv-import.ts).
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('creators')
    .toCollection()
    .modify((creator: Record<string, unknown>) => {
      const handles = Array.isArray(creator.handles) ? (creator.handles as Record<string, unknown>[]) : [];
      creator.handles = handles.map((h) => ({
        ...h,
        handle: normalizeHandleText(h.handle),
        followers: typeof h.followers === 'number' && Number.isFinite(h.followers) ? Math.max(0, Math.round(h.followers)) : 0,
      }));
      if (!Array.isArray(creator.niches)) creator.niches = [];
      if (!Array.isArray(creator.languages)) creator.languages = [];
    });
  await tx
    .table('contentItems')
    .toCollection()
    .modify((item: Record<string, unknown>) => {
      item.sponsored = item.sponsored === true || item.sponsored === 'true' || item.sponsored === 1;
      if (!Array.isArray(item.statusHistory)) item.statusHistory = [];
    });
  await tx
    .table('products')
    .toCollection()
    .modify((product: Record<string, unknown>) => {
      if (!Array.isArray(product.sellingPoints)) product.sellingPoints = [];
    });
}

export class AppDb extends Dexie {
  brands!: EntityTable<Brand, 'id'>;
  creators!: EntityTable<Creator, 'id'>;
  campaigns!: EntityTable<Campaign, 'id'>;
  contentItems!: EntityTable<ContentItem, 'id'>;
  products!: EntityTable<Product, 'id'>;
  shows!: EntityTable<Show, 'id'>;
  segments!: EntityTable<Segment, 'id'>;
  showRuns!: EntityTable<ShowRun, 'id'>;
  assets!: EntityTable<Asset, 'id'>;
  orderLines!: EntityTable<OrderLine, 'id'>;
  orderImports!: EntityTable<OrderImport, 'id'>;
  orderMappings!: EntityTable<OrderColumnMapping, 'id'>;
  partnershipTerms!: EntityTable<PartnershipTerms, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  syncLog!: EntityTable<SyncLogRow, 'seq'>;
  syncState!: EntityTable<SettingRow, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(storesV1);
    this.version(2).stores(storesV2).upgrade(upgradeToV2);
    this.version(3).stores(storesV3);
    this.version(4).stores(storesV4);
  }
}

/** The planning tables, in the order a workspace is written (referenced rows first). */
export const workspaceTables = [
  'brands',
  'creators',
  'campaigns',
  'contentItems',
  'products',
  'shows',
  'segments',
  'showRuns',
  'assets',
] as const satisfies readonly (keyof AppDb)[];
export type WorkspaceTable = (typeof workspaceTables)[number];

/** v3's sales and partnership tables (outside workspaceTables; in backups since version 2: shared/exchange/backup.ts). */
export const salesTables = ['orderLines', 'orderImports', 'orderMappings', 'partnershipTerms'] as const satisfies readonly (keyof AppDb)[];
