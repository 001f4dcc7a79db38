/** The workspace document's row writes: only what changed is written, deletes are soft, and the field authorship. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deletedRows, liveRows, lostConcurrently, fieldAuthorship, patchRows, putRows, readRow, restoreRows, softDeleteRows } from './workspace-doc';

function doc(): Y.Doc {
  return new Y.Doc();
}

describe('patchRows', () => {
  it('writes only the fields the edit changed, so another machine’s edit of another field survives', () => {
    const a = doc();
    const b = doc();
    a.transact(() => putRows(a, 'brands', [{ id: 'b1', name: 'Lumi', notes: '' }]));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // B changes the notes; A, whose copy is still the old one, changes the name from that copy.
    b.transact(() => patchRows(b, 'brands', [{ before: { id: 'b1', name: 'Lumi', notes: '' }, after: { id: 'b1', name: 'Lumi', notes: 'B’s note' } }]));
    const changes = a.transact(() => patchRows(a, 'brands', [{ before: { id: 'b1', name: 'Lumi', notes: '' }, after: { id: 'b1', name: 'Lumi Beauty', notes: '' } }]));
    expect(changes).toEqual([{ table: 'brands', id: 'b1', field: 'name', value: 'Lumi Beauty' }]);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readRow(a, 'brands', 'b1')).toEqual({ id: 'b1', name: 'Lumi Beauty', notes: 'B’s note' });
    expect(readRow(b, 'brands', 'b1')).toEqual(readRow(a, 'brands', 'b1'));
  });

  it('removes a field the edit removed, and writes a new row whole', () => {
    const a = doc();
    a.transact(() => patchRows(a, 'brands', [{ after: { id: 'b1', name: 'Lumi', website: 'lumi.example' } }]));
    a.transact(() => patchRows(a, 'brands', [{ before: { id: 'b1', name: 'Lumi', website: 'lumi.example' }, after: { id: 'b1', name: 'Lumi' } }]));
    expect(readRow(a, 'brands', 'b1')).toEqual({ id: 'b1', name: 'Lumi' });
  });

  it('adds nothing to the document when nothing changed', () => {
    const a = doc();
    a.transact(() => putRows(a, 'brands', [{ id: 'b1', name: 'Lumi' }]));
    const before = Y.encodeStateVector(a);
    a.transact(() => patchRows(a, 'brands', [{ before: { id: 'b1', name: 'Lumi' }, after: { id: 'b1', name: 'Lumi' } }]));
    a.transact(() => putRows(a, 'brands', [{ id: 'b1', name: 'Lumi' }]));
    expect(Y.encodeStateVector(a)).toEqual(before);
  });
});

describe('soft deletes', () => {
  it('keeps a deleted row with its fields, out of the live rows, and brings it back on restore', () => {
    const a = doc();
    a.transact(() => putRows(a, 'brands', [{ id: 'b1', name: 'Lumi' }, { id: 'b2', name: 'Kept' }]));
    a.transact(() => softDeleteRows(a, 'brands', ['b1'], '2026-12-01T10:00:00.000Z'));
    expect(liveRows(a, 'brands').map((row) => row.id)).toEqual(['b2']);
    expect(deletedRows(a, 'brands')).toEqual([{ id: 'b1', name: 'Lumi', deletedAt: '2026-12-01T10:00:00.000Z' }]);
    a.transact(() => restoreRows(a, 'brands', ['b1']));
    expect(liveRows(a, 'brands').map((row) => row.id)).toEqual(['b1', 'b2']);
  });
});

describe('lostConcurrently', () => {
  it('tells a value that lost to a concurrent write from one replaced knowingly', () => {
    const a = doc();
    const b = doc();
    a.transact(() => putRows(a, 'brands', [{ id: 'b1', name: 'Lumi' }]));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    a.transact(() => patchRows(a, 'brands', [{ before: { id: 'b1', name: 'Lumi' }, after: { id: 'b1', name: 'From A' } }]));
    b.transact(() => patchRows(b, 'brands', [{ before: { id: 'b1', name: 'Lumi' }, after: { id: 'b1', name: 'From B' } }]));
    const mineA = fieldAuthorship(a, 'brands', 'b1', 'name')?.item as { client: number; clock: number };
    const mineB = fieldAuthorship(b, 'brands', 'b1', 'name')?.item as { client: number; clock: number };
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const lostA = lostConcurrently(a, 'brands', 'b1', 'name', mineA);
    const lostB = lostConcurrently(b, 'brands', 'b1', 'name', mineB);
    // Exactly one of the two lost; the winner's value still stands (undefined: nothing to tell).
    expect([lostA, lostB].sort()).toEqual([true, undefined]);
    // A later edit that saw the winner replaces it knowingly: not a conflict for the winner.
    const winner = lostA === undefined ? a : b;
    const winnerItem = (lostA === undefined ? mineA : mineB);
    const name = String(readRow(winner, 'brands', 'b1')?.name);
    const other = winner === a ? b : a;
    other.transact(() => patchRows(other, 'brands', [{ before: { id: 'b1', name }, after: { id: 'b1', name: 'Later' } }]));
    Y.applyUpdate(winner, Y.encodeStateAsUpdate(other));
    expect(lostConcurrently(winner, 'brands', 'b1', 'name', winnerItem)).toBe(false);
  });
});
