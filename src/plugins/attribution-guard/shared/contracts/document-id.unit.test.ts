import { documentIdProblem } from './document-id';

describe('documentIdProblem', () => {
  it('accepts one id, and no id where none is needed', () => {
    expect(documentIdProblem('publish', { documentId: 'abc123' })).toBeNull();
    expect(documentIdProblem('findMany', {})).toBeNull();
    expect(documentIdProblem('create', { data: {} })).toBeNull();
    expect(documentIdProblem('findOne', {})).toBeNull();
  });

  it('refuses filters, lists, numbers, empty and missing ids on single-document actions', () => {
    for (const action of ['publish', 'unpublish', 'discardDraft', 'update', 'delete', 'clone']) {
      for (const documentId of [{ $ne: 'x' }, ['a'], 1, '', '  ', null, undefined])
        expect(documentIdProblem(action, { documentId })).toEqual(expect.any(String));
      expect(documentIdProblem(action, {})).toEqual(expect.any(String));
    }
    expect(documentIdProblem('findOne', { documentId: { $ne: 'x' } })).toEqual(expect.any(String));
  });
});
