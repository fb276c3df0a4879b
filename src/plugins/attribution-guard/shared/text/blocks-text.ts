import type { BlocksNode } from '../contracts/findings';
import { normaliseText } from './normalise';

/** Block types whose children are laid out on separate lines (list items, nested lists). */
const LINE_PER_CHILD = new Set(['list', 'list-item']);

/** Plain text of one Blocks node: text leaves concatenated; images and other media add nothing. */
export function blockPlainText(node: BlocksNode): string {
  if (typeof node.text === 'string') return node.text;
  if (!Array.isArray(node.children)) return '';
  const parts = node.children.map(blockPlainText);
  return parts.join(LINE_PER_CHILD.has(node.type) ? '\n' : '');
}

/** Plain text of each top-level block, index for index, so a finding can point at `body.N`. */
export function bodyParagraphs(body: readonly BlocksNode[]): string[] {
  return body.map(blockPlainText);
}

/** Plain text of the whole body, one line per top-level block. */
export function bodyPlainText(body: readonly BlocksNode[]): string {
  return bodyParagraphs(body).join('\n');
}

/**
 * Separator between paragraphs in the normalised body: a private-use character, untouched by NFKC,
 * quote stripping and lower-casing, so the body can be normalised in one pass (a third of the cost
 * of ~1,000 per-paragraph passes) and no quotation part can match across two paragraphs.
 */
export const PARAGRAPH_SEPARATOR = '\uE000';

export interface BodyText {
  /** Plain text per top-level block. */
  paragraphs: string[];
  /** `normaliseText` of the paragraphs joined with PARAGRAPH_SEPARATOR. */
  normalised: string;
}

/**
 * Several rules read the body; a large body (100k characters) must be walked and normalised once
 * per article, not once per rule or per quote. Keyed by the body array itself, so a new draft
 * (a new array) is never served stale text and old ones are garbage-collected.
 */
const cache = new WeakMap<readonly BlocksNode[], BodyText>();

export function getBodyText(body: readonly BlocksNode[]): BodyText {
  const cached = cache.get(body);
  if (cached) return cached;
  const paragraphs = bodyParagraphs(body);
  const result: BodyText = {
    paragraphs,
    normalised: normaliseText(paragraphs.join(PARAGRAPH_SEPARATOR)),
  };
  cache.set(body, result);
  return result;
}
