import { PARAGRAPH_SEPARATOR } from './blocks-text';
import { splitOnEllipsis } from './ellipsis';
import { normaliseText } from './normalise';

/**
 * Whether every part of the quote occurs in the body, in order and without overlap. Taking the
 * earliest match of each part is enough: a later match could only leave less room for the rest.
 */
export function quoteAppearsIn(quote: string, normalisedBody: string): boolean {
  const parts = splitOnEllipsis(quote)
    // Dropping the separator keeps a pasted private-use character from bridging two paragraphs.
    .map((part) => normaliseText(part).split(PARAGRAPH_SEPARATOR).join(''))
    .filter((part) => part !== '');
  if (parts.length === 0) return false;
  let from = 0;
  for (const part of parts) {
    const at = normalisedBody.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}
