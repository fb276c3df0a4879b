import { alternation, cleanName, isProse, LABEL_SEPARATOR, splitNames } from './text';

/**
 * Chinese credit lines: `文|正見 TrueView,作者|koorvoa,編輯|TV.`, `作者 | 趙之齊` and `編輯 | 胡敏` on
 * lines of their own, `文|` with the name on the next line, `撰文 | 张薇   采访 | 李四`.
 * `文` is kept as its own role: it names the outlet in one house style and the writer in another,
 * and only the story's other lines or the records can tell which (see `resolveWen` in index.ts).
 */
export type BylineRole = 'wen' | 'writer' | 'interviewer' | 'translator' | 'editor' | 'outlet' | 'source' | 'other';

export interface BylinePart {
  role: BylineRole;
  /** The label as typed (`文`, `作者`, `责编`, `視頻編導`). */
  label: string;
  /** The value as typed, trimmed: one name or several (`王小明、李大華`). */
  value: string;
  names: string[];
  /** Index of the line the value was read from (the next line, for `文|` alone on its line). */
  line: number;
}

const LABELS: Record<BylineRole, readonly string[]> = {
  wen: ['文', 'Text'],
  writer: [
    'By',
    'Author',
    'Authors',
    'Writer',
    'Reporter',
    '作者',
    '撰文',
    '文字',
    '文字記者',
    '文字记者',
    '記者',
    '记者',
    '撰稿',
    '撰稿人',
    '採寫',
    '采写',
    '主筆',
    '主笔',
    '文/圖',
    '文/图',
  ],
  interviewer: ['採訪', '采访', '採訪整理', '采访整理', '整理'],
  translator: ['編譯', '编译', '翻譯', '翻译', '譯者', '译者'],
  editor: ['Editor', 'Edited by', '責任編輯', '责任编辑', '責編', '责编', '編輯', '编辑', '主編', '主编', '值班編輯', '值班编辑'],
  outlet: ['出品', '出品方'],
  source: ['Source', '來源', '来源', '稿源', '出處', '出处'],
  other: [
    '視頻編導',
    '视频编导',
    '編導',
    '编导',
    '視頻',
    '视频',
    '剪輯',
    '剪辑',
    '設計',
    '设计',
    '美編',
    '美编',
    '運營',
    '运营',
    '排版',
    '監製',
    '监制',
    '策劃',
    '策划',
    '審校',
    '审校',
    '校對',
    '校对',
    '插畫',
    '插画',
    '製圖',
    '制图',
    '攝影',
    '摄影',
  ],
};

const ROLE_BY_LABEL = new Map<string, BylineRole>();
for (const [role, labels] of Object.entries(LABELS) as Array<[BylineRole, readonly string[]]>) {
  for (const label of labels) ROLE_BY_LABEL.set(label.toLowerCase(), role);
}

const LABEL = alternation([...ROLE_BY_LABEL.keys()]);
/**
 * A part starts the line or follows a separator, and its label is followed by `|` `｜` `:` `：` `/`;
 * a label of two characters or more may also be followed by spaces alone (`作者 趙之齊`).
 */
const PART = new RegExp(`(?:^|[,，;；、]|\\s)\\s*(${LABEL})(?:${LABEL_SEPARATOR}|(?<=\\p{Script=Han}{2})\\s+|\\s*$)`, 'giu');
const LINE_START = new RegExp(`^\\s*(?:${LABEL})(?:${LABEL_SEPARATOR}|(?<=\\p{Script=Han}{2})\\s+|\\s*$)`, 'iu');

/** `（ID：wow36kr）` after an account's name is its handle, not part of the name. */
const ACCOUNT_ID = /\s*[(（]\s*(?:ID|id|微信號|微信号)\s*[:：][^)）]*[)）]/gu;

export function cleanValue(value: string): string {
  return cleanName(value.replace(ACCOUNT_ID, '').replace(/[。.]\s*$/u, (stop) => (/[A-Za-z]\.$/u.test(value.trim()) ? stop : '')));
}

/**
 * Reads one line as a credit line; null when it is not one. Every part must carry a label the
 * parser knows, and the line must not read as prose, so `文|…` in a sentence is not a byline.
 * A part may be empty when the name is on the next line (`readBylines` fills it).
 */
export function parseBylineLine(text: string, line = 0): BylinePart[] | null {
  const trimmed = text.trim();
  if (trimmed === '' || isProse(trimmed, 100) || !LINE_START.test(trimmed)) return null;
  const starts = [...trimmed.matchAll(PART)];
  const parts: BylinePart[] = [];
  starts.forEach((match, i) => {
    const label = match[1] ?? '';
    const role = ROLE_BY_LABEL.get(
      label
        .toLowerCase()
        .replace(/\s+/gu, ' ')
        .replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, ''),
    );
    if (!role) return;
    const from = (match.index ?? 0) + match[0].length;
    const to = starts[i + 1]?.index ?? trimmed.length;
    const value = cleanValue(trimmed.slice(from, to));
    parts.push({
      role,
      label,
      value,
      names: role === 'source' || role === 'outlet' || role === 'wen' ? (value ? [value] : []) : splitNames(value),
      line,
    });
  });
  // `文 ...` with nothing a label needs after it is a sentence starting with 文, not a credit.
  if (parts.length === 0 || parts.every((p) => p.value === '' && !/[|｜:：/／]\s*$/u.test(trimmed) && trimmed.length > p.label.length))
    return null;
  return parts;
}

/** A line short enough to be the name that a label alone on the previous line introduces. */
function isNameLine(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && [...trimmed].length <= 30 && !isProse(trimmed, 30) && parseBylineLine(trimmed) === null;
}

export interface BylineLines {
  parts: BylinePart[];
  /** Indices of the lines that are credit lines (a name line read for a label above it included). */
  lines: number[];
}

/** Every credit line among `lines`, with a label left empty at the end of its line filled from the next. */
export function readBylines(lines: readonly string[]): BylineLines {
  const parts: BylinePart[] = [];
  const used: number[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const found = parseBylineLine(lines[i] ?? '', i);
    if (!found) continue;
    used.push(i);
    const last = found[found.length - 1]!;
    const next = lines[i + 1];
    if (last.value === '' && next !== undefined && isNameLine(next)) {
      last.value = cleanValue(next);
      last.names = last.role === 'source' || last.role === 'outlet' || last.role === 'wen' ? [last.value] : splitNames(last.value);
      last.line = i + 1;
      used.push(i + 1);
      i += 1;
    }
    parts.push(...found.filter((p) => p.value !== ''));
  }
  return { parts, lines: used };
}
