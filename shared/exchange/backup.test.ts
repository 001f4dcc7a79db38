/** Backup files: round trip (assets included) and clear refusals of wrong, truncated and newer files. */
import { describe, expect, it } from 'vitest';
import { buildSampleWorkspace } from '../sample/sample-workspace';
import { buildSampleRun } from '../sample/sample-orders';
import { BACKUP_VERSION, parseBackup, serializeBackup, type WorkspaceData } from './backup';

const stamp = '2026-11-26T09:00:00.000Z';
function workspace(): WorkspaceData {
  const sample = buildSampleWorkspace(new Date(stamp));
  const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 255, 1, 2]);
  return {
    ...sample,
    showRuns: [buildSampleRun(sample)],
    assets: [{ id: 'asset-1', name: 'logo.png', mime: 'image/png', data: new Blob([png], { type: 'image/png' }), createdAt: stamp, updatedAt: stamp }],
    ...salesRows(),
  };
}

/** One row of each sales table. */
function salesRows(): Pick<WorkspaceData, 'orderLines' | 'orderImports' | 'orderMappings' | 'partnershipTerms'> {
  const stamped = { createdAt: stamp, updatedAt: stamp };
  return {
    orderLines: [
      { ...stamped, id: '6938#1', source: 'douyin', orderId: '6938', lineNo: '1', orderedAt: stamp, sku: 'GT-HA-30', productName: 'Serum', productId: 'sample-product-glow-ha-serum', quantity: 2, amount: { amountMinor: 29_800, currency: 'CNY' }, status: 'refunded', refund: { amountMinor: 14_900, currency: 'CNY' }, buyerId: 'momo', importId: 'import-1', showId: 'show-1', runId: 'run-1', segmentId: 'seg-1' },
      { ...stamped, id: '6939#1', source: 'douyin', orderId: '6939', lineNo: '1', orderedAt: stamp, sku: 'X', productName: 'X', quantity: 1, amount: { amountMinor: 100, currency: 'CNY' }, status: 'paid', importId: 'import-1', unmatched: 'outside_shows' },
    ],
    orderImports: [{ ...stamped, id: 'import-1', fileName: 'orders.csv', source: 'douyin', importedAt: stamp, lines: 2, added: 2, unmatched: 1 }],
    orderMappings: [{ ...stamped, id: 'map-1', name: 'My shop', columns: { orderId: 'Ref', amount: 'Paid' }, currency: 'USD', zone: 'America/New_York' }],
    partnershipTerms: [{ ...stamped, id: 'terms-1', creatorId: 'sample-creator-lin', currency: 'CNY', slotFee: { amountMinor: 500_000, currency: 'CNY' }, commissionRate: 0.2, productRates: [{ productId: 'p', rate: 0.3 }], bonusTiers: [{ netGmvAtLeast: { amountMinor: 10_000_000, currency: 'CNY' }, bonus: { amountMinor: 100_000, currency: 'CNY' } }] }],
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

describe('backup of the sales tables (version 2)', () => {
  it('restores a version-1 backup, with the sales tables empty', async () => {
    const doc = JSON.parse(await serializeBackup(workspace())) as { version: number; counts: Record<string, number>; tables: Record<string, unknown> };
    doc.version = 1;
    for (const table of ['orderLines', 'orderImports', 'orderMappings', 'partnershipTerms']) {
      delete doc.tables[table];
      delete doc.counts[table];
    }
    const result = parseBackup(JSON.stringify(doc));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.version).toBe(1);
    expect(result.data.products).toHaveLength(12);
    expect([result.data.orderLines, result.data.orderImports, result.data.orderMappings, result.data.partnershipTerms]).toEqual([[], [], [], []]);
  });

  it('refuses a version-2 backup without a sales table', async () => {
    const doc = JSON.parse(await serializeBackup(workspace())) as { tables: Record<string, unknown> };
    delete doc.tables.orderLines;
    expect(parseBackup(JSON.stringify(doc))).toEqual({ ok: false, error: { code: 'missingTable', table: 'orderLines' } });
  });

  it('names the row and field of an invalid sales row, unknown keys included', async () => {
    const text = await serializeBackup(workspace());
    const broken = (edit: (tables: Record<string, Record<string, unknown>[]>) => void) => {
      const doc = JSON.parse(text) as { tables: Record<string, Record<string, unknown>[]> };
      edit(doc.tables);
      return parseBackup(JSON.stringify(doc));
    };
    expect(broken((t) => Object.assign(t.orderLines![1]!, { quantity: 0 }))).toMatchObject({ ok: false, error: { code: 'invalidRow', table: 'orderLines', row: 2, path: 'quantity' } });
    expect(broken((t) => Object.assign(t.orderLines![0]!, { refund: { amountMinor: 99_999, currency: 'CNY' } }))).toMatchObject({ ok: false, error: { code: 'invalidRow', table: 'orderLines', row: 1, path: 'refund' } });
    expect(broken((t) => Object.assign(t.orderLines![0]!, { id: 'other' }))).toMatchObject({ ok: false, error: { code: 'invalidRow', table: 'orderLines', row: 1, path: 'id' } });
    expect(broken((t) => Object.assign(t.orderImports![0]!, { extra: true }))).toMatchObject({ ok: false, error: { code: 'invalidRow', table: 'orderImports', row: 1 } });
    expect(broken((t) => Object.assign(t.partnershipTerms![0]!, { commissionRate: 1.5 }))).toMatchObject({ ok: false, error: { code: 'invalidRow', table: 'partnershipTerms', row: 1, path: 'commissionRate' } });
    expect(broken((t) => Object.assign(t.orderMappings![0]!, { columns: { nope: 'x' } }))).toMatchObject({ ok: false, error: { code: 'invalidRow', table: 'orderMappings', row: 1 } });
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
