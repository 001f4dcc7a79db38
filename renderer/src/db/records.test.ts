/** editedFields: what an editor changed from the record as it opened it. */
import { describe, expect, it } from 'vitest';
import { editedFields } from './records';

describe('editedFields', () => {
  interface Row {
    name: string;
    notes: string;
    tags: string[];
    deal?: { price: number; code: string } | undefined;
    link?: string;
  }
  const base: Row = { name: 'Lumi', notes: 'old', tags: ['a', 'b'], deal: { price: 100, code: 'X' }, link: 'https://a' };

  it('returns only the fields whose value changed, comparing nested values by content', () => {
    expect(editedFields(base, { ...base, notes: 'new', deal: { code: 'X', price: 100 } })).toEqual({ notes: 'new' });
    expect(editedFields(base, { ...base, tags: ['b', 'a'] })).toEqual({ tags: ['b', 'a'] });
    expect(editedFields(base, { ...base })).toEqual({});
  });

  it('returns a field the user cleared as undefined: set to undefined, or an optional field left out', () => {
    expect(editedFields<Row>(base, { ...base, deal: undefined })).toEqual({ deal: undefined });
    expect('deal' in editedFields<Row>(base, { ...base, deal: undefined })).toBe(true);
    const { link: _link, ...withoutLink } = base;
    void _link;
    expect(editedFields<Row>(base, withoutLink, ['link'])).toEqual({ link: undefined });
    expect('link' in editedFields<Row>(base, withoutLink, ['link'])).toBe(true);
    expect(editedFields<Row>(base, withoutLink)).toEqual({});
  });
});
