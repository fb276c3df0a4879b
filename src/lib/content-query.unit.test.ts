import qs from 'qs';
import { checkContentQuery, checkSortPaths, MAX_BRANCHES, type ModelView } from './content-query';

/** A newsroom-shaped model: stories with a byline, outlets with a private agreement, a photo component. */
const MODELS: Record<string, ModelView> = {
  'api::article.article': {
    attributes: {
      title: { type: 'string' },
      dek: { type: 'text' },
      body: { type: 'blocks' },
      publishedAt: { type: 'datetime' },
      cover: { type: 'component', component: 'media.credited-image' },
      author: { type: 'relation', target: 'api::author.author' },
      source: { type: 'relation', target: 'api::source.source' },
      localizations: { type: 'relation', target: 'api::article.article' },
      createdBy: { type: 'relation', target: 'admin::user', private: true },
    },
  },
  'api::author.author': {
    attributes: {
      name: { type: 'string' },
      aliases: { type: 'json' },
      featured: { type: 'boolean' },
      rank: { type: 'float' },
      articles: { type: 'relation', target: 'api::article.article' },
      localizations: { type: 'relation', target: 'api::author.author' },
    },
  },
  'api::source.source': {
    attributes: { name: { type: 'string' }, agreementId: { type: 'string', private: true }, since: { type: 'date' } },
  },
  'api::pull-quote.pull-quote': {
    attributes: { text: { type: 'text' }, position: { type: 'integer' }, article: { type: 'relation', target: 'api::article.article' } },
  },
  'media.credited-image': { attributes: { credit: { type: 'string' }, image: { type: 'media' } } },
  'plugin::upload.file': {
    attributes: { name: { type: 'string' }, related: { type: 'relation', target: '*' }, width: { type: 'integer' } },
  },
};
const lookup = (uid: string) => MODELS[uid];
/** Parses a query string exactly as Koa's qs does, so the shapes tested are the ones the API receives. */
const check = (uid: string, query: string) =>
  checkContentQuery(`api::${uid}.${uid}`, qs.parse(query, { depth: 20 }) as Record<string, unknown>, lookup);
const paths = (uid: string, query: string) => check(uid, query).map((p) => p.path.join('.'));

describe('paths that reach unpublished rows or private fields are refused', () => {
  it.each([
    ['author', 'filters[localizations][articles][title][$startsWith]=垂', 'filters.localizations'],
    ['article', 'filters[localizations][dek][$contains]=a', 'filters.localizations'],
    ['pull-quote', 'filters[article][localizations][title][$eq]=x', 'filters.article.localizations'],
    ['article', 'filters[author][localizations][name][$eq]=x', 'filters.author.localizations'],
    ['article', 'filters[$or][0][localizations][title][$eq]=x&filters[$or][1][title][$eq]=y', 'filters.$or.0.localizations'],
    ['article', 'filters[$and][0][$not][localizations][title][$eq]=x', 'filters.$and.0.$not.localizations'],
    ['article', 'filters[author][$or][0][localizations][name][$eq]=x', 'filters.author.$or.0.localizations'],
    ['article', 'sort=localizations.title:asc', 'sort.localizations'],
    ['article', 'sort[0]=title:asc&sort[1]=author.localizations.name', 'sort.1.author.localizations'],
    ['article', 'sort[author][localizations][name]=asc', 'sort.author.localizations'],
    ['article', 'populate=localizations', 'populate.localizations'],
    ['article', 'populate=author,author.localizations', 'populate.author.localizations'],
    ['article', 'populate[localizations][fields][0]=title', 'populate.localizations'],
    ['article', 'populate[author][populate][localizations]=*', 'populate.author.populate.localizations'],
    ['article', 'populate[author][filters][localizations][name][$eq]=x', 'populate.author.filters.localizations'],
    ['article', 'populate[author][sort]=localizations.name', 'populate.author.sort.localizations'],
    ['article', 'fields[0]=title&fields[1]=localizations', 'fields.localizations'],
    ['source', 'filters[agreementId][$notNull]=true', 'filters.agreementId'],
    ['article', 'filters[source][agreementId][$startsWith]=A', 'filters.source.agreementId'],
    ['article', 'sort=source.agreementId', 'sort.source.agreementId'],
    ['article', 'filters[createdBy][email][$contains]=@', 'filters.createdBy'],
    ['article', 'populate[cover][populate][image][populate][related]=*', 'populate.cover.populate.image.populate.related'],
    ['article', 'filters[cover][image][related][id][$notNull]=true', 'filters.cover.image.related'],
  ])('%s ?%s', (uid, query, path) => {
    expect(paths(uid, query)).toContain(path);
  });

  it('the message says why, so a front-end developer knows what to do instead', () => {
    const [problem] = check('author', 'filters[localizations][name][$eq]=x');
    expect(problem!.message).toMatch(/unpublished/);
    expect(problem!.message).toMatch(/locale parameter/);
  });

  it('GraphQL sort strings are checked by name alone', () => {
    expect(checkSortPaths(null, ['title:asc', 'localizations.title'], lookup)).toHaveLength(1);
    expect(checkSortPaths(null, 'author.localizations.name:desc', lookup)).toHaveLength(1);
    expect(checkSortPaths(null, ['title:asc', 'author.name'], lookup)).toEqual([]);
  });
});

