import type { Finding, PullQuoteRecord, Rule, RuleInput } from '../../../shared/contracts/findings';
import { getBodyText } from '../../../shared/text/blocks-text';
import { quoteAppearsIn } from '../../../shared/text/verbatim';
import { normaliseText } from '../../../shared/text/normalise';
import { capitalise, describeQuote, message } from '../../../shared/text/messages';
import { finding } from './support/finding';

export const id = 'pull-quote.verbatim';

function notFound(input: RuleInput, quote: PullQuoteRecord, empty: boolean): Finding {
  const which = describeQuote(quote);
  return finding(
    input,
    id,
    `${quote.path}.text`,
    empty
      ? message(`${capitalise(which.en)} is empty.`, `${which['zh-Hant']}沒有內容。`, `${which['zh-Hans']}没有内容。`)
      : message(
          `${capitalise(which.en)} does not appear word for word in the body. Copy it exactly from the text; mark cuts with “…”.`,
          `${which['zh-Hant']}與正文不一致,正文中找不到原句。請從正文逐字複製,刪節處用「……」。`,
          `${which['zh-Hans']}与正文不一致,正文中找不到原句。请从正文逐字复制,删节处用“……”。`,
        ),
  );
}

/**
 * Each pull-quote must be in the body word for word, ignoring only width, quote marks and spacing;
 * the snapshot's body is the quote's own locale, so no script conversion either.
 */
export const pullQuoteVerbatim: Rule = (input) => {
  const { pullQuotes, body } = input.article;
  if (pullQuotes.length === 0) return [];
  const { normalised } = getBodyText(body);
  return pullQuotes
    .filter((quote) => !quoteAppearsIn(quote.text, normalised))
    .map((quote) => notFound(input, quote, normaliseText(quote.text) === ''));
};
