import { toHalfWidth } from './normalise';

export type AttributionRole = 'outlet' | 'author' | 'editor';

export interface AttributionPart {
  role: AttributionRole;
  /** The label as typed (`文`, `作者`, `编辑`, `By`). */
  label: string;
  /** The name as typed, trimmed. */
  value: string;
}

/** Labels of a typed attribution line, in Traditional, Simplified and English. */
const LABELS: Record<AttributionRole, readonly string[]> = {
  outlet: ['文', '來源', '来源', '出品', 'text', 'source', 'outlet', 'from'],
  author: ['作者', '撰文', '記者', '记者', 'author', 'writer', 'reporter', 'by'],
  editor: ['責任編輯', '责任编辑', '責編', '责编', '編輯', '编辑', 'edited by', 'editor'],
};

const ROLE_BY_LABEL = new Map<string, AttributionRole>();
for (const [role, labels] of Object.entries(LABELS) as Array<[AttributionRole, readonly string[]]>) {
  for (const label of labels) ROLE_BY_LABEL.set(label, role);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

// Longest first, so 責任編輯 wins over 編輯 and `edited by` over `by`.
const LABEL_PATTERN = [...ROLE_BY_LABEL.keys()]
  .sort((a, b) => b.length - a.length)
  .map((label) => escape(label).replace(/ /gu, '\\s+'))
  .join('|');

/**
 * A part starts the line or follows `,` `、` `;`, and its label is followed by `|` (the full-width `｜`
 * and `，` are folded by NFKC first). The bar is required: `來源:` or `作者:` in running text is prose.
 */
const PART_START = new RegExp(`(?:^|[,、;])\\s*(${LABEL_PATTERN})\\s*\\|\\s*`, 'giu');
const LINE_START = new RegExp(`^\\s*(?:${LABEL_PATTERN})\\s*\\|`, 'iu');

/**
 * Reads a typed attribution line such as `文|正見 TrueView,作者|koorvoa,編輯|TV.`; null when the
 * paragraph is not one. A value runs to the next labelled part, so a name may itself hold a comma.
 */
export function parseAttributionLine(paragraph: string): AttributionPart[] | null {
  // Cheap screen before NFKC: a line's first label is short, so its bar sits near the start.
  if (!/[|｜]/u.test(paragraph.slice(0, 32))) return null;
  const text = toHalfWidth(paragraph).trim();
  if (!LINE_START.test(text)) return null;
  const starts = [...text.matchAll(PART_START)];
  const parts: AttributionPart[] = [];
  starts.forEach((match, i) => {
    const label = match[1] ?? '';
    const role = ROLE_BY_LABEL.get(label.toLowerCase().replace(/\s+/gu, ' '));
    const from = (match.index ?? 0) + match[0].length;
    const to = starts[i + 1]?.index ?? text.length;
    // A closing 。 ends the sentence, not the name (`TV.` keeps its own full stop).
    const value = text.slice(from, to).replace(/[,、;。\s]+$/u, '').trim();
    if (role && value !== '') parts.push({ role, label, value });
  });
  return parts.length > 0 ? parts : null;
}