describe('malformed filters are named, not passed to the database', () => {
  it.each([
    ['filters[$or]=notarray', 'filters.$or'],
    ['filters[$and]=x', 'filters.$and'],
    ['filters[$not]=x', 'filters.$not'],
    ['filters[$or][0][$or]=x', 'filters.$or.0.$or'],
    ['filters[$or][0]=x', 'filters.$or.0'],
    ['filters=abc', 'filters'],
    ['filters[0]=a', 'filters'],
    ['filters[$eq]=a', 'filters.$eq'],
    ['filters[title][$foo]=x', 'filters.title.$foo'],
    ['filters[title][$eq][a]=b', 'filters.title.$eq'],
    ['filters[title][$eq][$ne]=x', 'filters.title.$eq'],
    ['filters[title][$contains][0]=a&filters[title][$contains][1]=b', 'filters.title.$contains'],
    ['filters[title][$in][a][b]=c', 'filters.title.$in'],
    ['filters[title][$null]=maybe', 'filters.title.$null'],
    ['filters[title][0]=a', 'filters.title'],
    ['filters[title][$between]=a', 'filters.title.$between'],
    ['filters[author][id][$eq]=abc', 'filters.author.id.$eq'],
    ['filters[author][$in][0]=x', 'filters.author.$in.0'],
    ['filters[author][0]=x', 'filters.author'],
    ['filters[author][name][$or]=x', 'filters.author.name.$or'],
    ['filters[id][$gt]=1e309', 'filters.id.$gt'],
    ['filters[id][$eq]=99999999999', 'filters.id.$eq'],
    ['filters[id][$eq]=1.5', 'filters.id.$eq'],
    ['filters[id][$contains]=1', 'filters.id.$contains'],
    ['filters[publishedAt][$startsWith]=2026', 'filters.publishedAt.$startsWith'],
    ['filters[body][$contains]=x', 'filters.body'],
    ['filters[cover][credit][$eq][x]=y', 'filters.cover.credit.$eq'],
  ])('article ?%s', (query, path) => {
    expect(paths('article', query)).toContain(path);
  });

  it.each([
    ['filters[rank][$gt]=NaN', 'filters.rank.$gt'],
    ['filters[rank][$gt]=Infinity', 'filters.rank.$gt'],
    ['filters[featured][$eq]=maybe', 'filters.featured.$eq'],
    ['filters[aliases][$contains]=x', 'filters.aliases'],
  ])('author ?%s', (query, path) => {
    expect(paths('author', query)).toContain(path);
  });

  it.each([
    ['filters[position][$eq]=abc'],
    ['filters[position][$between]=abc'],
    ['filters[position][$between][0]=1&filters[position][$between][1]=x'],
  ])('pull-quote ?%s', (query) => {
    expect(check('pull-quote', query)).not.toEqual([]);
  });

  it(`more than ${MAX_BRANCHES} $or branches is refused, in both list shapes qs produces`, () => {
    const many = Array.from({ length: MAX_BRANCHES + 1 }, (_, i) => `filters[$or][${i}][title][$eq]=t${i}`).join('&');
    expect(paths('article', many)).toContain('filters.$or');
  });
});

describe('the queries front ends really send are untouched', () => {
  it.each([
    ['article', 'filters[title][$containsi]=AI&sort=publishedAt:desc&pagination[pageSize]=10'],
    ['article', 'filters[$or][0][title][$contains]=模型&filters[$or][1][dek][$contains]=模型'],
    ['article', 'filters[author][name][$eq]=koorvoa&populate[author][fields][0]=name'],
    ['article', 'filters[author][$null]=true'],
    ['article', 'filters[author][id][$in][0]=1&filters[author][id][$in][1]=2'],
    ['article', 'filters[id][$between][0]=1&filters[id][$between][1]=20'],
    ['article', 'filters[publishedAt][$gte]=2026-01-01T00:00:00Z'],
    ['article', 'filters[title][$not][$contains]=廣告'],
    ['article', 'filters[$not][title][$eq]=x'],
    ['article', 'filters[cover][credit][$containsi]=視覺中國'],
    ['article', 'filters[cover][image][name][$endsWith]=.jpg'],
    ['article', 'filters[documentId][$eq]=abc123'],
    ['article', 'populate=*'],
    ['article', 'populate=author,source,cover.image'],
    ['article', 'populate[0]=author&populate[1]=cover'],
    [
      'article',
      'populate[author][populate][articles][fields][0]=title&populate[author][filters][name][$eq]=x&populate[author][sort]=name:asc',
    ],
    ['article', 'populate[cover][populate][image][fields][0]=url'],
    ['article', 'fields=title,dek&sort[0]=title:asc&sort[1]=author.name:desc'],
    ['article', 'sort[title]=asc'],
    ['author', 'filters[featured][$eq]=true&filters[rank][$gte]=1.5'],
    ['author', 'filters[articles][title][$startsWith]=用AI'],
    ['pull-quote', 'filters[position][$lte]=3&filters[article][documentId][$eq]=x'],
    ['source', 'filters[since][$lt]=2027-01-01'],
  ])('%s ?%s', (uid, query) => {
    expect(check(uid, query)).toEqual([]);
  });

  it('a list of more than 20 items, which qs turns into an object keyed by index, is still a list', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `filters[id][$in][${i}]=${i + 1}`).join('&');
    const parsed = qs.parse(ids) as { filters: { id: { $in: unknown } } };
    expect(Array.isArray(parsed.filters.id.$in)).toBe(false);
    expect(check('article', ids)).toEqual([]);
  });
});
