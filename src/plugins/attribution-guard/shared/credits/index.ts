/**
 * The one reader of credit conventions, used by the importer, the guard's rules, the admin's import
 * report and the delivery's byline. Pure: no Strapi, no database. What the records know (a name is a
 * registered outlet or author) comes in as a lookup, because `文|X` is the outlet in one house style
 * and the writer in another.
 */
import { readBylines, type BylinePart } from './bylines';
import { parseDateline } from './datelines';
import { parseEnglishCredit } from './english';
import { parseOriginLine } from './origin';
import { findInlinePhotoCredits, parsePhotoCreditLine, type PhotoCredit } from './photo-credits';

export { parseBylineLine, readBylines, type BylinePart, type BylineRole } from './bylines';
export { parseDateline, type Dateline } from './datelines';
export { parseEnglishCredit, type EnglishCredit } from './english';
export { parseOriginLine, type OriginLine } from './origin';
export { findInlinePhotoCredits, parsePhotoCreditLine, type PhotoCredit } from './photo-credits';
export { endsInsideQuote, findQuotedSpans, isSpeech, type QuotedSpan } from './quotes';
export { attributeQuotes, findSpeakerMentions, splitOrganisationTitle, type QuoteAttribution, type SpeakerMention } from './speaker';
export { joinNames, splitNames } from './text';

export interface CreditLookup {
  /** The name is a registered outlet or other source (through its aliases). */
  isSource?: (name: string) => boolean;
  /** The name is a registered person. */
  isAuthor?: (name: string) => boolean;
}

export type CreditRole = 'outlet' | 'author' | 'editor' | 'republisher';
export type CreditFamily = 'byline' | 'origin' | 'dateline' | 'english';

/** One thing a line of the text says about who made or carried the story. */
export interface CreditStatement {
  role: CreditRole;
  /** The names as the text gives them. */
  names: string[];
  /** The label or form that said it (`文`, `作者`, `本文来自微信公众号`, `By`, `〔記者…〕`). */
  label: string;
  family: CreditFamily;
  /** Index of the line (paragraph) it was read from. */
  line: number;
  /** Said when the role was decided by position only (`文|X` alone, `By A, B`), not by the records. */
  guess: CreditGuess | null;
}

export interface StoryCredits {
  statements: CreditStatement[];
  outlet: CreditStatement | null;
  /** Every writer, lead first, each once. */
  authors: Array<{ name: string; statement: CreditStatement }>;
  editor: CreditStatement | null;
  republisher: CreditStatement | null;
  /** The cover's credit: the first photo-credit line, else the first credit in a caption. */
  photoCredit: (PhotoCredit & { line: number }) | null;
  originalTitle: string | null;
  /** Lines that are credit, origin or photo lines: never a title and never speech. */
  creditLines: number[];
  /** Lines that are photo credits and nothing else (the cover's credit line). */
  photoLines: number[];
  /** What was decided by position only, for the editor to confirm. */
  guesses: CreditGuess[];
}

/** What was decided by position, with no record to decide by; the importer words it for the editor. */
export type CreditGuess =
  /** `文|…` (`line` as typed, `label|value`), read as the outlet or the writer by what follows it. */
  | { kind: 'wen'; readAs: 'outlet' | 'writer'; line: string }
  /** `By A and B, Outlet`: the name after the writers read as the outlet. */
  | { kind: 'english-outlet'; outlet: string; line: string };

/** `文` by the records first (a known outlet or a known person), then by position: followed by a writer's label → outlet. */
function resolveWen(
  part: BylinePart,
  parts: readonly BylinePart[],
  lookup: CreditLookup,
): { role: 'outlet' | 'author'; guess: CreditGuess | null } {
  const value = part.value;
  const source = lookup.isSource?.(value) ?? false;
  const author = part.names.length > 0 && part.names.every((n) => lookup.isAuthor?.(n) ?? false);
  if (source && !author) return { role: 'outlet', guess: null };
  if (author && !source) return { role: 'author', guess: null };
  const index = parts.indexOf(part);
  const later = parts.slice(index + 1).filter((p) => p.line - part.line <= 3);
  // Named again among the people (`文|苏小北` … `采访|苏小北、方圆`): a person, not an outlet.
  const namedAgain = later.some((p) => p.role !== 'source' && p.role !== 'outlet' && p.names.includes(value));
  const writerAfter = !namedAgain && later.some((p) => p.role === 'writer');
  return writerAfter
    ? { role: 'outlet', guess: { kind: 'wen', readAs: 'outlet', line: `${part.label}|${value}` } }
    : { role: 'author', guess: { kind: 'wen', readAs: 'writer', line: `${part.label}|${value}` } };
}

function bylineStatements(parts: readonly BylinePart[], lookup: CreditLookup): CreditStatement[] {
  const out: CreditStatement[] = [];
  for (const part of parts) {
    const base = { label: part.label, family: 'byline' as const, line: part.line, guess: null };
    switch (part.role) {
      case 'wen': {
        const { role, guess } = resolveWen(part, parts, lookup);
        out.push({ ...base, role, names: role === 'outlet' ? [part.value] : part.names, guess });
        break;
      }
      case 'writer':
      case 'interviewer':
      case 'translator':
        out.push({ ...base, role: 'author', names: part.names });
        break;
      case 'editor':
        out.push({ ...base, role: 'editor', names: part.names });
        break;
      case 'outlet':
      case 'source':
        out.push({ ...base, role: 'outlet', names: [part.value] });
        break;
      default:
        break;
    }
  }
  return out;
}

