import { cleanName, length } from './text';

/**
 * Photo credits, on a line of their own (`圖片來源 @視覺中國`, `头图来自:IC photo`, `題圖/路透社`,
 * `Photo: Reuters`) or inside a caption (`(攝影/林彥廷)`, `(圖/交通部提供)`).
 */
export interface PhotoCredit {
  /** Who the credit names, as the text gives it, labels removed (`視覺中國`, `交通部`, `林彥廷`). */
  credit: string;
  /** Set when the credit names a photographer (`攝影/林彥廷`, `Photograph by Ann Wu`). */
  photographer: string | null;
  /** `提供` / `courtesy of`: a handout picture given by the one named. */
  handout: boolean;
  /** The credit as it stands in the text, label included. */
  text: string;
  /** The whole line is the credit (a cover credit), rather than a part of a caption. */
  wholeLine: boolean;
}

const ZH_LABEL =
  '(?:封面|頭圖|头图|題圖|题图|首圖|首图|配圖|配图|圖片|图片|照片|圖源|图源|圖|图)\\s*(?:來源|来源|來自|来自|提供|出處|出处)?|(?:攝影|摄影|供圖|供图)';
const EN_LABEL = '(?:cover\\s+)?(?:photo(?:graph)?s?|images?|picture|illustration)(?:\\s+credits?)?|credits?|courtesy(?:\\s+of)?';

/** The whole line: label, separator or `@`, then the name. */
const ZH_LINE = new RegExp(
  `^\\s*(${ZH_LABEL})\\s*(?:[:：|｜/／@＠]\\s*[@＠]?|\\s+[@＠]?|(?<=來源|来源|來自|来自|提供)\\s*)\\s*(.+?)\\s*$`,
  'u',
);
const EN_LINE = new RegExp(`^\\s*(${EN_LABEL})\\s*(?:[:：|｜/]\\s*|\\s+by\\s+|\\s+)(.+?)\\s*$`, 'iu');
/** In a caption: `(攝影/林彥廷)`, `（圖／交通部提供）`, `(Photo: Reuters)`. */
const INLINE = new RegExp(
  `[(（]\\s*((?:${ZH_LABEL})\\s*[:：|｜/／]\\s*[^()（）]{1,40}?|(?:${EN_LABEL})\\s*(?:[:：]\\s*|\\s+by\\s+)[^()（）]{1,60}?)\\s*[)）]`,
  'giu',
);

const PHOTOGRAPHER_LABEL = /^(?:攝影|摄影)$|^photograph(?:s)?$/iu;
const HANDOUT = /\s*(?:提供|供圖|供图)$/u;
const COURTESY = /^courtesy/iu;

function credit(label: string, value: string, text: string, wholeLine: boolean): PhotoCredit | null {
  let name = cleanName(value.replace(/^[@＠]\s*/u, ''));
  const handout = HANDOUT.test(name) || COURTESY.test(label);
  name = cleanName(name.replace(HANDOUT, ''));
  // `圖/記者張家豪攝`: a staff photographer, credited by name.
  const staff = /^(?:記者|记者|攝影記者|摄影记者)?\s*([\p{Script=Han}·]{2,4})\s*(?:攝|摄)$/u.exec(name);
  if (staff) return { credit: staff[1]!, photographer: staff[1]!, handout: false, text: text.trim(), wholeLine };
  if (name === '' || length(name) > 60 || /[。！？!?]/u.test(name)) return null;
  const isPhotographer = PHOTOGRAPHER_LABEL.test(label.trim()) || /^photograph\s+by$/iu.test(label.trim());
  return { credit: name, photographer: isPhotographer ? name : null, handout, text: text.trim(), wholeLine };
}

/** A line that is a photo credit and nothing else; null otherwise. */
export function parsePhotoCreditLine(text: string): PhotoCredit | null {
  const trimmed = text.trim();
  if (trimmed === '' || length(trimmed) > 80) return null;
  const photographBy = /^\s*(photograph(?:ed)?|photo|image|picture)\s+by\s+(.+?)\s*\.?$/iu.exec(trimmed);
  if (photographBy) {
    const found = credit(/^photograph/iu.test(photographBy[1]!) ? 'photograph' : photographBy[1]!, photographBy[2]!, trimmed, true);
    return found ? { ...found, photographer: /^photograph/iu.test(photographBy[1]!) ? found.credit : found.photographer } : null;
  }
  const zh = ZH_LINE.exec(trimmed);
  if (zh) {
    // `圖` or `图` alone needs a separator, so a sentence beginning with 圖 is not a credit.
    if (/^[圖图]$/u.test(zh[1]!.trim()) && !/^[圖图]\s*[:：|｜/／]/u.test(trimmed)) return null;
    return credit(zh[1]!, zh[2]!, trimmed, true);
  }
  const en = EN_LINE.exec(trimmed);
  if (en && /[:：|｜/]|\sby\s/iu.test(trimmed.slice(0, en[1]!.length + 5))) return credit(en[1]!, en[2]!, trimmed, true);
  return null;
}

/** Credits inside a paragraph (captions): `(攝影/林彥廷)`, `(圖/交通部提供)`. */
export function findInlinePhotoCredits(paragraph: string): PhotoCredit[] {
  const found: PhotoCredit[] = [];
  for (const match of paragraph.matchAll(INLINE)) {
    const inner = match[1] ?? '';
    const split = /^(.*?)\s*(?:[:：|｜/／]|\s+by\s+)\s*(.*)$/iu.exec(inner);
    if (!split) continue;
    const parsed = credit(split[1] ?? '', split[2] ?? '', match[0], false);
    if (parsed) found.push(parsed);
  }
  return found;
}
