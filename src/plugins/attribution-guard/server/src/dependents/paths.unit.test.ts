import {
  blocksFields,
  blocksShowFile,
  directRelationsTo,
  mediaPaths,
  relationPathsTo,
  showsStoredCredit,
  storedCreditShows,
  whereThrough,
  type SchemaLike,
} from './paths';

const schemas: Record<string, SchemaLike> = {
  'api::article.article': {
    attributes: {
      title: { type: 'string' },
      body: { type: 'blocks' },
      cover: { type: 'component', component: 'media.credited-image' },
      gallery: { type: 'component', component: 'media.credited-image' },
      author: { type: 'relation', relation: 'manyToOne', target: 'api::author.author' },
      editor: { type: 'relation', relation: 'manyToOne', target: 'api::author.author' },
      source: { type: 'relation', relation: 'manyToOne', target: 'api::source.source' },
      pullQuotes: { type: 'relation', relation: 'oneToMany', target: 'api::pull-quote.pull-quote' },
      sidebar: { type: 'component', component: 'layout.box' },
      related: { type: 'relation', relation: 'morphToMany', target: 'api::source.source' },
      localizations: { type: 'relation', relation: 'oneToMany', target: 'api::article.article' },
      createdBy: { type: 'relation', relation: 'oneToOne', target: 'admin::user' },
      relatedStory: { type: 'relation', relation: 'manyToOne', target: 'api::article.article' },
    },
  },
  'media.credited-image': {
    attributes: {
      image: { type: 'media' },
      credit: { type: 'string' },
      agency: { type: 'relation', relation: 'oneToOne', target: 'api::source.source' },
    },
  },
  // A component inside a component, and one that names itself: walked once per branch.
  'layout.box': {
    attributes: { photo: { type: 'component', component: 'media.credited-image' }, inner: { type: 'component', component: 'layout.box' } },
  },
};
const schemaOf = (uid: string) => schemas[uid];

describe('relationPathsTo', () => {
  it('finds the story’s own relations and those inside components, by target', () => {
    expect(relationPathsTo(schemaOf, 'api::article.article', 'api::author.author')).toEqual([['author'], ['editor']]);
    expect(relationPathsTo(schemaOf, 'api::article.article', 'api::source.source')).toEqual([
      ['cover', 'agency'],
      ['gallery', 'agency'],
      ['source'],
      ['sidebar', 'photo', 'agency'],
    ]);
    expect(relationPathsTo(schemaOf, 'api::article.article', 'api::pull-quote.pull-quote')).toEqual([['pullQuotes']]);
  });
  it('leaves out Strapi’s own links (other locales, the admin users) but keeps a story linking a story', () => {
    expect(relationPathsTo(schemaOf, 'api::article.article', 'api::article.article')).toEqual([['relatedStory']]);
    expect(relationPathsTo(schemaOf, 'api::article.article', 'admin::user')).toEqual([]);
  });
  it('finds nothing for a type no story links to, or an unknown story type', () => {
    expect(relationPathsTo(schemaOf, 'api::article.article', 'api::tag.tag')).toEqual([]);
    expect(relationPathsTo(schemaOf, 'api::nothing.nothing', 'api::author.author')).toEqual([]);
  });
});

describe('media and Blocks fields', () => {
  it('lists media fields through components and top-level Blocks fields', () => {
    expect(mediaPaths(schemaOf, 'api::article.article')).toEqual([
      ['cover', 'image'],
      ['gallery', 'image'],
      ['sidebar', 'photo', 'image'],
    ]);
    expect(blocksFields(schemaOf, 'api::article.article')).toEqual(['body']);
  });
  it('finds a model’s relations to a type (the media credit’s agency)', () => {
    expect(
      directRelationsTo(
        { attributes: { fileId: { type: 'integer' }, agency: { type: 'relation', target: 'api::source.source' } } },
        'api::source.source',
      ),
    ).toEqual(['agency']);
    expect(directRelationsTo(undefined, 'api::source.source')).toEqual([]);
  });
});

describe('whereThrough', () => {
  it('nests a leaf clause along the path', () => {
    expect(whereThrough(['cover', 'agency'], { documentId: 'x' })).toEqual({ cover: { agency: { documentId: 'x' } } });
    expect(whereThrough(['author'], { documentId: 'x' })).toEqual({ author: { documentId: 'x' } });
  });
});

describe('stored credits', () => {
  it('shows the file’s stored credit only where the usage has no credit and no agency of its own', () => {
    expect(storedCreditShows({ credit: null, agency: null })).toBe(true);
    expect(storedCreditShows({ credit: '  ' })).toBe(true);
    expect(storedCreditShows({ credit: '新華社' })).toBe(false);
    expect(storedCreditShows({ credit: null, agency: { documentId: 'a' } })).toBe(false);
  });
  it('checks each gallery item on its own', () => {
    const row = {
      gallery: [
        { image: { id: 1 }, credit: 'own' },
        { image: { id: 2 }, credit: null },
      ],
    };
    expect(showsStoredCredit(row, ['gallery', 'image'], new Set([1]))).toBe(false);
    expect(showsStoredCredit(row, ['gallery', 'image'], new Set([2]))).toBe(true);
    expect(showsStoredCredit({ cover: null }, ['cover', 'image'], new Set([2]))).toBe(false);
    expect(showsStoredCredit({ cover: { image: 7 } }, ['cover', 'image'], new Set([7]))).toBe(true);
  });
  it('finds Blocks image nodes by file id, or by URL for nodes without one', () => {
    const body = [
      { type: 'paragraph', children: [] },
      { type: 'image', image: { url: '/uploads/a.jpg' } },
      { type: 'image', image: { id: 9, url: '/uploads/b.jpg' } },
    ];
    expect(blocksShowFile(body, new Set([9]), new Set())).toBe(true);
    expect(blocksShowFile(body, new Set(), new Set(['/uploads/a.jpg']))).toBe(true);
    expect(blocksShowFile(body, new Set([1]), new Set(['/uploads/c.jpg']))).toBe(false);
    expect(blocksShowFile('not blocks', new Set([9]), new Set())).toBe(false);
  });
});
