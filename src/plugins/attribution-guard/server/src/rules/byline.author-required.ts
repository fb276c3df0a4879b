import type { Rule } from '../../../shared/contracts/findings';
import { message } from '../../../shared/text/messages';
import { finding } from './support/finding';

export const id = 'byline.author-required';

/** A story with no byline cannot tell readers who wrote it. */
export const bylineAuthorRequired: Rule = (input) => {
  if (input.article.author) return [];
  return [
    finding(
      input,
      id,
      'author',
      message(
        'No byline author is set. Pick the writer in the Author field.',
        '未設定署名作者。請在「作者」欄位選擇撰稿人。',
        '未设置署名作者。请在“作者”字段选择撰稿人。',
      ),
    ),
  ];
};
