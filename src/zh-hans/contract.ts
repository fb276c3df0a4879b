/**
 * What `POST /newsroom/zh-hans-edition` answers, shared by the server (src/zh-hans/edition.ts) and the
 * admin's dialog (src/admin/import/ZhHansEditionAction.tsx). Types only, so the admin bundle takes nothing
 * of the server with it.
 */

export type EditionMessage = { en: string; 'zh-Hant': string; 'zh-Hans': string };

/** Why a converted record is left a draft for an editor instead of being published with the edition (words in notes.ts). */
export type ReviewCode =
  | 'not-published-in-source'
  | 'source-has-unpublished-changes'
  | 'numbers-changed'
  | 'names-changed'
  | 'quote-not-verbatim'
  | 'speaker-missing'
  | 'hand-edited'
  | 'no-permission'
  | 'publishes-with-story';

export interface ReviewReason {
  code: ReviewCode;
  /** The field the reason is about, when it is about one. */
  field?: string;
  /** What differs (the numbers or names), for the editor's eye. */
  detail?: string;
}

export type LinkedRole = 'author' | 'co-author' | 'editor' | 'outlet' | 'republisher' | 'agency' | 'pull-quote';

export interface LinkedRecordReport {
  role: LinkedRole;
  uid: string;
  documentId: string;
  name: string;
  /** False for sources: one record in every locale, linked as it is. */
  localized: boolean;
  /** `created`/`refreshed` its zh-Hans version; `shared` (sources); `skipped` (not allowed); `unlinked` (a quote the zh-Hant story dropped). */
  action: 'created' | 'refreshed' | 'shared' | 'skipped' | 'unlinked';
  /** Where its zh-Hans (or shared) version stands after the edition. */
  status: 'published' | 'draft' | 'missing';
  /** Linked from the zh-Hans story. */
  linked: boolean;
  /** Why it was left a draft (or, for a quote, when it goes out). */
  reasons: Array<ReviewReason & { message: EditionMessage }>;
}

export interface FieldChange {
  /** `article:<documentId>:title`, `author:<documentId>:bio`, `pull-quote:<documentId>:text`: what `overwrite` names. */
  key: string;
  /** The record the field belongs to, for the dialog's label: its kind, its uid and its name (empty for the story). */
  kind: 'article' | 'author' | 'pull-quote';
  uid: string;
  name: string;
  /** The same in English, for logs and API readers. */
  record: string;
  field: string;
  sourceChanged: boolean;
  handEdited: boolean;
  /** Whether this refresh writes the field (false: the zh-Hans text is kept). */
  write: boolean;
  /** The zh-Hant change since the last conversion, as unified-diff hunks (`-` then, `+` now). */
  diff: string | null;
}

export interface EditionResult {
  documentId: string;
  locale: 'zh-Hans';
  /** False when an existing zh-Hans draft was refreshed. */
  created: boolean;
  /** False: nothing was written; the refresh needs `confirm: true` after the editor has seen `changes`. */
  applied: boolean;
  needsConfirmation: boolean;
  machineConverted: true;
  needsReview: true;
  from: 'tw' | 'hk';
  convertedAt: string;
  pullQuotes: number;
  records: LinkedRecordReport[];
  /** Fields whose zh-Hant text changed since the last conversion, or whose zh-Hans text was edited by hand. */
  changes: FieldChange[];
  /** What the editor must settle by hand (English; the records say it in three languages). */
  notes: string[];
}
