import { readStoryCredits } from '../plugins/attribution-guard/shared/credits';
import type { BlocksNode } from './render-blocks';

/** The text of a node and its descendants. */
function textOf(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const { text, children } = node as { text?: unknown; children?: unknown };
  return (typeof text === 'string' ? text : '') + (Array.isArray(children) ? children.map(textOf).join('') : '');
}

/**
 * The body as `bodyHtml` shows it: without the byline paragraphs typed at its top (`文|…,作者|…`,
 * `作者 | 趙之齊` then `編輯 | 胡敏`, `By Jane Ho`). Front ends show `attribution.line` from the
 * records, so the typed line would appear twice. Only leading paragraphs that are nothing but a
 * byline go; a dateline that opens the story's first sentence stays, and so does everything below
 * the first paragraph of text. The Blocks keep them, for the guard's line-consistent rule.
 */
export function withoutTypedByline(body: unknown): unknown {
  if (!Array.isArray(body)) return body;
  let start = 0;
  while (start < body.length && start < 4) {
    const node = body[start] as BlocksNode;
    if (node?.type !== 'paragraph') break;
    const text = textOf(node).trim();
    if (text === '') {
      start += 1;
      continue;
    }
    const credits = readStoryCredits([text]);
    const bylineOnly =
      credits.creditLines.includes(0) &&
      credits.statements.length > 0 &&
      credits.statements.every((s) => s.family === 'byline' || s.family === 'english');
    if (!bylineOnly) break;
    start += 1;
  }
  return start === 0 ? body : body.slice(start);
}
