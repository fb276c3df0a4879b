import type { Finding, LocalizedMessage, Rule, RuleInput } from '../../../shared/contracts/findings';
import { authorLabel, capitalise, describeImage, describeQuote, message } from '../../../shared/text/messages';
import { finding } from './support/finding';
import { agencyPath } from './support/paths';

export const id = 'relation.unpublished-dependency';

function unpublished(input: RuleInput, path: string, what: LocalizedMessage): Finding {
  return finding(
    input,
    id,
    path,
    message(
      `${capitalise(what.en)} is not published yet. Open it and publish it first, or the story goes out without it.`,
      `${what['zh-Hant']}尚未發布。請先開啟並發布它,否則報導發布時不會帶上它。`,
      `${what['zh-Hans']}尚未发布。请先打开并发布它,否则报道发布时不会带上它。`,
    ),
  );
}

/**
 * Strapi 5 drops links to entries with no published version when the article is published, so each must
 * be published first; pull-quotes too, unless this publish takes them along (`quotesPublishWithStory`).
 */
export const relationUnpublishedDependency: Rule = (input) => {
  const { author, coAuthors, editor, source, republisher, pullQuotes, images } = input.article;
  const findings: Finding[] = [];
  if (author && !author.published) {
    const who = authorLabel(author);
    findings.push(unpublished(input, 'author', message(`the author ${who}`, `作者 ${who} `, `作者 ${who} `)));
  }
  (coAuthors ?? []).forEach((person, i) => {
    if (person.published) return;
    const who = authorLabel(person);
    findings.push(unpublished(input, `coAuthors.${i}`, message(`the co-author ${who}`, `共同作者 ${who} `, `共同作者 ${who} `)));
  });
  if (editor && !editor.published) {
    const who = authorLabel(editor);
    findings.push(unpublished(input, 'editor', message(`the editor ${who}`, `編輯 ${who} `, `编辑 ${who} `)));
  }
  if (source && !source.published) {
    findings.push(unpublished(input, 'source', message(`the outlet ${source.name}`, `媒體 ${source.name} `, `媒体 ${source.name} `)));
  }
  if (republisher && !republisher.published) {
    const name = republisher.name;
    findings.push(unpublished(input, 'republisher', message(`the republisher ${name}`, `轉載平台 ${name} `, `转载平台 ${name} `)));
  }
  if (!input.quotesPublishWithStory) {
    for (const quote of pullQuotes) {
      if (!quote.published) findings.push(unpublished(input, quote.path, describeQuote(quote)));
    }
  }
  for (const usage of images) {
    const agency = usage.agency;
    if (!agency || agency.published) continue;
    const image = describeImage(usage);
    findings.push(
      unpublished(
        input,
        agencyPath(usage),
        message(
          `the agency ${agency.name} of ${image.en}`,
          `${image['zh-Hant']}的圖片社 ${agency.name} `,
          `${image['zh-Hans']}的图片社 ${agency.name} `,
        ),
      ),
    );
  }
  return findings;
};
