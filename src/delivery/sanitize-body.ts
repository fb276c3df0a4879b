import sanitizeHtml from 'sanitize-html';
import { isMediaLibraryUrl } from './media-url';
import { safeLinkUrl } from './render-blocks';

/**
 * The last word on what HTML a front end receives: an explicit allow-list of tags and attributes,
 * links limited to http/https/mailto, images only from the media library. Everything else —
 * scripts, styles, event handlers, frames, SVG, forms — is removed with its content.
 */
export function sanitizeBodyHtml(html: string, mediaUrlPrefixes: readonly string[]): string {
  return sanitizeHtml(html, optionsFor(mediaUrlPrefixes));
}

/** The options are the same for every story of a process (one prefix list): written once, not per render. */
let memo: { prefixes: readonly string[]; options: sanitizeHtml.IOptions } | null = null;
function optionsFor(mediaUrlPrefixes: readonly string[]): sanitizeHtml.IOptions {
  if (memo?.prefixes === mediaUrlPrefixes) return memo.options;
  memo = { prefixes: mediaUrlPrefixes, options: optionsOf(mediaUrlPrefixes) };
  return memo.options;
}

function optionsOf(mediaUrlPrefixes: readonly string[]): sanitizeHtml.IOptions {
  return {
    allowedTags: [
      'p',
      'br',
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'blockquote',
      'pre',
      'code',
      'ul',
      'ol',
      'li',
      'strong',
      'em',
      'u',
      's',
      'a',
      'figure',
      'img',
      'figcaption',
    ],
    allowedAttributes: {
      a: ['href', 'rel'],
      img: ['src', 'alt', 'width', 'height', 'loading'],
      code: ['class'],
    },
    allowedClasses: { code: ['language-*'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    allowedIframeHostnames: [],
    disallowedTagsMode: 'discard',
    // Content of these is code or markup, never text for a reader.
    nonTextTags: [
      'script',
      'style',
      'textarea',
      'option',
      'noscript',
      'svg',
      'math',
      'iframe',
      'object',
      'embed',
      'template',
      'xmp',
      'noembed',
      'noframes',
    ],
    exclusiveFilter: (frame) => frame.tag === 'img' && !isMediaLibraryUrl(frame.attribs.src, mediaUrlPrefixes),
    transformTags: {
      // Absolute http(s) and mailto only: a relative or scheme-less href is dropped, not guessed at.
      a: (tagName, attribs) => {
        const href = safeLinkUrl(attribs.href);
        return { tagName, attribs: href ? { href, rel: 'noopener noreferrer' } : { rel: 'noopener noreferrer' } } as sanitizeHtml.Tag;
      },
    },
  };
}
