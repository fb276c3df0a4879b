import type { AuthorRecord, SourceKind, SourceRecord } from '../contracts/findings';
import { splitCreditParts, stripCreditPrefix } from './credit';
import { normaliseName, normaliseText } from './normalise';
import { foldScript } from './script-fold';

/**
 * Who is who comes from data only: a source is known by its name, shortName and aliases, an author by
 * name, displayName and aliases. Keys are width-, space-, case- and script-insensitive.
 */
export function nameKey(text: string): string {
  return foldScript(normaliseName(text));
}

function keysOf(values: ReadonlyArray<string | null | undefined>): Set<string> {
  const keys = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const key = nameKey(value);
    if (key !== '') keys.add(key);
  }
  return keys;
}

const sourceKeyCache = new WeakMap<SourceRecord, Set<string>>();

export function sourceKeys(source: SourceRecord): Set<string> {
  let keys = sourceKeyCache.get(source);
  if (!keys) {
    keys = keysOf([source.name, source.shortName, ...source.aliases]);
    sourceKeyCache.set(source, keys);
  }
  return keys;
}

const authorKeyCache = new WeakMap<AuthorRecord, Set<string>>();

export function authorKeys(author: AuthorRecord): Set<string> {
  let keys = authorKeyCache.get(author);
  if (!keys) {
    keys = keysOf([author.name, author.displayName, ...author.aliases]);
    authorKeyCache.set(author, keys);
  }
  return keys;
}

export function sourceMatches(text: string, source: SourceRecord): boolean {
  return sourceKeys(source).has(nameKey(text));
}

export function authorMatches(text: string, author: AuthorRecord): boolean {
  return authorKeys(author).has(nameKey(text));
}

/** Key → sources carrying it; built once per `sources` array (one per check run). */
const indexCache = new WeakMap<readonly SourceRecord[], Map<string, SourceRecord[]>>();

function aliasIndex(sources: readonly SourceRecord[]): Map<string, SourceRecord[]> {
  let index = indexCache.get(sources);
  if (!index) {
    index = new Map();
    for (const source of sources) {
      for (const key of sourceKeys(source)) {
        const list = index.get(key);
        if (list) list.push(source);
        else index.set(key, [source]);
      }
    }
    indexCache.set(sources, index);
  }
  return index;
}

/**
 * The source a name refers to, or null. When two sources share an alias, one of the `prefer`red
 * kinds wins (an image credit prefers an agency to an outlet of the same name).
 */
export function resolveSourceName(text: string, sources: readonly SourceRecord[], prefer: readonly SourceKind[] = []): SourceRecord | null {
  const key = nameKey(text);
  if (key === '') return null;
  const matches = aliasIndex(sources).get(key);
  if (!matches || matches.length === 0) return null;
  return matches.find((source) => source.kind !== null && prefer.includes(source.kind)) ?? matches[0] ?? null;
}

export interface ResolvedCredit {
  /** Known sources the credit names, without duplicates. */
  sources: SourceRecord[];
  /** Parts of the credit that name no known source (often a photographer). */
  unresolved: string[];
}

/**
 * Reads a credit such as `圖片來源 @視覺中國`, `@VCG`, `視覺中國/VCG` or `視覺中國 張三`: first as one
 * name, then part by part, then word by word, because credits mix agency and photographer freely.
 */
export function resolveCredit(credit: string, sources: readonly SourceRecord[], prefer: readonly SourceKind[] = []): ResolvedCredit {
  const whole = resolveSourceName(stripCreditPrefix(credit), sources, prefer);
  if (whole) return { sources: [whole], unresolved: [] };

  const found = new Map<string, SourceRecord>();
  const unresolved: string[] = [];
  for (const part of splitCreditParts(credit)) {
    const source = resolveSourceName(part, sources, prefer);
    if (source) {
      found.set(source.documentId, source);
      continue;
    }
    let anyWord = false;
    for (const word of part.split(/\s+/u)) {
      const byWord = resolveSourceName(word, sources, prefer);
      if (byWord) {
        found.set(byWord.documentId, byWord);
        anyWord = true;
      }
    }
    if (!anyWord) unresolved.push(part);
  }
  return { sources: [...found.values()], unresolved };
}

const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;

/** Whether `needle` occurs in `haystack` as a whole word where its own edge is Latin (`TMTPost`, not `TMTPosts`). */
function containsAsWord(haystack: string, needle: string): boolean {
  const startsLatin = LATIN_OR_DIGIT.test(needle.charAt(0));
  const endsLatin = LATIN_OR_DIGIT.test(needle.charAt(needle.length - 1));
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const before = haystack.charAt(at - 1);
    const after = haystack.charAt(at + needle.length);
    const leftOk = !startsLatin || before === '' || !LATIN_OR_DIGIT.test(before);
    const rightOk = !endsLatin || after === '' || !LATIN_OR_DIGIT.test(after);
    if (leftOk && rightOk) return true;
    from = at + 1;
  }
}

/** A single character (or nothing) left after normalisation would match almost any body. */
const MIN_MENTION_LENGTH = 2;

export interface SourceMention {
  source: SourceRecord;
  /** The name or alias as it occurs in the body. */
  name: string;
}

/**
 * Sources of the given kinds named in an already `normaliseText`-ed body. No script folding here: a
 * 100k-character body is too long to convert, so both scripts must be listed among the aliases.
 */
export function findSourceMentions(
  normalisedBody: string,
  sources: readonly SourceRecord[],
  kinds: readonly SourceKind[],
): SourceMention[] {
  const mentions: SourceMention[] = [];
  for (const source of sources) {
    if (source.kind === null || !kinds.includes(source.kind)) continue;
    for (const name of [source.name, source.shortName, ...source.aliases]) {
      if (typeof name !== 'string') continue;
      const needle = normaliseText(name).trim();
      if (needle.length < MIN_MENTION_LENGTH) continue;
      if (containsAsWord(normalisedBody, needle)) {
        mentions.push({ source, name });
        break;
      }
    }
  }
  return mentions;
}
