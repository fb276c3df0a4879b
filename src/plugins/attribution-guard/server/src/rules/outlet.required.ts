import type { Rule } from '../../../shared/contracts/findings';
import { kindLabel, message } from '../../../shared/text/messages';
import { finding } from './support/finding';

export const id = 'outlet.required';

/** Readers must see who originated the story; a republisher or agency in that slot misattributes it. */
export const outletRequired: Rule = (input) => {
  const { source } = input.article;
  if (!source) {
    return [
      finding(
        input,
        id,
        'source',
        message(
          'No originating outlet is set. Pick the outlet that produced the story in the Source field.',
          '未設定原創媒體。請在「來源」欄位選擇產出本文的媒體。',
          '未设置原创媒体。请在“来源”字段选择产出本文的媒体。',
        ),
      ),
    ];
  }
  if (source.kind === 'outlet') return [];
  const kind = kindLabel(source.kind);
  return [
    finding(
      input,
      id,
      'source',
      message(
        `The source ${source.name} is ${kind.en}, not an outlet. Pick the outlet that produced the story.`,
        `來源 ${source.name} 的類型是${kind['zh-Hant']},不是媒體。請選擇產出本文的媒體。`,
        `来源 ${source.name} 的类型是${kind['zh-Hans']},不是媒体。请选择产出本文的媒体。`,
      ),
    ),
  ];
};
