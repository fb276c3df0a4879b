import type { AuthorRecord, Finding, Rule, RuleInput, SourceRecord } from '../../../shared/contracts/findings';
import { authorLabel, message } from '../../../shared/text/messages';
import { finding } from './support/finding';

export const id = 'byline.author-outlet';

/**
 * The byline author must write for the article's outlet. Missing author or outlet are other rules'
 * findings; an author with no outlet at all cannot be vouched for, so that is a finding here too.
 */
export const bylineAuthorOutlet: Rule = (input) => {
  const { author, coAuthors, source } = input.article;
  if (!source) return [];
  return [
    ...(author ? check(input, author, source, 'author') : []),
    ...(coAuthors ?? []).flatMap((person, i) => check(input, person, source, `coAuthors.${i}`)),
  ];
};

function check(input: RuleInput, author: AuthorRecord, source: SourceRecord, path: string): Finding[] {
  if (author.outletDocumentId === source.documentId) return [];
  const who = authorLabel(author);
  if (author.outletDocumentId === null) {
    return [
      finding(
        input,
        id,
        path,
        message(
          `The author ${who} belongs to no outlet, so it cannot be confirmed that they write for ${source.name}. Set their outlet in the author record.`,
          `作者 ${who} 未設定所屬媒體,無法確認其為 ${source.name} 撰稿。請在作者資料中設定所屬媒體。`,
          `作者 ${who} 未设置所属媒体,无法确认其为 ${source.name} 撰稿。请在作者资料中设置所属媒体。`,
        ),
      ),
    ];
  }
  const theirs = input.sources.find((s) => s.documentId === author.outletDocumentId);
  const theirsName = theirs?.name;
  return [
    finding(
      input,
      id,
      path,
      theirsName
        ? message(
            `The author ${who} belongs to ${theirsName}, not to this article's outlet ${source.name}.`,
            `作者 ${who} 屬於 ${theirsName},而非本文的媒體 ${source.name}。`,
            `作者 ${who} 属于 ${theirsName},而非本文的媒体 ${source.name}。`,
          )
        : message(
            `The author ${who} belongs to another outlet, not to this article's outlet ${source.name}.`,
            `作者 ${who} 屬於其他媒體,而非本文的媒體 ${source.name}。`,
            `作者 ${who} 属于其他媒体,而非本文的媒体 ${source.name}。`,
          ),
    ),
  ];
}
