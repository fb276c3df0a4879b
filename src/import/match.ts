import type { AuthorRecord, SourceKind, SourceRecord } from '../plugins/attribution-guard/shared/contracts/findings';
import type { CreditLookup } from '../plugins/attribution-guard/shared/credits';
import { authorMatches, findSourceMentions, resolveCredit, resolveSourceName } from '../plugins/attribution-guard/shared/text/aliases';
import { normaliseText } from '../plugins/attribution-guard/shared/text/normalise';
import type { ParsedStory } from './parse';

export interface SourceMatch {
  /** The name as the text gives it. */
  name: string;
  record: SourceRecord | null;
  /** A new record to create as a draft when no existing one carries the name. */
  proposal: { name: string; kind: SourceKind } | null;
}

export interface AuthorMatch {
  name: string;
  record: AuthorRecord | null;
  proposal: { name: string; role: 'writer' | 'editor' } | null;
}

export interface StoryMatches {
  outlet: SourceMatch | null;
  /** Lead author first, then the co-authors in the order the text names them. */
  authors: AuthorMatch[];
  editor: AuthorMatch | null;
  republisher: SourceMatch | null;
  /** The agency the photo credit names; null record when the credit names no known agency. */
  agency: SourceMatch | null;
}

/** What the records know, for the credit reader to tell `文|<outlet>` from `文|<writer>`. */
export function recordLookup(sources: readonly SourceRecord[], authors: readonly AuthorRecord[]): CreditLookup {
  return {
    isSource: (name) => resolveSourceName(name, sources) !== null,
    isAuthor: (name) => authors.some((a) => authorMatches(name, a)),
  };
}

function source(name: string | null, sources: readonly SourceRecord[], kind: SourceKind, prefer: SourceKind[]): SourceMatch | null {
  if (!name) return null;
  const record = resolveSourceName(name, sources, prefer);
  return { name, record, proposal: record ? null : { name, kind } };
}

function author(name: string | null, authors: readonly AuthorRecord[], role: 'writer' | 'editor'): AuthorMatch | null {
  if (!name) return null;
  const record = authors.find((a) => authorMatches(name, a)) ?? null;
  return { name, record, proposal: record ? null : { name, role } };
}

/**
 * Finds the records a parsed story names, through names and aliases (width, script and spacing
 * ignored). The republisher is the one the text names (a closing line, `…经授权发布`), else a
 * republisher mentioned in the text. Unknown outlets and people become proposals; an unknown agency
 * is not proposed, only reported.
 */
export function matchRecords(story: ParsedStory, sources: readonly SourceRecord[], authors: readonly AuthorRecord[]): StoryMatches {
  let republisher = source(story.republisher, sources, 'republisher', ['republisher']);
  if (!republisher) {
    const mention = findSourceMentions(normaliseText(story.paragraphs.join('\n')), sources, ['republisher'])[0];
    if (mention) republisher = { name: mention.name, record: mention.source, proposal: null };
  }
  let agency: SourceMatch | null = null;
  if (story.photoCredit) {
    const found =
      resolveCredit(story.photoCredit.credit, sources, ['agency', 'wire']).sources.find((s) => s.kind === 'agency' || s.kind === 'wire') ??
      null;
    agency = { name: story.photoCredit.credit, record: found, proposal: null };
  }
  const people: AuthorMatch[] = [];
  for (const name of story.authors) {
    const match = author(name, authors, 'writer')!;
    // Two spellings of one registered person (張家豪 in the dateline, 张家豪 in the byline) are one author.
    if (!people.some((p) => (p.record && p.record.documentId === match.record?.documentId) || p.name === match.name)) people.push(match);
  }
  return {
    outlet: source(story.outlet, sources, 'outlet', ['outlet', 'wire']),
    authors: people,
    editor: author(story.editor, authors, 'editor'),
    republisher,
    agency,
  };
}
