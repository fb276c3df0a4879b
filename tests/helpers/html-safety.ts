import fs from 'node:fs';
import path from 'node:path';
import { parseFragment } from 'parse5';
import payloadFile from '../fixtures/xss-payloads.json';

const corpus = path.resolve(__dirname, '../fixtures/xss');
const lines = (file: string) =>
  fs
    .readFileSync(path.join(corpus, file), 'utf8')
    .split('\n')
    .filter((line) => line !== '');

/** The public corpus's URL-style vectors (`javascript:` with entities, percent-encoding, tabs, C0 controls…). */
export const XSS_URL_VECTORS: string[] = [
  ...lines('xss-urls.txt'),
  ...(JSON.parse(fs.readFileSync(path.join(corpus, 'xss-urls-controls.json'), 'utf8')) as { items: Array<{ value: string }> }).items.map(
    (item) => item.value,
  ),
];

/**
 * Every XSS payload the tests use: the public 2,000-payload corpus (tests/fixtures/xss, see its
 * SOURCES.md), its URL-style vectors, and the project's own cases (tests/fixtures/xss-payloads.json).
 */
export const XSS_PAYLOADS: string[] = [
  ...new Set([...lines('xss-payloads.txt'), ...XSS_URL_VECTORS, ...(payloadFile as { payloads: string[] }).payloads]),
];

const ALLOWED: Record<string, readonly string[]> = {
  p: [],
  br: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  blockquote: [],
  pre: [],
  ul: [],
  ol: [],
  li: [],
  strong: [],
  em: [],
  u: [],
  s: [],
  figure: [],
  figcaption: [],
  code: ['class'],
  a: ['href', 'rel'],
  img: ['src', 'alt', 'width', 'height', 'loading'],
};

/** Attributes a browser follows or loads; alt text that reads `javascript:` is only text. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'background',
  'cite',
  'poster',
  'data',
  'longdesc',
  'usemap',
]);

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
}

/**
 * What is unsafe in an HTML fragment, as a browser would parse it (parse5 implements the HTML
 * standard's parser; the sanitiser uses a different one, so the two must agree): any element or
 * attribute outside the allow-list, any `on*` attribute, a link that is not http/https/mailto, an
 * image that is not from the media library, and any `javascript:`/`data:`/`vbscript:` URL anywhere.
 */
export function unsafeParts(html: string, isMediaUrl: (url: string) => boolean): string[] {
  const problems: string[] = [];
  if (/<\s*script/iu.test(html)) problems.push('a <script tag');
  const visit = (node: Node) => {
    if (node.tagName) {
      const allowed = ALLOWED[node.tagName];
      if (!allowed) problems.push(`element <${node.tagName}>`);
      for (const { name, value } of node.attrs ?? []) {
        if (/^on/iu.test(name)) problems.push(`event handler ${name} on <${node.tagName}>`);
        else if (!allowed?.includes(name)) problems.push(`attribute ${name} on <${node.tagName}>`);
        const compact = value.replace(/[\u0000-\u0020]/gu, '').toLowerCase();
        if (URL_ATTRIBUTES.has(name) && /^(javascript|data|vbscript|livescript):/u.test(compact))
          problems.push(`${compact.split(':')[0]}: URL in ${name}`);
        if (node.tagName === 'a' && name === 'href' && !/^(https?:\/\/|mailto:)/iu.test(value)) problems.push(`link to ${value}`);
        if (node.tagName === 'img' && name === 'src' && !isMediaUrl(value)) problems.push(`image from ${value}`);
        if (node.tagName === 'code' && name === 'class' && !/^language-[a-z0-9+#-]+$/u.test(value)) problems.push(`class ${value}`);
      }
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parseFragment(html) as unknown as Node);
  return problems;
}
