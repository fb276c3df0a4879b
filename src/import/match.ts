import type { AuthorRecord, SourceKind, SourceRecord } from '../plugins/attribution-guard/shared/contracts/findings';
import { authorMatches, findSourceMentions, resolveCredit, resolveSourceName } from '../plugins/attribution-guard/server/src/text/aliases';
import { normaliseText } from '../plugins/attribution-guard/server/src/text/normalise';
import type { ParsedStory } from './parse';

export interface SourceMatch {
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
  author: AuthorMatch | null;
  editor: AuthorMatch | null;
  republisher: SourceMatch | null;
  /** The agency the photo credit names; null record when the credit names no known agency. */
  agency: SourceMatch | null;
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
 * ignored). The republisher is the one its closing line names, else a republisher mentioned in the
 * text. Unknown outlets and people become proposals; an unknown agency is not proposed, only reported.
 */
export function matchRecords(story: ParsedStory, sources: readonly SourceRecord[], authors: readonly AuthorRecord[]): StoryMatches {
  let republisher = source(story.republisher, sources, 'republisher', ['republisher']);
  if (!republisher) {
    const mention = findSourceMentions(normaliseText(story.paragraphs.join('\n')), sources, ['republisher'])[0];
    if (mention) republisher = { name: mention.name, record: mention.source, proposal: null };
  }
  let agency: SourceMatch | null = null;
  if (story.photoCredit) {
    const found = resolveCredit(story.photoCredit, sources, ['agency', 'wire']).sources.find((s) => s.kind === 'agency' || s.kind === 'wire') ?? null;
    agency = { name: story.photoCredit, record: found, proposal: null };
  }
  return {
    outlet: source(story.outlet, sources, 'outlet', ['outlet']),
    author: author(story.author, authors, 'writer'),
    editor: author(story.editor, authors, 'editor'),
    republisher,
    agency,
  };
}
