import type { AuthorRecord, Finding, Rule, RuleInput } from '../../../shared/contracts/findings';
import { authorLabel, message, quoted } from '../../../shared/text/messages';
import { isPlaceholderName } from '../../../shared/text/placeholders';
import { finding } from './support/finding';

export const id = 'byline.author-registered';

type Field = 'author' | 'coAuthor' | 'editor';

const FIELD_LABEL = {
  author: message('byline author', '署名作者', '署名作者'),
  coAuthor: message('co-author', '共同作者', '共同作者'),
  editor: message('editor', '編輯', '编辑'),
} as const;

function check(input: RuleInput, field: Field, person: AuthorRecord, path: string = field): Finding[] {
  const label = FIELD_LABEL[field];
  const who = authorLabel(person);
  if (person.documentId.trim() === '') {
    return [
      finding(
        input,
        id,
        path,
        message(
          `The ${label.en} ${who} is not a registered author record.`,
          `${label['zh-Hant']} ${who} 不是已登記的作者資料。`,
          `${label['zh-Hans']} ${who} 不是已登记的作者资料。`,
        ),
      ),
    ];
  }
  const findings: Finding[] = [];
  // Both names are shown to readers somewhere, so either one being a stand-in is a problem.
  const placeholder = [person.name, person.displayName].find(
    (name): name is string => typeof name === 'string' && isPlaceholderName(name, input.config.placeholderAuthors),
  );
  if (placeholder !== undefined) {
    const q = quoted(placeholder);
    findings.push(
      finding(
        input,
        id,
        path,
        message(
          `The ${label.en} ${q.en} is a placeholder, not a person. Pick the real ${label.en}.`,
          `${label['zh-Hant']}${q['zh-Hant']}是佔位名稱,不是真人。請選擇實際的${label['zh-Hant']}。`,
          `${label['zh-Hans']}${q['zh-Hans']}是占位名称,不是真人。请选择实际的${label['zh-Hans']}。`,
        ),
      ),
    );
  }
  if (!person.published) {
    findings.push(
      finding(
        input,
        id,
        path,
        message(
          `The ${label.en} ${who} has no published author record. Publish the author entry first.`,
          `${label['zh-Hant']} ${who} 的作者資料尚未發布。請先發布該作者。`,
          `${label['zh-Hans']} ${who} 的作者资料尚未发布。请先发布该作者。`,
        ),
      ),
    );
  }
  return findings;
}

/** Byline, co-authors and editor must be real, published people; a missing author is `byline.author-required`'s job. */
export const bylineAuthorRegistered: Rule = (input) => {
  const { author, coAuthors, editor } = input.article;
  return [
    ...(author ? check(input, 'author', author) : []),
    ...(coAuthors ?? []).flatMap((person, i) => check(input, 'coAuthor', person, `coAuthors.${i}`)),
    ...(editor ? check(input, 'editor', editor) : []),
  ];
};