/**
 * Everything the lines of a story say about its credits. `lines` are the story's paragraphs as
 * received, one a line; a statement points back at its line so the guard can name the paragraph.
 */
export function readStoryCredits(lines: readonly string[], lookup: CreditLookup = {}): StoryCredits {
  const statements: CreditStatement[] = [];
  const creditLines = new Set<number>();
  const photoLines: number[] = [];
  const guesses: CreditGuess[] = [];
  let photoCredit: StoryCredits['photoCredit'] = null;
  let inlinePhoto: StoryCredits['photoCredit'] = null;
  let originalTitle: string | null = null;

  // Photo lines first: `圖/路透社` must not be read as a byline, nor `攝影/林彥廷` as one.
  const rest: string[] = [];
  for (const [i, line] of lines.entries()) {
    const photo = parsePhotoCreditLine(line);
    if (photo) {
      photoLines.push(i);
      creditLines.add(i);
      if (!photoCredit) photoCredit = { ...photo, line: i };
      rest.push('');
      continue;
    }
    if (!inlinePhoto) {
      const inline = findInlinePhotoCredits(line)[0];
      if (inline) inlinePhoto = { ...inline, line: i };
    }
    rest.push(line);
  }

  const bylines = readBylines(rest);
  for (const i of bylines.lines) creditLines.add(i);
  statements.push(...bylineStatements(bylines.parts, lookup));

  for (const [i, line] of rest.entries()) {
    if (line === '' || creditLines.has(i)) continue;
    const origin = parseOriginLine(line, i);
    if (origin) {
      creditLines.add(i);
      const label = origin.kind === 'wechat' ? '本文来自微信公众号' : origin.kind;
      if (origin.outlet) statements.push({ role: 'outlet', names: [origin.outlet], label, family: 'origin', line: i, guess: null });
      if (origin.authors.length > 0)
        statements.push({ role: 'author', names: origin.authors, label, family: 'origin', line: i, guess: null });
      if (origin.republisher)
        statements.push({ role: 'republisher', names: [origin.republisher], label, family: 'origin', line: i, guess: null });
      if (origin.editor) statements.push({ role: 'editor', names: [origin.editor], label, family: 'origin', line: i, guess: null });
      if (origin.originalTitle) originalTitle = origin.originalTitle;
      if (origin.photoCredit && !photoCredit)
        photoCredit = {
          credit: origin.photoCredit,
          photographer: null,
          handout: false,
          text: origin.photoCredit,
          wholeLine: false,
          line: i,
        };
      continue;
    }
    const english = parseEnglishCredit(line, lookup.isSource);
    if (english) {
      creditLines.add(i);
      const guess: CreditGuess | null =
        english.outletGuessed && english.outlet ? { kind: 'english-outlet', outlet: english.outlet, line: line.trim() } : null;
      if (english.authors.length > 0)
        statements.push({ role: 'author', names: english.authors, label: 'By', family: 'english', line: i, guess: null });
      if (english.outlet) statements.push({ role: 'outlet', names: [english.outlet], label: 'By', family: 'english', line: i, guess });
      if (english.editor)
        statements.push({ role: 'editor', names: [english.editor], label: 'Edited by', family: 'english', line: i, guess: null });
      if (english.origin)
        statements.push({ role: 'outlet', names: [english.origin], label: 'first published by', family: 'english', line: i, guess: null });
      continue;
    }
    const dateline = parseDateline(line);
    if (dateline) {
      if (dateline.reporters.length > 0)
        statements.push({ role: 'author', names: dateline.reporters, label: dateline.text, family: 'dateline', line: i, guess: null });
      if (dateline.outlet)
        statements.push({ role: 'outlet', names: [dateline.outlet], label: dateline.text, family: 'dateline', line: i, guess: null });
    }
  }

  // The byline's own outlet outranks an origin line, which outranks a dateline's wire.
  const rank: Record<CreditFamily, number> = { byline: 0, origin: 1, english: 2, dateline: 3 };
  const ordered = [...statements].sort((a, b) => rank[a.family] - rank[b.family] || a.line - b.line);
  const first = (role: CreditRole) => ordered.find((s) => s.role === role) ?? null;
  const authors: StoryCredits['authors'] = [];
  for (const statement of ordered.filter((s) => s.role === 'author')) {
    for (const name of statement.names) if (!authors.some((a) => a.name === name)) authors.push({ name, statement });
  }
  for (const statement of statements)
    if (statement.guess && (statement.role !== 'outlet' || first('outlet') === statement || statement.family === 'byline'))
      guesses.push(statement.guess);

  return {
    statements,
    outlet: first('outlet'),
    authors,
    editor: first('editor'),
    republisher: first('republisher'),
    photoCredit: photoCredit ?? inlinePhoto,
    originalTitle,
    creditLines: [...creditLines].sort((a, b) => a - b),
    photoLines,
    guesses,
  };
}

/** Whether a line is a credit, origin or photo line (never a headline). */
export function isCreditLine(line: string): boolean {
  return readStoryCredits([line]).creditLines.length > 0 || parseDateline(line) !== null;
}
