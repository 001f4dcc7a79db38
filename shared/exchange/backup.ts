/**
 * Workspace backup file: every planning table in one JSON document, and its validation on restore.
 *
 * Format: `{ format: 'kol-studio-backup', version: BACKUP_VERSION, exportedAt, counts: {table: n}, tables: {table: rows} }`.
 * Versions: 1 = the planning tables; 2 adds the sales tables (orderLines, orderImports, orderMappings,
 * partnershipTerms; row schemas in shared/exchange/sales.schemas.ts). A version-1 file still restores, with the sales
 * tables empty (it has none: `tablesSince` says which version brought each table).
 * Assets (images) are written as `{ ...asset without data, mime, base64 }` and come back as Blobs.
 *
 * Invariants:
 * - `parseBackup` never throws: it returns the data or ONE error saying what is wrong and where (not JSON, cut
 *   short, not a backup, made by a newer version, a row of a table that is not valid with its path);
 * - `counts` is written before `tables`, so a file cut short is recognised even when what is left still parses,
 *   and a table holding fewer rows than announced is reported as truncated;
 * - a file of a newer format version is refused (we cannot know what it means), an older one is read;
 * - every row of every table is checked against the entity schemas (shared/exchange/entity.schemas.ts).
 * Restoring is the caller's job and must be one transaction (renderer/src/features/exchange/exchange.repo.ts).
 */
import type { z } from 'zod';
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
} from '../domain/entities';
import { base64ToBytes, bytesToBase64 } from './base64';
import {
  backupAssetSchema,
  brandSchema,
  campaignSchema,
  contentItemSchema,
  creatorSchema,
  productSchema,
  segmentSchema,
  showRunSchema,
  showSchema,
} from './entity.schemas';
import { orderImportSchema, orderLineSchema, orderMappingSchema, partnershipTermsSchema } from './sales.schemas';

export const BACKUP_FORMAT = 'kol-studio-backup';
export const BACKUP_VERSION = 2;

/** The tables a backup holds, in the order they are written and restored: the planning tables, then the sales tables. */
export const backupTables = [
  'brands',
  'creators',
  'campaigns',
  'contentItems',
  'products',
  'shows',
  'segments',
  'showRuns',
  'assets',
  'orderLines',
  'orderImports',
  'orderMappings',
  'partnershipTerms',
] as const;
export type BackupTable = (typeof backupTables)[number];

/** The backup version that first held each table (older files lack it: it restores empty). */
const tablesSince: Partial<Record<BackupTable, number>> = { orderLines: 2, orderImports: 2, orderMappings: 2, partnershipTerms: 2 };

export interface WorkspaceData {
  brands: Brand[];
  creators: Creator[];
  campaigns: Campaign[];
  contentItems: ContentItem[];
  products: Product[];
  shows: Show[];
  segments: Segment[];
  showRuns: ShowRun[];
  assets: Asset[];
  orderLines: OrderLine[];
  orderImports: OrderImport[];
  orderMappings: OrderColumnMapping[];
  partnershipTerms: PartnershipTerms[];
}

export type BackupError =
  | { code: 'empty' }
  | { code: 'notJson'; detail: string }
  | { code: 'truncated'; table?: string; expected?: number; found?: number }
  | { code: 'notBackup' }
  | { code: 'newerVersion'; version: number; supported: number }
  | { code: 'badVersion' }
  | { code: 'missingTable'; table: string }
  | { code: 'invalidRow'; table: string; row: number; path: string; detail: string };

export type BackupResult = { ok: true; data: WorkspaceData; exportedAt: string; version: number } | { ok: false; error: BackupError };

const rowSchemas = {
  brands: brandSchema,
  creators: creatorSchema,
  campaigns: campaignSchema,
  contentItems: contentItemSchema,
  products: productSchema,
  shows: showSchema,
  segments: segmentSchema,
  showRuns: showRunSchema,
  assets: backupAssetSchema,
  orderLines: orderLineSchema,
  orderImports: orderImportSchema,
  orderMappings: orderMappingSchema,
  partnershipTerms: partnershipTermsSchema,
} satisfies Record<BackupTable, z.ZodType>;

/** The backup file's text. Assets' binaries are read (async) and written as base64. */
export async function serializeBackup(data: WorkspaceData, now: Date = new Date()): Promise<string> {
  const assets = await Promise.all(
    data.assets.map(async ({ data: blob, ...rest }) => ({ ...rest, mime: rest.mime || blob.type, base64: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) })),
  );
  const tables = { ...data, assets };
  const counts = Object.fromEntries(backupTables.map((table) => [table, tables[table].length]));
  // Key order matters: `counts` precedes `tables` so truncation is detectable (see the header).
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), counts, tables });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and checks a backup file's text. Never throws. */
export function parseBackup(text: string): BackupResult {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { ok: false, error: { code: 'empty' } };
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch (error) {
    // A backup starts with our format marker; if it does and the JSON breaks, the file was cut short.
    if (trimmed.startsWith(`{"format":"${BACKUP_FORMAT}"`)) return { ok: false, error: { code: 'truncated' } };
    return { ok: false, error: { code: 'notJson', detail: error instanceof Error ? error.message : String(error) } };
  }
  if (!isRecord(doc) || doc.format !== BACKUP_FORMAT) return { ok: false, error: { code: 'notBackup' } };
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, error: { code: 'badVersion' } };
  if (version > BACKUP_VERSION) return { ok: false, error: { code: 'newerVersion', version, supported: BACKUP_VERSION } };
  const tables = doc.tables;
  const counts = isRecord(doc.counts) ? doc.counts : undefined;
  if (!isRecord(tables)) return { ok: false, error: counts ? { code: 'truncated' } : { code: 'missingTable', table: 'tables' } };
  const data: Partial<Record<BackupTable, unknown[]>> = {};
  for (const table of backupTables) {
    const rows = tables[table] ?? (version < (tablesSince[table] ?? 1) ? [] : undefined);
    if (!Array.isArray(rows)) return { ok: false, error: { code: 'missingTable', table } };
    const expected = counts?.[table];
    if (typeof expected === 'number' && expected !== rows.length) {
      return { ok: false, error: { code: 'truncated', table, expected, found: rows.length } };
    }
    const schema = rowSchemas[table];
    for (let i = 0; i < rows.length; i += 1) {
      const parsed = schema.safeParse(rows[i]);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return {
          ok: false,
          error: { code: 'invalidRow', table, row: i + 1, path: issue?.path.join('.') ?? '', detail: issue?.message ?? 'invalid' },
        };
      }
    }
    data[table] = rows;
  }
  const assets = (data.assets as z.output<typeof backupAssetSchema>[]).map(({ base64, ...rest }): Asset => ({
    ...rest,
    data: new Blob([base64ToBytes(base64)], { type: rest.mime }),
  }));
  return {
    ok: true,
    version,
    exportedAt: typeof doc.exportedAt === 'string' ? doc.exportedAt : '',
    data: {
      brands: data.brands as Brand[],
      creators: data.creators as Creator[],
      campaigns: data.campaigns as Campaign[],
      contentItems: data.contentItems as ContentItem[],
      products: data.products as Product[],
      shows: data.shows as Show[],
      segments: data.segments as Segment[],
      showRuns: data.showRuns as ShowRun[],
      assets,
      orderLines: data.orderLines as OrderLine[],
      orderImports: data.orderImports as OrderImport[],
      orderMappings: data.orderMappings as OrderColumnMapping[],
      partnershipTerms: data.partnershipTerms as PartnershipTerms[],
    },
  };
}
