/**
 * The asset store: product images (and later brand logos) that the renderer uploads once and the services keep
 * and serve by content hash, so images never travel inside snapshots, runner patches or export requests.
 *
 * Invariants:
 * - an asset is the file <dir>/<sha256 hex of its bytes>; the name is the hash, so a file is never overwritten
 *   with other content, and putting the same bytes twice is a no-op;
 * - only PNG, JPEG and WebP are kept, recognised by their leading bytes (the declared type must agree), at most
 *   MAX_ASSET_BYTES; anything else is refused with a sentence saying why;
 * - a hash that is not 64 lowercase hex digits never reaches the file system (no path can be built from it);
 * - writes are atomic (temp file + rename): a reader sees a whole asset or none.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { StudioError } from '../../../shared/contract/errors';
import { ASSET_HASH_PATTERN, MAX_ASSET_BYTES, type AssetMimeType } from '../../../shared/contract/limits';
import { writeFileAtomic } from '../storage/atomic-file';

export interface StoredAsset {
  hash: string;
  mime: AssetMimeType;
  bytes: Buffer;
}

/** What readers need (overlay server, export). */
export interface AssetReader {
  read(hash: string): Promise<StoredAsset | null>;
}

export interface AssetStore extends AssetReader {
  readonly dir: string;
  /** Keeps the image; resolves with its hash. Refuses other types, mismatched types and oversized images. */
  put(bytes: Buffer, declaredMime?: string): Promise<{ hash: string; mime: AssetMimeType; size: number }>;
  /** The hashes of `hashes` that the store does not hold (in the order given, each once). */
  missing(hashes: readonly string[]): Promise<string[]>;
  /** data: URL of a kept image, or null. */
  dataUrl(hash: string): Promise<string | null>;
}

/** The image type of `bytes` by its signature, or null when it is none of PNG, JPEG, WebP. */
export function sniffImageType(bytes: Uint8Array): AssetMimeType | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47 && bytes[4] === 0x0d && bytes[5] === 0x0a && bytes[6] === 0x1a && bytes[7] === 0x0a) {
    return 'image/png';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}

export function assetHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function isAssetHash(value: unknown): value is string {
  return typeof value === 'string' && ASSET_HASH_PATTERN.test(value);
}

export function createAssetStore(dir: string): AssetStore {
  let ready: Promise<unknown> | null = null;
  const ensureDir = () => (ready ??= mkdir(dir, { recursive: true }));
  const fileOf = (hash: string) => path.join(dir, hash);

  async function read(hash: string): Promise<StoredAsset | null> {
    if (!isAssetHash(hash)) return null;
    let bytes: Buffer;
    try {
      bytes = await readFile(fileOf(hash));
    } catch {
      return null;
    }
    const mime = sniffImageType(bytes);
    // A file changed on disk behind the store's back is not served.
    if (!mime || bytes.length > MAX_ASSET_BYTES || assetHash(bytes) !== hash) return null;
    return { hash, mime, bytes };
  }

  return {
    dir,
    read,
    async put(bytes, declaredMime) {
      if (bytes.length === 0) throw new StudioError('invalid-arguments', 'The image is empty.');
      if (bytes.length > MAX_ASSET_BYTES) {
        throw new StudioError('invalid-arguments', `The image is ${Math.ceil(bytes.length / 1024)} KB; images of at most ${MAX_ASSET_BYTES / 1024} KB are kept.`);
      }
      const mime = sniffImageType(bytes);
      if (!mime) throw new StudioError('invalid-arguments', 'The file is not a PNG, JPEG or WebP image.');
      if (declaredMime !== undefined && declaredMime !== mime) {
        throw new StudioError('invalid-arguments', `The image was sent as ${declaredMime} but it is ${mime}.`);
      }
      const hash = assetHash(bytes);
      await ensureDir();
      const exists = await stat(fileOf(hash)).then(
        (info) => info.isFile() && info.size === bytes.length,
        () => false,
      );
      if (!exists) await writeFileAtomic(fileOf(hash), bytes, `${fileOf(hash)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
      return { hash, mime, size: bytes.length };
    },
    async missing(hashes) {
      const unique = [...new Set(hashes)];
      const present = await Promise.all(
        unique.map((hash) =>
          isAssetHash(hash)
            ? stat(fileOf(hash)).then(
                (info) => info.isFile(),
                () => false,
              )
            : Promise.resolve(false),
        ),
      );
      return unique.filter((_, i) => !present[i]);
    },
    async dataUrl(hash) {
      const asset = await read(hash);
      return asset ? `data:${asset.mime};base64,${asset.bytes.toString('base64')}` : null;
    },
  };
}
