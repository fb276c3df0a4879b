import { applyToMany, applyToOne, isRelationChange } from './form-data';

describe('relation changes from the admin form', () => {
  it('tells a change from an entry', () => {
    expect(isRelationChange({ connect: [], disconnect: [] })).toBe(true);
    expect(isRelationChange({ documentId: 'a', connect: [] })).toBe(false);
    expect(isRelationChange(['a'])).toBe(false);
    expect(isRelationChange(null)).toBe(false);
  });

  it('applies a to-one change to the stored relation', () => {
    expect(applyToOne('a', { connect: [], disconnect: [] })).toBe('a');
    expect(applyToOne('a', { connect: [{ id: 3, documentId: 'b', locale: 'zh-Hant' }], disconnect: [{ documentId: 'a' }] })).toBe('b');
    expect(applyToOne('a', { disconnect: [{ documentId: 'a' }] })).toBeNull();
    expect(applyToOne(null, { connect: ['b', 'c'] })).toBe('c');
    expect(applyToOne('a', { disconnect: ['x'] })).toBe('a');
  });

  it('applies a to-many change, keeping the stored order', () => {
    expect(
      applyToMany(['q1', 'q2', 'q3'], { connect: [{ documentId: 'q4' }, { documentId: 'q2' }], disconnect: [{ documentId: 'q1' }] }),
    ).toEqual(['q2', 'q3', 'q4']);
    expect(applyToMany([], {})).toEqual([]);
  });
});
