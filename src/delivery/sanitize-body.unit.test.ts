import { unsafeParts, XSS_PAYLOADS } from '../../tests/helpers/html-safety';
import { isMediaLibraryUrl } from './media-url';
import { renderBlocks, type BlockImage, type BlocksNode } from './render-blocks';
import { sanitizeBodyHtml } from './sanitize-body';

const PREFIXES = ['/uploads/'];
const isMedia = (url: string) => isMediaLibraryUrl(url, PREFIXES);
const render = (body: unknown, image: (node: BlocksNode) => BlockImage | null = () => null) =>
  sanitizeBodyHtml(renderBlocks(body, { image }), PREFIXES);

describe('the XSS corpus', () => {
  it('holds the public corpus and the URL vectors', () => {
    expect(new Set(XSS_PAYLOADS).size).toBeGreaterThanOrEqual(2100);
  });

  it(`lets none of the ${XSS_PAYLOADS.length} payloads survive as raw HTML in the sanitiser`, () => {
    const survivors = XSS_PAYLOADS.map((payload) => ({
      payload,
      problems: unsafeParts(sanitizeBodyHtml(payload, PREFIXES), isMedia),
    })).filter((r) => r.problems.length > 0);
    expect(survivors).toEqual([]);
  });

  it('finds the unsafe parts of unsanitised HTML (the check is not blind)', () => {
    expect(unsafeParts('<img src=x onerror=alert(1)>', isMedia)).not.toEqual([]);
    expect(unsafeParts('<a href="java&#x09;script:alert(1)">x</a>', isMedia)).not.toEqual([]);
    expect(unsafeParts('<p>text</p>', isMedia)).toEqual([]);
  });

  it(`lets none of the ${XSS_PAYLOADS.length} payloads survive in any Blocks node kind`, () => {
    const survivors = XSS_PAYLOADS.map((payload) => ({ payload, problems: unsafeParts(renderPayload(payload), isMedia) })).filter(
      (r) => r.problems.length > 0,
    );
    expect(survivors).toEqual([]);
  });
});

/** The payload in every place a Blocks body carries a string: text and marks, link URL, heading level, code language, list format, image fields, node type. */
function renderPayload(payload: string): string {
  const body = [
    { type: 'paragraph', children: [{ type: 'text', text: payload }] },
    {
      type: 'paragraph',
      children: [{ type: 'text', text: payload, bold: true, italic: true, underline: true, strikethrough: true, code: true }],
    },
    { type: 'quote', children: [{ type: 'text', text: payload }] },
    { type: 'paragraph', children: [{ type: 'link', url: payload, children: [{ type: 'text', text: payload }] }] },
    { type: 'heading', level: payload, children: [{ type: 'text', text: payload, bold: true }] },
    { type: 'code', language: payload, children: [{ type: 'text', text: payload }] },
    { type: 'list', format: payload, children: [{ type: 'list-item', children: [{ type: 'text', text: payload }] }] },
    { type: 'image', image: { url: payload, alternativeText: payload, caption: payload }, children: [{ type: 'text', text: '' }] },
    { type: payload, children: [{ type: 'text', text: payload }] },
  ];
  // The image resolver hands back what a careless lookup would: the node's own URL and text.
  return render(body, (node) => {
    const image = node.image as { url: string; alternativeText: string; caption: string };
    return { url: image.url, alt: image.alternativeText, caption: image.caption, width: null, height: null };
  });
}

describe('rendering', () => {
  it('renders paragraphs, headings, lists, quotes, code and inline marks', () => {
    const html = render([
      { type: 'heading', level: 2, children: [{ type: 'text', text: '以小博大' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'a ' },
          { type: 'text', text: 'b', bold: true, italic: true },
          { type: 'text', text: ' c', code: true },
        ],
      },
      { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'one' }] }] },
      { type: 'quote', children: [{ type: 'text', text: '基本可以判斷' }] },
      { type: 'code', language: 'ts', children: [{ type: 'text', text: 'const a = 1 < 2;' }] },
    ]);
    expect(html).toBe(
      '<h2>以小博大</h2>\n<p>a <strong><em>b</em></strong><code> c</code></p>\n<ol><li>one</li></ol>\n<blockquote>基本可以判斷</blockquote>\n<pre><code class="language-ts">const a = 1 &lt; 2;</code></pre>',
    );
  });

  it('keeps http, https and mailto links and drops every other target but keeps the text', () => {
    const html = render([
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: 'https://www.tmtpost.com/6561234.html', children: [{ type: 'text', text: '钛媒體' }] },
          { type: 'link', url: 'mailto:desk@example.com', children: [{ type: 'text', text: 'mail' }] },
          { type: 'link', url: '/relative', children: [{ type: 'text', text: 'rel' }] },
        ],
      },
    ]);
    expect(html).toBe(
      '<p><a href="https://www.tmtpost.com/6561234.html" rel="noopener noreferrer">钛媒體</a><a href="mailto:desk@example.com" rel="noopener noreferrer">mail</a>rel</p>',
    );
  });

  it('shows a body image only as the resolver gives it, with its caption and credit', () => {
    const body = [{ type: 'image', image: { url: '/uploads/a.jpg' }, children: [] }];
    expect(render(body, () => ({ url: '/uploads/a.jpg', alt: '圖', width: 10, height: 5, caption: '說明 圖片來源 @視覺中國' }))).toBe(
      '<figure><img src="/uploads/a.jpg" alt="圖" width="10" height="5" loading="lazy" /><figcaption>說明 圖片來源 @視覺中國</figcaption></figure>',
    );
    expect(render(body, () => null)).toBe('');
    expect(render(body, () => ({ url: 'https://evil.example/a.jpg', alt: '', width: null, height: null, caption: null }))).toBe(
      '<figure></figure>',
    );
  });

  it('keeps Chinese quotation marks and full-width punctuation as text', () => {
    expect(render([{ type: 'paragraph', children: [{ type: 'text', text: '" 一畝三分地 "「引號」＜＞' }] }])).toBe(
      '<p>" 一畝三分地 "「引號」＜＞</p>',
    );
  });

  it('ignores what is not a Blocks body', () => {
    expect(render(null)).toBe('');
    expect(render('<script>alert(1)</script>')).toBe('');
    expect(render([null, 1, 'x', { type: 'paragraph', children: 'x' }])).toBe('<p></p>');
  });
});
