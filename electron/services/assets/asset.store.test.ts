/**
 * The asset store on a real temp directory: keeps PNG/JPEG/WebP by SHA-256, refuses anything else with a
 * sentence, reports what is missing, never reads outside its folder, never serves a file changed behind its back.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ASSET_BYTES } from '../../../shared/contract/limits';
import { assetHash, createAssetStore, sniffImageType, type AssetStore } from './asset.store';

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([4, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

let dir: string;
let store: AssetStore;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kol-assets-'));
  store = createAssetStore(path.join(dir, 'assets'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('asset store', () => {
  it('recognises png, jpeg and webp by their bytes only', () => {
    expect(sniffImageType(png)).toBe('image/png');
    expect(sniffImageType(jpeg)).toBe('image/jpeg');
    expect(sniffImageType(webp)).toBe('image/webp');
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it('keeps an image as <dir>/<sha256>, once, and reads it back with its type', async () => {
    const put = await store.put(png, 'image/png');
    expect(put).toEqual({ hash: assetHash(png), mime: 'image/png', size: png.length });
    expect(await store.put(png)).toEqual(put);
    expect(readdirSync(store.dir)).toEqual([put.hash]);
    expect(await store.read(put.hash)).toEqual({ hash: put.hash, mime: 'image/png', bytes: png });
    expect(await store.dataUrl(put.hash)).toBe(`data:image/png;base64,${png.toString('base64')}`);
  });

  it('says which hashes it lacks (each once), and treats a malformed hash as missing', async () => {
    const { hash } = await store.put(jpeg);
    const other = assetHash(webp);
    expect(await store.missing([hash, other, other, '../../etc/passwd'])).toEqual([other, '../../etc/passwd']);
  });

  it('refuses other types, a lying type, empty and oversized images, with a sentence', async () => {
    await expect(store.put(Buffer.from('GIF89a....'))).rejects.toThrow('not a PNG, JPEG or WebP image');
    await expect(store.put(png, 'image/jpeg')).rejects.toThrow('sent as image/jpeg but it is image/png');
    await expect(store.put(Buffer.alloc(0))).rejects.toThrow('empty');
    const big = Buffer.concat([png, Buffer.alloc(MAX_ASSET_BYTES)]);
    await expect(store.put(big)).rejects.toThrow(/images of at most \d+ KB/);
  });

  it('never reads outside its folder and never serves a file changed behind its back', async () => {
    writeFileSync(path.join(dir, 'secret'), png);
    expect(await store.read('../secret')).toBeNull();
    const { hash } = await store.put(webp);
    writeFileSync(path.join(store.dir, hash), png);
    expect(await store.read(hash)).toBeNull();
  });
});
