import type { LocalizedMessage } from '../../../shared/contracts/findings';
import { message } from '../../../shared/text/messages';

export type RemovalAction = 'unpublish' | 'delete';

/** One published story that shows the record through one field. */
export interface Dependent {
  contentType: string;
  documentId: string;
  locale: string | null;
  title: string | null;
  /** Field path on the story: `author`, `pullQuotes`, `cover.agency`, `cover.image` (the file's stored credit). */
  field: string;
}

const FIELD_LABELS: Record<string, LocalizedMessage> = {
  author: message('author', '作者', '作者'),
  editor: message('editor', '編輯', '编辑'),
  source: message('outlet', '媒體', '媒体'),
  republisher: message('republisher', '轉載平台', '转载平台'),
  pullQuotes: message('pull-quote', '引言', '引言'),
  'cover.agency': message('cover image agency', '封面圖片的圖片社', '封面图片的图片社'),
  'gallery.agency': message('gallery image agency', '圖集圖片的圖片社', '图集图片的图片社'),
};
const MEDIA_CREDIT = message('agency in a photo’s stored credit', '圖片所存署名中的圖片社', '图片所存署名中的图片社');

/** How an editor knows the field; a field the newsroom has not named is shown by its path. */
export function fieldLabel(dependent: Pick<Dependent, 'field'>, viaMediaCredit = false): LocalizedMessage {
  if (viaMediaCredit) return MEDIA_CREDIT;
  return FIELD_LABELS[dependent.field] ?? message(dependent.field, dependent.field, dependent.field);
}

const VERBS: Record<RemovalAction, LocalizedMessage> = {
  unpublish: message('unpublish', '取消發布', '取消发布'),
  delete: message('delete', '刪除', '删除'),
};

/** One line per story: `“Title” (zh-Hant) as author, editor`. */
function storyLines(dependents: Array<Dependent & { viaMediaCredit?: boolean }>, lang: keyof LocalizedMessage): string[] {
  const byStory = new Map<string, { title: string; locale: string | null; fields: string[] }>();
  for (const d of dependents) {
    const key = `${d.contentType}|${d.documentId}|${d.locale ?? ''}`;
    const entry = byStory.get(key) ?? { title: d.title ?? d.documentId, locale: d.locale, fields: [] };
    const label = fieldLabel(d, d.viaMediaCredit)[lang];
    if (!entry.fields.includes(label)) entry.fields.push(label);
    byStory.set(key, entry);
  }
  return [...byStory.values()].map(({ title, locale, fields }) => {
    const where = locale ? (lang === 'en' ? ` (${locale})` : `(${locale})`) : '';
    if (lang === 'en') return `“${title}”${where} as ${fields.join(', ')}`;
    if (lang === 'zh-Hant') return `「${title}」${where}的${fields.join('、')}`;
    return `“${title}”${where}的${fields.join('、')}`;
  });
}

const MAX_LISTED = 5;

/**
 * The refusal an editor reads in the admin's toast: what was refused, which live stories would lose it,
 * and what to do instead. In English, Traditional and Simplified Chinese.
 */
export function refusalMessage(
  action: RemovalAction,
  recordLabel: string,
  dependents: Array<Dependent & { viaMediaCredit?: boolean }>,
): LocalizedMessage {
  const verb = VERBS[action];
  const build = (lang: keyof LocalizedMessage): string => {
    const lines = storyLines(dependents, lang);
    const shown = lines.slice(0, MAX_LISTED);
    const more = lines.length - shown.length;
    if (lang === 'en') {
      const count = `${lines.length} published ${lines.length === 1 ? 'story shows' : 'stories show'} it`;
      return `Cannot ${verb.en} “${recordLabel}”: ${count}: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}. Change or unpublish ${lines.length === 1 ? 'that story' : 'those stories'} first, or ask an editor with the override permission.`;
    }
    const sep = '；';
    const moreText = more > 0 ? `${sep}另有 ${more} 篇` : '';
    const name = lang === 'zh-Hant' ? `「${recordLabel}」` : `“${recordLabel}”`;
    return lang === 'zh-Hant'
      ? `無法${verb[lang]}${name}:${lines.length} 篇已發布的報導正在使用它:${shown.join(sep)}${moreText}。請先修改或取消發布這些報導,或請有覆寫權限的編輯處理。`
      : `无法${verb[lang]}${name}:${lines.length} 篇已发布的报道正在使用它:${shown.join(sep)}${moreText}。请先修改或取消发布这些报道,或请有覆盖权限的编辑处理。`;
  };
  return { en: build('en'), 'zh-Hant': build('zh-Hant'), 'zh-Hans': build('zh-Hans') };
}

/** Strapi's error-detail shape, one per story and field, so clients can list or link them. */
export function refusalDetails(
  action: RemovalAction,
  record: { contentType: string; documentId: string; label: string },
  dependents: Array<Dependent & { viaMediaCredit?: boolean }>,
) {
  return {
    errors: dependents.map((d) => {
      const label = fieldLabel(d, d.viaMediaCredit);
      return {
        path: d.field.split('.'),
        message: `“${d.title ?? d.documentId}”${d.locale ? ` (${d.locale})` : ''} shows it as ${label.en}`,
        name: 'ValidationError',
        contentType: d.contentType,
        documentId: d.documentId,
        locale: d.locale,
        title: d.title,
        field: d.field,
      };
    }),
    messages: refusalMessage(action, record.label, dependents),
    dependents: { action, contentType: record.contentType, documentId: record.documentId, overridable: true },
  };
}
