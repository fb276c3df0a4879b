import type { Finding, LocalizedMessage, Rule, RuleInput } from '../../../shared/contracts/findings';
import { findSourceMentions, sourceMatches } from '../../../shared/text/aliases';
import { getBodyText } from '../../../shared/text/blocks-text';
import { isBlank } from '../../../shared/text/normalise';
import { kindLabel, message } from '../../../shared/text/messages';
import { finding } from './support/finding';

export const id = 'outlet.republisher';

/** Why the piece counts as republished, for the message; null when it does not. */
function republishedBecause(input: RuleInput): LocalizedMessage | null {
  const { article, sources } = input;
  if (!isBlank(article.originalUrl)) {
    return message('it has an original URL', '本文填有原文網址', '本文填有原文网址');
  }
  if (article.republisher) return message('a republisher is set', '已設定轉載平台', '已设置转载平台');
  // Only sources recorded as republishers count: the body naming them is the data, nothing is hard-coded.
  const mention = findSourceMentions(getBodyText(article.body).normalised, sources, ['republisher'])[0];
  if (mention) {
    return message(
      `the text mentions ${mention.name} (${mention.source.name})`,
      `正文提到 ${mention.name}(${mention.source.name})`,
      `正文提到 ${mention.name}(${mention.source.name})`,
    );
  }
  return null;
}

/** A republished piece must name, as republisher, a source of kind republisher (one of the required ones, if configured). */
export const outletRepublisher: Rule = (input) => {
  const because = republishedBecause(input);
  if (!because) return [];
  const { republisher } = input.article;
  if (!republisher) {
    return [
      finding(
        input,
        id,
        'republisher',
        message(
          `This piece is republished (${because.en}) but no republisher is set. Pick the republisher.`,
          `本文屬於轉載(${because['zh-Hant']}),但未設定轉載平台。請選擇轉載平台。`,
          `本文属于转载(${because['zh-Hans']}),但未设置转载平台。请选择转载平台。`,
        ),
      ),
    ];
  }
  const findings: Finding[] = [];
  if (republisher.kind !== 'republisher') {
    const kind = kindLabel(republisher.kind);
    findings.push(
      finding(
        input,
        id,
        'republisher',
        message(
          `The republisher ${republisher.name} is ${kind.en}, not a republisher.`,
          `轉載平台 ${republisher.name} 的類型是${kind['zh-Hant']},不是轉載平台。`,
          `转载平台 ${republisher.name} 的类型是${kind['zh-Hans']},不是转载平台。`,
        ),
      ),
    );
  }
  const required = input.config.requiredRepublishers;
  if (required.length > 0 && !required.some((name) => sourceMatches(name, republisher))) {
    const list = required.join(', ');
    const listZh = required.join('、');
    findings.push(
      finding(
        input,
        id,
        'republisher',
        message(
          `The republisher ${republisher.name} is not one of the required republishers (${list}).`,
          `轉載平台 ${republisher.name} 不在指定的轉載平台之列(${listZh})。`,
          `转载平台 ${republisher.name} 不在指定的转载平台之列(${listZh})。`,
        ),
      ),
    );
  }
  return findings;
};
