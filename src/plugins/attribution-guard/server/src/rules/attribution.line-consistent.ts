import type { AuthorRecord, Finding, LocalizedMessage, Rule, RuleInput } from '../../../shared/contracts/findings';
import { readStoryCredits, type CreditLookup, type CreditRole, type CreditStatement } from '../../../shared/credits';
import { authorMatches, resolveSourceName, sourceMatches } from '../../../shared/text/aliases';
import { getBodyText } from '../../../shared/text/blocks-text';
import { authorLabel, message } from '../../../shared/text/messages';
import { finding } from './support/finding';

export const id = 'attribution.line-consistent';

const ROLE_LABEL: Record<CreditRole, LocalizedMessage> = {
  outlet: message('outlet', '媒體', '媒体'),
  author: message('author', '作者', '作者'),
  editor: message('editor', '編輯', '编辑'),
  republisher: message('republisher', '轉載平台', '转载平台'),
};

/** The registered writers of the article: the byline author, then the co-authors. */
const writersOf = (input: RuleInput): AuthorRecord[] =>
  [input.article.author, ...(input.article.coAuthors ?? [])].filter((a): a is AuthorRecord => a !== null);

/** What the field a name must agree with holds: null when it agrees, else the field's value (null for an empty field). */
function disagreement(input: RuleInput, role: CreditRole, name: string): { field: string | null } | null {
  const { source, editor, republisher } = input.article;
  switch (role) {
    case 'outlet':
      return source && sourceMatches(name, source) ? null : { field: source ? source.name : null };
    case 'republisher':
      return republisher && sourceMatches(name, republisher) ? null : { field: republisher ? republisher.name : null };
    case 'editor':
      return editor && authorMatches(name, editor) ? null : { field: editor ? authorLabel(editor) : null };
    case 'author': {
      const writers = writersOf(input);
      return writers.some((w) => authorMatches(name, w))
        ? null
        : { field: writers.length > 0 ? writers.map(authorLabel).join(', ') : null };
    }
  }
}

function describe(block: number, role: CreditRole, name: string, field: string | null, several: boolean): LocalizedMessage {
  const label = ROLE_LABEL[role];
  const en = `The attribution line in body block ${block} names the ${label.en} “${name}”`;
  const hant = `正文第 ${block} 段的署名行寫${label['zh-Hant']}「${name}」`;
  const hans = `正文第 ${block} 段的署名行写${label['zh-Hans']}“${name}”`;
  if (field === null) {
    return message(
      `${en}, but the ${label.en} field is empty.`,
      `${hant},但${label['zh-Hant']}欄位是空的。`,
      `${hans},但${label['zh-Hans']}字段是空的。`,
    );
  }
  const says = several ? `the ${label.en} fields say ${field}` : `the ${label.en} field says ${field}`;
  return message(`${en}, but ${says}.`, `${hant},但${label['zh-Hant']}欄位是 ${field}。`, `${hans},但${label['zh-Hans']}字段是 ${field}。`);
}

/**
 * A credit typed in the text — a byline line in any of the conventions the credit reader knows
 * (`文|…,作者|…,編輯|…`, `作者 | …` on its own line, `By A and B, Outlet`, `〔記者…/台北報導〕`,
 * `本文来自微信公众号:X,作者:Y`, an aggregator's closing line) — repeats the credit fields in print,
 * where it goes stale unnoticed. Each name it gives must be the field's. No credit line, no finding.
 */
export const attributionLineConsistent: Rule = (input) => {
  const { article } = input;
  const writers = writersOf(input);
  // `文|X` is the outlet or the writer: the article's own records decide, then the line's shape.
  const lookup: CreditLookup = {
    isSource: (name) => (article.source !== null && sourceMatches(name, article.source)) || resolveSourceName(name, input.sources) !== null,
    isAuthor: (name) => writers.some((w) => authorMatches(name, w)) || (article.editor !== null && authorMatches(name, article.editor)),
  };
  const credits = readStoryCredits(getBodyText(article.body).paragraphs, lookup);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const check = (statement: CreditStatement, name: string) => {
    const key = `${statement.line}:${statement.role}:${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const mismatch = disagreement(input, statement.role, name);
    if (mismatch) {
      const several = statement.role === 'author' && writers.length > 1;
      findings.push(
        finding(input, id, `body.${statement.line}`, describe(statement.line + 1, statement.role, name, mismatch.field, several)),
      );
    }
  };
  for (const statement of credits.statements) for (const name of statement.names) check(statement, name);
  return findings;
};
