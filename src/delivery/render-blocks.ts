/**
 * Renders a Strapi Blocks body to HTML. Text is escaped here and the result is sanitised again
 * afterwards (sanitize-body.ts), so a payload must get past both to reach a reader.
 */

export interface BlockImage {
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
  /** Caption and credit shown under the image, already plain text. */
  caption: string | null;
}

export interface RenderOptions {
  /** The media-library image for a body image node, or null to leave the image out. */
  image: (node: BlocksNode, index: number) => BlockImage | null;
}

export interface BlocksNode {
  type?: unknown;
  children?: unknown;
  text?: unknown;
  [key: string]: unknown;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => ESCAPES[char]!);
}

const isNode = (value: unknown): value is BlocksNode => typeof value === 'object' && value !== null && !Array.isArray(value);
const childrenOf = (node: BlocksNode): BlocksNode[] => (Array.isArray(node.children) ? node.children.filter(isNode) : []);

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** A link target a reader may follow: absolute http(s) or mailto, nothing else (no `javascript:`, `data:`, relative tricks). */
export function safeLinkUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  if (trimmed === '' || /[\u0000-\u001f\u007f\s\\]/u.test(trimmed)) return null;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  if (!LINK_SCHEMES.has(parsed.protocol)) return null;
  return parsed.href;
}

function renderText(node: BlocksNode): string {
  let html = escapeHtml(typeof node.text === 'string' ? node.text : '');
  if (html === '') return '';
  // Line breaks typed with Shift+Enter are kept as <br>.
  html = html.replace(/\r?\n/gu, '<br>');
  if (node.code === true) html = `<code>${html}</code>`;
  if (node.strikethrough === true) html = `<s>${html}</s>`;
  if (node.underline === true) html = `<u>${html}</u>`;
  if (node.italic === true) html = `<em>${html}</em>`;
  if (node.bold === true) html = `<strong>${html}</strong>`;
  return html;
}

function renderInline(nodes: BlocksNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'link') {
        const inner = renderInline(childrenOf(node));
        const href = safeLinkUrl(node.url);
        return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${inner}</a>` : inner;
      }
      if (node.type === 'text' || typeof node.text === 'string') return renderText(node);
      // An unknown inline node keeps only its text.
      return renderInline(childrenOf(node));
    })
    .join('');
}

function headingLevel(level: unknown): number {
  return typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2;
}

function renderList(node: BlocksNode): string {
  const tag = node.format === 'ordered' ? 'ol' : 'ul';
  const items = childrenOf(node).map((child) =>
    child.type === 'list' ? `<li>${renderList(child)}</li>` : `<li>${renderInline(childrenOf(child))}</li>`,
  );
  return `<${tag}>${items.join('')}</${tag}>`;
}

const LANGUAGE = /^[a-z0-9+#-]{1,30}$/iu;

function renderBlock(node: BlocksNode, index: number, options: RenderOptions): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${renderInline(childrenOf(node))}</p>`;
    case 'heading': {
      const level = headingLevel(node.level);
      return `<h${level}>${renderInline(childrenOf(node))}</h${level}>`;
    }
    case 'quote':
      return `<blockquote>${renderInline(childrenOf(node))}</blockquote>`;
    case 'code': {
      const language =
        typeof node.language === 'string' && LANGUAGE.test(node.language)
          ? ` class="language-${escapeHtml(node.language.toLowerCase())}"`
          : '';
      return `<pre><code${language}>${renderInline(childrenOf(node).map((child) => ({ ...child, bold: false, italic: false, underline: false, strikethrough: false, code: false })))}</code></pre>`;
    }
    case 'list':
      return renderList(node);
    case 'image': {
      const image = options.image(node, index);
      if (!image) return '';
      const size = `${image.width ? ` width="${image.width}"` : ''}${image.height ? ` height="${image.height}"` : ''}`;
      const caption = image.caption ? `<figcaption>${escapeHtml(image.caption)}</figcaption>` : '';
      return `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}"${size} loading="lazy">${caption}</figure>`;
    }
    default: {
      // An unknown block keeps its text as a paragraph rather than vanishing from the story.
      const inner = renderInline(childrenOf(node));
      return inner === '' ? '' : `<p>${inner}</p>`;
    }
  }
}

export function renderBlocks(body: unknown, options: RenderOptions): string {
  if (!Array.isArray(body)) return '';
  return body
    .map((node, index) => (isNode(node) ? renderBlock(node, index, options) : ''))
    .filter((html) => html !== '')
    .join('\n');
}
