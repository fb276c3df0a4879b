import { cleanName, length, splitNames } from './text';

/**
 * English credit lines: `By Jane Ho and Marcus Lee, TechPulse`, `Edited by Ann Wu`,
 * `Reporting by A and B; Editing by C`, `This article was first published by X and is republished
 * with permission`, `Originally published in X`.
 */
export interface EnglishCredit {
  authors: string[];
  /** The outlet named after the writers (`, TechPulse`, `for TechPulse`); a guess unless the records know it. */
  outlet: string | null;
  /** True when `outlet` was read by position only (`By A, B` could be two writers). */
  outletGuessed: boolean;
  editor: string | null;
  /** The outlet that first published the story, from a republication note. */
  origin: string | null;
  republishedWithPermission: boolean;
}

const EMPTY: EnglishCredit = {
  authors: [],
  outlet: null,
  outletGuessed: false,
  editor: null,
  origin: null,
  republishedWithPermission: false,
};

const BY = /^\s*(?:written\s+)?by\s+(.+?)\s*\.?\s*$/iu;
const REPORTING =
  /^\s*reporting\s+by\s+(.+?)(?:\s*[;,]\s*(?:additional\s+reporting\s+by\s+(.+?)))?(?:\s*[;,]\s*(?:writing\s+by\s+.+?))?(?:\s*[;,]\s*editing\s+by\s+(.+?))?\s*\.?\s*$/iu;
const EDITED = /^\s*(?:edited|editing)\s+by\s+(.+?)\s*\.?\s*$/iu;
const FIRST_PUBLISHED =
  /(?:first|originally)\s+(?:published|appeared)\s+(?:by|in|on|at)\s+(.+?)(?=\s+(?:and|,|on\s+\w+\s+\d|in\s+\d{4})\b|[.,;]|$)/iu;
const REPUBLISHED_FROM = /republished\s+(?:with\s+permission\s+)?from\s+(.+?)(?=[.,;]|\s+with\b|$)/iu;
const WITH_PERMISSION = /(?:republished|reprinted|reproduced)\s+(?:here\s+)?with\s+(?:(?:the\s+)?kind\s+)?permission/iu;

/** `A and B`, `A, B and C`, `A & B`. */
function people(value: string): string[] {
  return splitNames(value.replace(/\s*,\s*(?=[^,]*\band\b)/giu, ' and ')).filter((n) => /^[\p{Lu}\p{Script=Han}]/u.test(n));
}

/** An outlet named after the writers: capitalised words, digits and `&`, nothing that reads as a clause. */
const OUTLET =
  /^(?:[\p{Lu}\d\p{Script=Han}][\p{L}\d&.'’-]*)(?:\s+(?:(?:of|and|the|for|de|la|&)\s+)?[\p{Lu}\d\p{Script=Han}][\p{L}\d&.'’-]*){0,5}$/u;

/** A capitalised name of one to four words (`Jane Ho`, `Marcus de la Cruz`). */
const PERSON = /^(?:\p{Lu}[\p{L}'’.-]*)(?:\s+(?:(?:de|da|van|von|der|la|le|bin|al)\s+)?\p{Lu}[\p{L}'’.-]*){0,3}$/u;

/**
 * `By Jane Ho and Marcus Lee, TechPulse`: the part after the last comma is the outlet when the
 * writers before it are joined by `and` (or the records know it); `By Jane Ho, TechPulse` is read the
 * same way but said to be a guess.
 */
function byline(
  value: string,
  isKnownSource?: (name: string) => boolean,
): Pick<EnglishCredit, 'authors' | 'outlet' | 'outletGuessed'> | null {
  const forOutlet = /^(.+?)\s+for\s+(.+)$/iu.exec(value);
  if (forOutlet) return { authors: people(forOutlet[1]!), outlet: cleanName(forOutlet[2]!), outletGuessed: false };
  const segments = value
    .split(/\s*[,|·—–]\s*/u)
    .map(cleanName)
    .filter(Boolean);
  if (segments.length === 0) return null;
  const last = segments[segments.length - 1]!;
  const writers = segments.slice(0, -1).join(', ');
  let outlet: string | null = null;
  let guessed = false;
  if (segments.length > 1 && OUTLET.test(last)) {
    if (isKnownSource?.(last)) outlet = last;
    else if (/\band\b|&/iu.test(writers) && !/\band\b|&/iu.test(last)) outlet = last;
    else if (segments.length === 2 && !/\band\b|&/iu.test(last)) {
      outlet = last;
      guessed = true;
    }
  }
  if (segments.length > 1 && outlet === null && !segments.every((seg) => PERSON.test(seg) || /\band\b|&/iu.test(seg))) return null;
  const authors = people(outlet ? writers : value);
  if (authors.length === 0 || !authors.every((a) => PERSON.test(a) || /\p{Script=Han}/u.test(a))) return null;
  return { authors, outlet, outletGuessed: guessed };
}

/** Reads one line as an English credit line; null when it is none. */
export function parseEnglishCredit(text: string, isKnownSource?: (name: string) => boolean): EnglishCredit | null {
  const trimmed = text.trim();
  if (trimmed === '' || length(trimmed) > 240) return null;

  const reporting = REPORTING.exec(trimmed);
  if (reporting) {
    return {
      ...EMPTY,
      authors: [...people(reporting[1]!), ...(reporting[2] ? people(reporting[2]) : [])],
      editor: reporting[3] ? cleanName(reporting[3]) : null,
    };
  }
  const edited = EDITED.exec(trimmed);
  if (edited && length(trimmed) <= 80) return { ...EMPTY, editor: cleanName(edited[1]!) };

  const by = BY.exec(trimmed);
  if (by && length(trimmed) <= 120) {
    const read = byline(by[1]!, isKnownSource);
    if (read) return { ...EMPTY, ...read };
  }
  const first = FIRST_PUBLISHED.exec(trimmed) ?? REPUBLISHED_FROM.exec(trimmed);
  if (first && /\b(?:article|story|piece|post|essay|report|column|this)\b/iu.test(trimmed)) {
    return {
      ...EMPTY,
      origin: cleanName(first[1]!.replace(/^the\s+(?=\p{Lu})/u, '')),
      republishedWithPermission: WITH_PERMISSION.test(trimmed),
    };
  }
  return null;
}
