/**
 * The sync server's file store on a real folder: a never-stored document loads as nothing (the server never
 * seeds), a torn last frame is ignored, compaction keeps an update that was logged but not yet applied to the
 * live document, and two instances' files in one folder merge.
 */
import { appendFileSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createFileDocumentStore, readLogFrames } from './sync.store';

function updateSetting(key: string, value: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('rows').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

function loadRows(state: Uint8Array | null): Record<string, unknown> {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getMap('rows').toJSON();
}

describe('file document store', () => {
  it('loads a never-stored document as nothing and ignores a torn last frame', async () => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'kol-store-'));
    const store = createFileDocumentStore(data, 'main');
    expect(await store.load('agency')).toBeNull();
    await store.append('agency', updateSetting('a', 'kept'));
    const folder = path.join(data, 'docs', Buffer.from('agency').toString('base64url'));
    appendFileSync(path.join(folder, 'main.log'), Uint8Array.from([0, 0, 0, 200, 1, 2, 3])); // a crash mid-append
    expect(readLogFrames(new Uint8Array([0, 0, 0, 1]))).toEqual([]);
    expect(loadRows(await createFileDocumentStore(data, 'main').load('agency'))).toEqual({ a: 'kept' });
  });

  it('compaction keeps an update logged but not yet applied, then empties the log', async () => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'kol-store-'));
    const store = createFileDocumentStore(data, 'main');
    const live = new Y.Doc();
    const first = updateSetting('first', '1');
    await store.append('agency', first);
    Y.applyUpdate(live, first);
    const second = updateSetting('logged-only', '2');
    const logBytes = await store.append('agency', second); // Hocuspocus has not applied it yet
    expect(logBytes).toBe(2 * 4 + first.byteLength + second.byteLength);
    await store.compact('agency', live);
    const folder = path.join(data, 'docs', Buffer.from('agency').toString('base64url'));
    expect(statSync(path.join(folder, 'main.log')).size).toBe(0);
    expect(loadRows(await store.load('agency'))).toEqual({ first: '1', 'logged-only': '2' });
  });

  it('merges the files of two instances sharing one folder', async () => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'kol-store-'));
    await createFileDocumentStore(data, 'one').append('agency/finance', updateSetting('from-one', 'x'));
    const two = createFileDocumentStore(data, 'two');
    const live = new Y.Doc();
    Y.applyUpdate(live, updateSetting('from-two', 'y'));
    await two.compact('agency/finance', live);
    expect(readdirSync(path.join(data, 'docs', Buffer.from('agency/finance').toString('base64url'))).sort()).toEqual(['one.log', 'two.log', 'two.state']);
    expect(loadRows(await two.load('agency/finance'))).toEqual({ 'from-one': 'x', 'from-two': 'y' });
    expect(() => createFileDocumentStore(data, '../escape')).toThrow(/instance name/);
  });
});
