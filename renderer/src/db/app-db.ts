/**
 * AppDb: the renderer's planning database (IndexedDB through Dexie). One class, typed tables.
 * Invariants: string ids (never auto-increment); every record has updatedAt; segments ordered by
 * [showId+rank]; every past version() stays declared, with an upgrade() whenever data moves.
 * Components never use this directly: they read through feature hooks (useLiveQuery) and write through repos.
 */
import { Dexie, type EntityTable } from 'dexie';
import type {
  Asset,
  Brand,
  Campaign,
  ContentItem,
  Creator,
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
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
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
    });
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
