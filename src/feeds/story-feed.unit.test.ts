import { leadHtml, storyFeed } from './story-feed';
import { testArticle, testImage, testPerson } from '../../tests/helpers/delivery-article';

const options = {
  locale: 'zh-Hant',
  origin: 'https://cms.example.com',
  publicUrl: 'https://cms.example.com',
  canonicalTemplate: '',
  mediaUrlPrefixes: ['/uploads/'],
};

describe('leadHtml', () => {
  it('shows the byline and the lead photo with its caption and credit line, through the delivery sanitiser', () => {
    const html = leadHtml(
      testArticle({ cover: testImage({ image: { ...testImage().image!, url: 'https://cms.example.com/uploads/lead.jpg' } }) }),
      options,
    );
    expect(html).toBe(
      '<p>文|正見 TrueView,作者|koorvoa</p>\n<figure><img src="https://cms.example.com/uploads/lead.jpg" alt="會場" width="1600" height="900" loading="lazy" /><figcaption>發布會現場 圖片來源 @視覺中國</figcaption></figure>',
    );
  });

  it('escapes what a byline or caption says, and leaves out a photo from outside the media library', () => {
    const html = leadHtml(
      testArticle({
        attribution: { line: '<script>alert(1)</script>', originalUrl: null, canonicalUrl: null, credits: [] },
        cover: testImage({
          image: { ...testImage().image!, url: 'https://evil.example.com/x.jpg' },
          caption: '<img src=x onerror=alert(1)>',
        }),
      }),
      options,
    );
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    const caption = leadHtml(testArticle({ cover: testImage({ caption: '<img src=x onerror=alert(1)>' }) }), options);
    expect(caption).not.toContain('<img src=x');
    expect(caption).toContain('<figcaption>&lt;img src=x onerror=alert(1)&gt; 圖片來源 @視覺中國</figcaption>');
  });
});

describe('storyFeed', () => {
  const articles = [testArticle({ title: 'A <b>bold</b> & "quoted" title', coAuthors: [testPerson('lee', 'Lee')] })];

  it('escapes titles for the XML formats, whose readers render HTML, and not for JSON Feed', () => {
    expect(storyFeed(articles, options, 'rss')).toContain('<title><![CDATA[A &lt;b&gt;bold&lt;/b&gt; &amp; "quoted" title]]></title>');
    expect(JSON.parse(storyFeed(articles, options, 'json')).items[0].title).toBe('A <b>bold</b> & "quoted" title');
  });

  it('gives the same bytes for the same stories (its date is the newest change, not the clock)', () => {
    const first = storyFeed(articles, options, 'atom');
    expect(storyFeed(articles, options, 'atom')).toBe(first);
    expect(first).toContain('<updated>2026-12-01T02:00:00.000Z</updated>');
  });

  it('cannot have its CDATA closed by a body', () => {
    const rss = storyFeed([testArticle({ bodyHtml: '<p>a]]>b\u0001</p>' })], options, 'rss');
    expect(rss).toContain('<p>a]]&gt;b</p>');
    expect(rss.match(/\]\]>/gu)?.length).toBe(rss.match(/<!\[CDATA\[/gu)?.length);
  });

  it('links the channel to the front end when DELIVERY_CANONICAL_URL names one, and each item to its story there', () => {
    const rss = storyFeed(articles, { ...options, canonicalTemplate: 'https://news.example.com/{locale}/{slug}' }, 'rss');
    expect(rss).toContain('<link>https://news.example.com/</link>');
    expect(rss).toContain('<link>https://news.example.com/zh-Hant/story-one</link>');
  });
});
