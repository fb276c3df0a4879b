import type { Finding, Rule } from '../../../shared/contracts/findings';
import { stripCreditPrefix } from '../../../shared/text/credit';
import { capitalise, describeImage, message } from '../../../shared/text/messages';
import { placeholderInCredit } from '../../../shared/text/placeholders';
import { finding } from './support/finding';
import { creditPath } from './support/paths';

export const id = 'image.credit-placeholder';

/** `網路`, `图片来源网络` or `unknown` look like credits but name no one. Empty credits are `image.credit-required`'s. */
export const imageCreditPlaceholder: Rule = (input) => {
  const findings: Finding[] = [];
  for (const usage of input.article.images) {
    if (usage.credit === null || stripCreditPrefix(usage.credit) === '') continue;
    const placeholder = placeholderInCredit(usage.credit, input.config.placeholderCredits);
    if (placeholder === null) continue;
    const image = describeImage(usage);
    const credit = usage.credit.trim();
    findings.push(
      finding(
        input,
        id,
        creditPath(usage),
        message(
          `${capitalise(image.en)} is credited “${credit}”, a placeholder (“${placeholder}”) that names no one. Name the photographer or agency.`,
          `${image['zh-Hant']}的圖片來源「${credit}」是佔位寫法(「${placeholder}」),沒有指明任何人。請填寫攝影者或圖片社。`,
          `${image['zh-Hans']}的图片来源“${credit}”是占位写法(“${placeholder}”),没有指明任何人。请填写摄影者或图片社。`,
        ),
      ),
    );
  }
  return findings;
};
