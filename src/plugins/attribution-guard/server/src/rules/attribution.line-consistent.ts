import type { Finding, LocalizedMessage, Rule, RuleInput } from '../../../shared/contracts/findings';
import { authorMatches, sourceMatches } from '../text/aliases';
import { parseAttributionLine, type AttributionPart, type AttributionRole } from '../text/attribution-line';
import { getBodyText } from '../text/blocks-text';
import { authorLabel, message } from '../text/messages';
import { finding } from './support/finding';

export const id = 'attribution.line-consistent';

const ROLE_LABEL: Record<AttributionRole, LocalizedMessage> = {
  outlet: message('outlet', '媒體', '媒体'),
  author: message('author', '作者', '作者'),
  editor: message('editor', '編輯', '编辑'),
};

/** The structured value a part must agree with: null when it agrees, else what the field holds (or null field). */
function disagreement(input: RuleInput, part: AttributionPart): { field: string | null } | null {
  const { source, author, editor } = input.article;
  switch (part.role) {
    case 'outlet':
      return source && sourceMatches(part.value, source) ? null : { field: source ? source.name : null };
    case 'author':
      return author && authorMatches(part.value, author) ? null : { field: author ? authorLabel(author) : null };
    case 'editor':
      return editor && authorMatches(part.value, editor) ? null : { field: editor ? authorLabel(editor) : null };
  }
}

function describe(block: number, part: AttributionPart, field: string | null): LocalizedMessage {
  const role = ROLE_LABEL[part.role];
  const en = `The attribution line in body block ${block} names the ${role.en} “${part.value}”`;
  const hant = `正文第 ${block} 段的署名行寫${role['zh-Hant']}「${part.value}」`;
  const hans = `正文第 ${block} 段的署名行写${role['zh-Hans']}“${part.value}”`;
  return field === null
    ? message(
        `${en}, but the ${role.en} field is empty.`,
        `${hant},但${role['zh-Hant']}欄位是空的。`,
        `${hans},但${role['zh-Hans']}字段是空的。`,
      )
    : message(
        `${en}, but the ${role.en} field says ${field}.`,
        `${hant},但${role['zh-Hant']}欄位是 ${field}。`,
        `${hans},但${role['zh-Hans']}字段是 ${field}。`,
      );
}

/** A typed line (文|…,作者|…,編輯|…) repeats the byline in the text, where it goes stale unnoticed; no line, no finding. */
export const attributionLineConsistent: Rule = (input) => {
  const findings: Finding[] = [];
  getBodyText(input.article.body).paragraphs.forEach((paragraph, index) => {
    const parts = parseAttributionLine(paragraph);
    if (!parts) return;
    for (const part of parts) {
      const mismatch = disagreement(input, part);
      if (mismatch) findings.push(finding(input, id, `body.${index}`, describe(index + 1, part, mismatch.field)));
    }
  });
  return findings;
};
