import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guardedShapeProblems } from './guarded-shape';
import type { AttributeLike } from '../dependents/paths';

const articleAttributes = (): Record<string, AttributeLike> =>
  JSON.parse(readFileSync(join(__dirname, '../../../../../api/article/content-types/article/schema.json'), 'utf8')).attributes;

describe('guardedShapeProblems', () => {
  it('accepts the newsroom article', () => {
    expect(guardedShapeProblems(articleAttributes())).toEqual([]);
  });

  it('names a missing field and what it must be', () => {
    const { republisher: _dropped, ...attributes } = articleAttributes();
    expect(guardedShapeProblems(attributes)).toEqual(['it has no field "republisher" (a to-one relation to api::source.source)']);
  });

  it('names a field of the wrong kind, target or cardinality', () => {
    const attributes = articleAttributes();
    attributes.author = { type: 'relation', relation: 'manyToOne', target: 'api::source.source' };
    attributes.coAuthors = { type: 'relation', relation: 'manyToOne', target: 'api::author.author' };
    attributes.gallery = { type: 'component', component: 'media.credited-image', repeatable: false };
    attributes.body = { type: 'richtext' };
    expect(guardedShapeProblems(attributes)).toEqual([
      'its field "body" is not a blocks field',
      'its field "author" is not a to-one relation to api::author.author',
      'its field "coAuthors" is not a to-many relation to api::author.author',
      'its field "gallery" is not a repeatable media.credited-image component',
    ]);
  });
});
