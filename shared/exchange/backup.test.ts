/** Backup files: round trip (assets included) and clear refusals of wrong, truncated and newer files. */
import { describe, expect, it } from 'vitest';
import { buildSampleWorkspace } from '../sample/sample-workspace';
import { BACKUP_VERSION, parseBackup, serializeBackup, type WorkspaceData } from './backup';

const stamp = '2026-11-26T09:00:00.000Z';
function workspace(): WorkspaceData {
  const sample = buildSampleWorkspace(new Date(stamp));
  const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 255, 1, 2]);
  return {
    ...sample,
    showRuns: [],
    assets: [{ id: 'asset-1', name: 'logo.png', mime: 'image/png', data: new Blob([png], { type: 'image/png' }), createdAt: stamp, updatedAt: stamp }],
  };
}

describe('backup', () => {
  it('round-trips every table, binaries included', async () => {
    const data = workspace();
    const text = await serializeBackup(data, new Date(stamp));
    const result = parseBackup(text);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.version).toBe(BACKUP_VERSION);
    const { assets, ...rest } = result.data;
    const { assets: originalAssets, ...originalRest } = data;
    expect(rest).toEqual(originalRest);
    expect(assets).toHaveLength(1);
    expect(assets[0]?.mime).toBe('image/png');
    expect(new Uint8Array(await (assets[0]?.data as Blob).arrayBuffer())).toEqual(new Uint8Array(await (originalAssets[0]?.data as Blob).arrayBuffer()));
  });

  it('refuses a file that is not a backup, or not JSON', () => {
    expect(parseBackup('')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(parseBackup('name,sku\nA,B')).toMatchObject({ ok: false, error: { code: 'notJson' } });
    expect(parseBackup('{"hello":1}')).toEqual({ ok: false, error: { code: 'notBackup' } });
  });

  it('refuses a truncated file, even when what is left still parses', async () => {
    const text = await serializeBackup(workspace());
    expect(parseBackup(text.slice(0, Math.floor(text.length / 2)))).toEqual({ ok: false, error: { code: 'truncated' } });
    const doc = JSON.parse(text) as { tables: { contentItems: unknown[] } };
    doc.tables.contentItems.pop();
    expect(parseBackup(JSON.stringify(doc))).toMatchObject({ ok: false, error: { code: 'truncated', table: 'contentItems', expected: 20, found: 19 } });
  });

  it('refuses a newer format version, naming both versions', async () => {
    const doc = JSON.parse(await serializeBackup(workspace())) as { version: number };
    doc.version = BACKUP_VERSION + 1;
    expect(parseBackup(JSON.stringify(doc))).toEqual({ ok: false, error: { code: 'newerVersion', version: BACKUP_VERSION + 1, supported: BACKUP_VERSION } });
  });

  it('names the table, row and field of an invalid row', async () => {
    const doc = JSON.parse(await serializeBackup(workspace())) as { tables: { products: { listPrice: unknown }[] } };
    const third = doc.tables.products[2];
    if (third) third.listPrice = { amountMinor: 1.5, currency: 'CNY' };
    expect(parseBackup(JSON.stringify(doc))).toMatchObject({ ok: false, error: { code: 'invalidRow', table: 'products', row: 3, path: 'listPrice.amountMinor' } });
  });
});

describe('backup of the planning basics', () => {
  it('round-trips creator contacts and content titles, and still reads a file made before them', async () => {
    const data = workspace();
    const [first, ...others] = data.creators;
    data.creators = [{ ...first!, email: 'lin@glow.cn', phone: '+86 138 0013 8000', wechatId: 'xiaoyu_2024', agency: '星辰MCN' }, ...others];
    const [item, ...rest] = data.contentItems;
    data.contentItems = [{ ...item!, title: '补水预告 Hydration teaser', platform: 'kuaishou' }, ...rest];
    const result = parseBackup(await serializeBackup(data, new Date(stamp)));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.data.creators[0]).toMatchObject({ email: 'lin@glow.cn', wechatId: 'xiaoyu_2024', agency: '星辰MCN' });
    expect(result.data.contentItems[0]).toMatchObject({ title: '补水预告 Hydration teaser', platform: 'kuaishou' });
    // A file from before these fields (the plain sample) parses as it is.
    expect(parseBackup(await serializeBackup(workspace(), new Date(stamp))).ok).toBe(true);
  });

  it('names the field of a creator whose email is not an address', async () => {
    const doc = JSON.parse(await serializeBackup(workspace())) as { tables: { creators: { email?: string }[] } };
    doc.tables.creators[1]!.email = 'not-an-email';
    expect(parseBackup(JSON.stringify(doc))).toMatchObject({ ok: false, error: { code: 'invalidRow', table: 'creators', row: 2, path: 'email' } });
  });
});

describe('backup of role cues', () => {
  it('round-trips a segment’s cues per role, reads segments without cues, and names a bad cue', async () => {
    const data = workspace();
    const [segment, ...others] = data.segments;
    data.segments = [{ ...segment!, cues: { host: ['3, 2, 1 上链接'], assistant: ['Tap cart link 1'], controller: ['Release 50 units'] } }, ...others];
    const text = await serializeBackup(data, new Date(stamp));
    const result = parseBackup(text);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.data.segments[0]!.cues).toEqual({ host: ['3, 2, 1 上链接'], assistant: ['Tap cart link 1'], controller: ['Release 50 units'] });
    expect(result.data.segments[1]).not.toHaveProperty('cues');
    const doc = JSON.parse(text) as { tables: { segments: { cues?: { controller: unknown } }[] } };
    doc.tables.segments[0]!.cues!.controller = 'Release 50 units';
    expect(parseBackup(JSON.stringify(doc))).toMatchObject({ ok: false, error: { code: 'invalidRow', table: 'segments', row: 1, path: 'cues.controller' } });
  });
});

describe('backup of beats, price ladders, hard starts and beat logs', () => {
  it('round-trips them, and names the field of a bad beat kind', async () => {
    const data = workspace();
    const index = data.segments.findIndex((s) => s.deal);
    const segment = data.segments[index]!;
    data.segments[index] = {
      ...segment,
      beats: [{ id: 'b1', kind: 'price_reveal', offsetSec: 60, label: '3, 2, 1' }, { id: 'b2', kind: 'stock_release', units: 20 }],
      deal: { ...segment.deal!, ladder: [{ id: 'l1', price: { amountMinor: 100, currency: 'CNY' }, trigger: { kind: 'stock', atOrBelow: 5 } }] },
      pinnedAt: '2026-11-29T12:15:00.000Z',
    };
    data.showRuns = [
      {
        id: 'run-1', showId: segment.showId, showTitle: 'Night', startedAt: stamp, rehearsal: true, plan: [], segments: [],
        deals: [{ segmentId: segment.id, at: stamp, action: 'price_step', value: 1 }],
        beats: [{ segmentId: segment.id, beatId: 'b1', kind: 'price_reveal', at: stamp, by: 'time' }],
        notes: '', createdAt: stamp, updatedAt: stamp,
      },
    ];
    const result = parseBackup(await serializeBackup(data, new Date(stamp)));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.data.segments[index]).toEqual(data.segments[index]);
    expect(result.data.showRuns).toEqual(data.showRuns);

    const doc = JSON.parse(await serializeBackup(data)) as { tables: { segments: { beats?: { kind: string }[] }[] } };
    doc.tables.segments[index]!.beats![1]!.kind = 'fireworks';
    expect(parseBackup(JSON.stringify(doc))).toMatchObject({ ok: false, error: { code: 'invalidRow', table: 'segments', row: index + 1, path: 'beats.1.kind' } });
  });
});
