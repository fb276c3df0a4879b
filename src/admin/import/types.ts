import type { ImportNote } from '../../import/notes';
/** The shape `POST /newsroom/import` answers with (`{ data: ImportReport }`, see `src/import/create-draft.ts`). */
export interface MatchView {
  name: string;
  record: { documentId: string; name: string } | null;
  proposal: { name: string } | null;
}

export interface FindingView {
  rule: string;
  severity: 'error' | 'warning' | string;
  path?: string | null;
  message: Record<string, string> | string;
}

export interface ImportReportView {
  dryRun: boolean;
  locale: string;
  encoding: string | null;
  title: string;
  titleFrom?: 'option' | 'aggregator' | 'headline' | 'first-sentence';
  paragraphs: number;
  bylineLine: string | null;
  boilerplate: string[];
  outlet: MatchView | null;
  /** Lead author first; the others are the co-authors. */
  authors: MatchView[];
  editor: MatchView | null;
  republisher: MatchView | null;
  photoCredit: { name: string; record: { documentId: string; name: string } | null; photographer?: string | null } | null;
  originalTitle?: string | null;
  quotes: Array<{ text: string; speaker: string | null; speakerTitle: string | null; speakerOrg: string | null }>;
  /** What could not be decided, as data (absent from older answers: `undecided` is then shown as it is). */
  notes?: ImportNote[];
  undecided: string[];
  created: { article: string | null; sources: string[]; authors: string[]; pullQuotes: string[] };
  findings: FindingView[];
}

/** Every string of these admin parts lives under `newsroom-import.` in the admin's translation table. */
export const t = (id: string) => `newsroom-import.${id}`;

export const ARTICLE_UID = 'api::article.article';
export const IMPORT_LOCALES = ['zh-Hant', 'zh-Hans', 'en'] as const;

/** Strapi's error body (`{ error: { message } }`) out of whatever the fetch client threw. */
export function errorMessage(error: unknown): string {
  const e = error as { response?: { data?: { error?: { message?: string } } }; message?: string } | null;
  return e?.response?.data?.error?.message ?? e?.message ?? String(error);
}
