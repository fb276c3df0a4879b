import { splitNames } from './text';

/**
 * Newspaper and wire datelines at the start of a story's first paragraph:
 * `〔記者張家豪/台北報導〕`, `(中央社記者吳佳穎台北3日電)`, `記者X/綜合報導`, `新华社北京5月3日电(记者王晓)`.
 */
export interface Dateline {
  /** The wire or paper the dateline names (`中央社`, `新华社`), if any. */
  outlet: string | null;
  reporters: string[];
  place: string | null;
  /** The dateline as it stands in the text. */
  text: string;
  /** Offset of the dateline in the paragraph. */
  index: number;
}

/** Places the name of a reporter runs into without a separator (`吳佳穎台北3日電`); others are cut by length. */
const PLACES = [
  '台北',
  '臺北',
  '新北',
  '台中',
  '臺中',
  '台南',
  '臺南',
  '高雄',
  '桃園',
  '新竹',
  '基隆',
  '嘉義',
  '花蓮',
  '宜蘭',
  '屏東',
  '金門',
  '北京',
  '上海',
  '深圳',
  '廣州',
  '广州',
  '杭州',
  '南京',
  '成都',
  '武漢',
  '武汉',
  '天津',
  '重慶',
  '重庆',
  '香港',
  '澳門',
  '澳门',
  '東京',
  '东京',
  '首爾',
  '首尔',
  '新加坡',
  '華盛頓',
  '华盛顿',
  '紐約',
  '纽约',
  '倫敦',
  '伦敦',
  '巴黎',
  '柏林',
  '舊金山',
  '旧金山',
  '矽谷',
  '硅谷',
  '洛杉磯',
  '洛杉矶',
  '布魯塞爾',
  '布鲁塞尔',
  '日內瓦',
  '日内瓦',
  '莫斯科',
  '雪梨',
  '悉尼',
  '曼谷',
  '河內',
  '河内',
];
const PLACE = [...PLACES].sort((a, b) => b.length - a.length).join('|');

const OPEN = '[〔\\[【(（]';
const CLOSE = '[〕\\]】)）]';
const REPORTER = '(?:記者|记者|特派記者|特派记者|實習記者|实习记者)';
const NAMES = '([\\p{Script=Han}·]{2,4}(?:[、,，和與与及][\\p{Script=Han}·]{2,4})*)';

/** `〔記者張家豪/台北報導〕`, `（記者王小明、李大華／綜合報導）`. */
const BRACKETED = new RegExp(
  `^\\s*${OPEN}\\s*${REPORTER}\\s*${NAMES}\\s*(?:[/／|｜]\\s*)?(?:(${PLACE}|[\\p{Script=Han}]{2,4}?)\\s*)?(?:報導|报导|報道|报道|專電|专电|電|电)\\s*${CLOSE}`,
  'u',
);
/** `(中央社記者吳佳穎台北3日電)`: outlet, reporter, place and date run together. */
const WIRE = new RegExp(
  `^\\s*${OPEN}\\s*([\\p{Script=Han}]{2,5}?(?:社|網|网|報|报|台))\\s*${REPORTER}\\s*([\\p{Script=Han}·]{2,8})\\s*\\d{1,2}\\s*日\\s*(?:電|电|專電|专电)\\s*${CLOSE}`,
  'u',
);
/** `新华社北京5月3日电(记者王晓)`. */
const WIRE_AFTER = new RegExp(
  `^\\s*([\\p{Script=Han}]{2,5}?(?:社|網|网|報|报|台))\\s*(${PLACE}|[\\p{Script=Han}]{2,3})?\\s*(?:\\d{1,2}\\s*月\\s*)?\\d{1,2}\\s*日\\s*(?:電|电|專電|专电)\\s*${OPEN}\\s*${REPORTER}\\s*${NAMES}\\s*${CLOSE}`,
  'u',
);
/** `記者X/綜合報導` without brackets, at the start of the paragraph. */
const PLAIN = new RegExp(`^\\s*${REPORTER}\\s*${NAMES}\\s*[/／|｜]\\s*(${PLACE}|[\\p{Script=Han}]{2,4}?)?\\s*(?:報導|报导|報道|报道)`, 'u');

/** `吳佳穎台北` → 吳佳穎 + 台北: a known place at the end, else a name of three characters and the rest. */
function splitNamePlace(run: string): { name: string; place: string | null } {
  const place = PLACES.find((p) => run.endsWith(p) && run.length - p.length >= 2);
  if (place) return { name: run.slice(0, run.length - place.length), place };
  return run.length >= 5 ? { name: run.slice(0, 3), place: run.slice(3) } : { name: run, place: null };
}

const placeOf = (value: string | undefined): string | null => {
  if (!value) return null;
  return /^(?:綜合|综合)$/u.test(value) ? null : value;
};

/** The dateline a paragraph starts with; null when it starts with none. */
export function parseDateline(paragraph: string): Dateline | null {
  const wire = WIRE.exec(paragraph);
  if (wire) {
    const { name, place } = splitNamePlace(wire[2] ?? '');
    return { outlet: wire[1] ?? null, reporters: [name], place, text: wire[0].trim(), index: wire.index };
  }
  const after = WIRE_AFTER.exec(paragraph);
  if (after)
    return {
      outlet: after[1] ?? null,
      reporters: splitNames(after[3] ?? ''),
      place: placeOf(after[2]),
      text: after[0].trim(),
      index: after.index,
    };
  const bracketed = BRACKETED.exec(paragraph) ?? PLAIN.exec(paragraph);
  if (bracketed)
    return {
      outlet: null,
      reporters: splitNames(bracketed[1] ?? ''),
      place: placeOf(bracketed[2]),
      text: bracketed[0].trim(),
      index: bracketed.index,
    };
  return null;
}
