import { stripCreditPrefix } from '../plugins/attribution-guard/shared/text/credit';
import { isBlank } from '../plugins/attribution-guard/shared/text/normalise';

/** The byline format when an outlet has no template of its own. */
export const DEFAULT_ATTRIBUTION_TEMPLATE = '文|{outlet},作者|{author},編輯|{editor}';

export interface AttributionNames {
  outlet: string | null;
  author: string | null;
  editor: string | null;
}

const PLACEHOLDER = /\{(\w+)\}/gu;
/** Parts of a template are separated like the parts of a typed byline: `,` `，` `、` `;`. */
const SEPARATOR = /([,，、;；])/u;

/**
 * Renders an outlet's attribution template (`文|{outlet},作者|{author},編輯|{editor}`). A part whose
 * name is missing is left out whole, so a story without an editor reads `文|正見 TrueView,作者|koorvoa`
 * rather than ending in an empty `編輯|`. Null when no part can be filled.
 */
export function renderAttributionLine(template: string | null | undefined, names: AttributionNames): string | null {
  const source = isBlank(template) ? DEFAULT_ATTRIBUTION_TEMPLATE : template!.trim();
  const pieces = source.split(SEPARATOR);
  const parts: Array<{ separator: string; text: string }> = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const raw = pieces[i] ?? '';
    let complete = true;
    const text = raw.replace(PLACEHOLDER, (_match, key: string) => {
      const value = (names as unknown as Record<string, string | null | undefined>)[key];
      if (isBlank(value)) {
        complete = false;
        return '';
      }
      return value!.trim();
    });
    if (complete && text.trim() !== '') parts.push({ separator: i === 0 ? '' : (pieces[i - 1] ?? ''), text });
  }
  if (parts.length === 0) return null;
  return parts.map((part, i) => (i === 0 ? part.text.trimStart() : `${part.separator}${part.text}`)).join('');
}

/** How a photo credit is introduced, per content locale. */
const CREDIT_LABELS: Record<string, (name: string) => string> = {
  'zh-Hant': (name) => `圖片來源 @${name}`,
  'zh-Hans': (name) => `图片来源 @${name}`,
  en: (name) => `Photo: ${name}`,
};

/**
 * The credit line shown with an image, e.g. `圖片來源 @視覺中國`. A credit typed with its own label
 * (`圖片來源 @視覺中國`, `@VCG`) is reduced to the name first, so the label never appears twice.
 */
export function renderCreditLine(credit: string | null | undefined, locale: string): string | null {
  if (isBlank(credit)) return null;
  const name = stripCreditPrefix(credit!);
  if (name === '') return null;
  return (CREDIT_LABELS[locale] ?? CREDIT_LABELS['zh-Hant']!)(name);
}

/** The credit reduced to the name it gives (`圖片來源 @視覺中國` → `視覺中國`), for machine-readable credits. */
export function creditName(credit: string | null | undefined): string | null {
  if (isBlank(credit)) return null;
  const name = stripCreditPrefix(credit!);
  return name === '' ? null : name;
}
