import type { Rule } from '../../../shared/contracts/findings';
import { isBlank } from '../../../shared/text/normalise';
import { capitalise, describeQuote, message } from '../../../shared/text/messages';
import { finding } from './support/finding';

export const id = 'pull-quote.speaker-required';

/** A quotation without a speaker puts words in no one's mouth, or in the outlet's. */
export const pullQuoteSpeakerRequired: Rule = (input) =>
  input.article.pullQuotes
    .filter((quote) => isBlank(quote.speaker))
    .map((quote) => {
      const which = describeQuote(quote);
      return finding(
        input,
        id,
        `${quote.path}.speaker`,
        message(
          `${capitalise(which.en)} names no speaker. Say who said it.`,
          `${which['zh-Hant']}沒有註明發言人。請填寫說話的人。`,
          `${which['zh-Hans']}没有注明发言人。请填写说话的人。`,
        ),
      );
    });
