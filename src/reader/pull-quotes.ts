import { parseFragment, serializeOuter, type DefaultTreeAdapterMap } from 'parse5';
import { quoteAppearsIn } from '../plugins/attribution-guard/shared/text/verbatim';
import { normaliseText } from '../plugins/attribution-guard/shared/text/normalise';
import type { DeliveryPullQuote } from '../delivery/types';

type Node = DefaultTreeAdapterMap['node'];

export interface BodyBlock {
  /** One top-level element of the sanitised body, as HTML. */
  html: string;
  /** Pull-quotes shown after it: the ones whose words it holds. */
  quotes: DeliveryPullQuote[];
}

export interface PlacedBody {
  blocks: BodyBlock[];
  /** Quotes no single block holds word for word (the guard refuses to publish those): shown after the body. */
  unplaced: DeliveryPullQuote[];
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  const children = (node as { childNodes?: Node[] }).childNodes ?? [];
  return children.map(textOf).join('');
}

/**
 * Puts each pull-quote after the paragraph it was taken from, as a printed page does: the first top-level
 * block of the body that holds the quote word for word (by the attribution guard's own comparison).
 * The body is the sanitised `bodyHtml`, split with a real HTML parser and re-serialised element by element.
 */
export function placePullQuotes(bodyHtml: string, quotes: readonly DeliveryPullQuote[]): PlacedBody {
  if (quotes.length === 0) return { blocks: bodyHtml === '' ? [] : [{ html: bodyHtml, quotes: [] }], unplaced: [] };
  const nodes = (parseFragment(bodyHtml).childNodes as Node[]).filter((node) => node.nodeName !== '#comment');
  const blocks: BodyBlock[] = nodes.map((node) => ({ html: serializeOuter(node), quotes: [] }));
  const texts = nodes.map((node) => normaliseText(textOf(node)));
  const unplaced: DeliveryPullQuote[] = [];
  for (const quote of quotes) {
    const at = texts.findIndex((text) => quoteAppearsIn(quote.text, text));
    if (at >= 0) blocks[at]!.quotes.push(quote);
    else unplaced.push(quote);
  }
  return { blocks, unplaced };
}
