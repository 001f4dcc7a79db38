import { describe, expect, it } from 'vitest';
import { deleteWithUndo, runAction, type Notices } from './entity-actions';

function recorder() {
  const seen: string[] = [];
  const notices: Notices = {
    deleted: (what) => seen.push(`deleted ${what}`),
    error: (title, error) => seen.push(`error ${title}: ${error instanceof Error ? error.message : String(error)}`),
  };
  return { seen, notices };
}

class InUse extends Error {}

describe('row actions', () => {
  it('offers the undo of a delete under the row name', async () => {
    const { seen, notices } = recorder();
    await deleteWithUndo('Glow Serum', async () => async () => {}, 'Could not delete the product', undefined, notices);
    expect(seen).toEqual(['deleted Glow Serum']);
  });

  it('shows a failed delete as an error and offers no undo', async () => {
    const { seen, notices } = recorder();
    await deleteWithUndo('Glow Serum', () => Promise.reject(new Error('The database is closed.')), 'Could not delete the product', undefined, notices);
    expect(seen).toEqual(['error Could not delete the product: The database is closed.']);
  });

  it('explains a refusal it knows in its own sentence, and others under the generic title', async () => {
    const explain = (error: unknown) => (error instanceof InUse ? { title: 'Lumi is still in use', message: '2 campaigns belong to this brand.' } : undefined);
    const { seen, notices } = recorder();
    await deleteWithUndo('Lumi', () => Promise.reject(new InUse('x')), 'Could not delete the brand', explain, notices);
    await runAction(() => Promise.reject(new Error('Disk full.')), 'Could not duplicate the brand', explain, notices);
    expect(seen).toEqual(['error Lumi is still in use: 2 campaigns belong to this brand.', 'error Could not duplicate the brand: Disk full.']);
  });

  it('returns what the work returns when it succeeds', async () => {
    const { seen, notices } = recorder();
    expect(await runAction(async () => 'id-1', 'Could not save', undefined, notices)).toBe('id-1');
    expect(seen).toEqual([]);
  });
});
