import { XMLParser } from 'fast-xml-parser';
import { checkFeedQuery, checkRssQuery, correctionsRss, feedText, type CorrectionFeedPage } from './corrections-feed';

describe('the corrections page’s parameters', () => {
  it('takes locale and Strapi’s pagination, with defaults', () => {
    expect(checkFeedQuery({}, 100)).toEqual({ locale: undefined, page: 1, pageSize: 25 });
    expect(checkFeedQuery({ locale: 'en', pagination: { page: '3', pageSize: '100' } }, 100)).toEqual({
      locale: 'en',
      page: 3,
      pageSize: 100,
    });
  });

  it.each([
    [{ filters: { kind: 'update' } }, 'filters'],
    [{ sort: 'at:asc' }, 'sort'],
    [{ pagination: { pageSize: '101' } }, 'pagination.pageSize'],
    [{ pagination: { page: '0' } }, 'pagination.page'],
    [{ pagination: { page: '1.5' } }, 'pagination.page'],
    [{ pagination: { start: '0' } }, 'pagination.start'],
    [{ pagination: 'all' }, 'pagination'],
    [{ locale: '*' }, 'locale'],
    [{ locale: ['en', 'zh-Hant'] }, 'locale'],
  ])('refuses %j, naming %s', (query, path) => {
    expect(() => checkFeedQuery(query as Record<string, unknown>, 100)).toThrow(
      expect.objectContaining({ name: 'ValidationError', details: { errors: [expect.objectContaining({ path: path.split('.') })] } }),
    );
  });

  it('the RSS takes locale only', () => {
    expect(checkRssQuery({ locale: 'zh-Hans' })).toBe('zh-Hans');
    expect(() => checkRssQuery({ pagination: { page: '2' } })).toThrow(/takes only "locale"/);
  });
});

describe('RSS', () => {
  const page: CorrectionFeedPage = {
    data: [
      {
        at: '2026-03-09T01:00:00.000Z',
        kind: 'update',
        text: 'a < b & "c" ]]> d ]]> e',
        story: {
          documentId: 'd1',
          locale: 'en',
          slug: 'first-story',
          title: 'First & <best>',
          url: 'https://news.example.com/en/first-story',
        },
      },
      {
        at: '2026-03-08T01:00:00.000Z',
        kind: 'correction',
        text: 'Fixed\u0001 a name \uFFFE.',
        story: { documentId: 'd2', locale: 'en', slug: 'second', title: 'Second', url: null },
      },
    ],
    meta: { pagination: { page: 1, pageSize: 50, pageCount: 1, total: 2 } },
  };

  it('escapes text for readers that render HTML and drops what XML cannot carry', () => {
    expect(feedText('<script>alert(1)</script> & ]]>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt;');
    expect(feedText('a\u0000b\u0008c\uFFFFd\tok')).toBe('abcd\tok');
  });

  it('is RSS 2.0 a parser reads, with one item per correction linking to the story', () => {
    const xml = correctionsRss(page, { locale: 'en', publicUrl: 'https://cms.example.com/', apiPrefix: '/api' });
    const rss = new XMLParser({ ignoreAttributes: false }).parse(xml).rss;
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel.link).toBe('https://cms.example.com/api/corrections?locale=en');
    const [first, second] = rss.channel.item;
    expect(first).toMatchObject({
      title: 'Update: First &amp; &lt;best&gt;',
      link: 'https://news.example.com/en/first-story',
      description: 'a &lt; b &amp; "c" ]]&gt; d ]]&gt; e',
      pubDate: 'Mon, 09 Mar 2026 01:00:00 GMT',
    });
    expect(second).toMatchObject({ link: 'https://cms.example.com/api/articles/by-slug/second?locale=en', description: 'Fixed a name .' });
    expect(first.guid).not.toBe(second.guid);
  });
});
