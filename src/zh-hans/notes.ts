import type { EditionMessage } from './contract';

/**
 * The history's note on a converted edition, in the admin's three languages (the workflow keeps its
 * English as the comment). `variant` is the OpenCC Traditional variant the text was read as.
 */
export function machineConvertedNote(from: string, variant: string): EditionMessage {
  return {
    en: `Machine-converted from ${from} (OpenCC ${variant} → cn); needs review.`,
    'zh-Hant': `由 ${from} 機器轉換(OpenCC ${variant} → cn),須審閱。`,
    'zh-Hans': `由 ${from} 机器转换(OpenCC ${variant} → cn),须审阅。`,
  };
}

/**
 * Why a linked record of the edition stayed a draft, in the admin's three languages. `detail` is what
 * differs (numbers, names) and is shown as it is.
 */
export function reviewReasonMessage(code: string, field?: string, detail?: string): EditionMessage {
  const f = field ? ` (${field})` : '';
  const d = detail ? `: ${detail}` : '';
  switch (code) {
    case 'not-published-in-source':
      return {
        en: 'Not published in zh-Hant, so not published in zh-Hans either.',
        'zh-Hant': '繁體版尚未發布,簡體版也不發布。',
        'zh-Hans': '繁体版尚未发布,简体版也不发布。',
      };
    case 'source-has-unpublished-changes':
      return {
        en: 'The zh-Hant record has unpublished changes: publish or discard them there first.',
        'zh-Hant': '繁體版有尚未發布的修改:請先在繁體版發布或捨棄。',
        'zh-Hans': '繁体版有尚未发布的修改:请先在繁体版发布或舍弃。',
      };
    case 'numbers-changed':
      return {
        en: `The conversion changed numbers${f}${d}. Check them.`,
        'zh-Hant': `轉換改動了數字${f}${d},請核對。`,
        'zh-Hans': `转换改动了数字${f}${d},请核对。`,
      };
    case 'names-changed':
      return {
        en: `The conversion changed names${f}${d}. Check them.`,
        'zh-Hant': `轉換改動了名稱${f}${d},請核對。`,
        'zh-Hans': `转换改动了名称${f}${d},请核对。`,
      };
    case 'quote-not-verbatim':
      return {
        en: 'The converted quote is not word for word in the converted body. Fix it in the panel.',
        'zh-Hant': '轉換後的引述與轉換後的正文不一致,請在面板中修正。',
        'zh-Hans': '转换后的引述与转换后的正文不一致,请在面板中修正。',
      };
    case 'speaker-missing':
      return { en: 'The quote names no speaker.', 'zh-Hant': '引述未註明說話者。', 'zh-Hans': '引述未注明说话者。' };
    case 'hand-edited':
      return {
        en: `Edited by hand in zh-Hans${f}: kept; an editor publishes it after reading it.`,
        'zh-Hant': `簡體版經人工修改${f}:已保留,由編輯審閱後發布。`,
        'zh-Hans': `简体版经人工修改${f}:已保留,由编辑审阅后发布。`,
      };
    case 'no-permission':
      return {
        en: `Your role may not ${detail ?? 'change'} this record: an editor's refresh does it.`,
        'zh-Hant': `你的角色無權${detail === 'publish' ? '發布' : '修改'}此記錄:由編輯更新時處理。`,
        'zh-Hans': `你的角色无权${detail === 'publish' ? '发布' : '修改'}此记录:由编辑更新时处理。`,
      };
    case 'publishes-with-story':
      return {
        en: 'Verified word for word; published with the zh-Hans story.',
        'zh-Hant': '已逐字核對,隨簡體版報導一同發布。',
        'zh-Hans': '已逐字核对,随简体版报道一同发布。',
      };
    default:
      return { en: code, 'zh-Hant': code, 'zh-Hans': code };
  }
}
