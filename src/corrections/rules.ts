/**
 * The rules of a story's corrections, as plain data: what counts as the same correction, which
 * ones a write keeps, drops or adds, and what is wrong with a new one. No Strapi here; the document
 * middleware (./middleware.ts) and the Add correction route (./add-correction.ts) apply them.
 */

export const CORRECTION_KINDS = ['correction', 'clarification', 'update'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export const isCorrectionKind = (value: unknown): value is CorrectionKind =>
  typeof value === 'string' && (CORRECTION_KINDS as readonly string[]).includes(value);

/** The longest correction text (the component's `maxLength`). */
export const MAX_CORRECTION_TEXT = 2000;

/** A correction as stored or as given in a write; `at` is whatever the caller or the database holds. */
export interface CorrectionLike {
  id?: unknown;
  at?: unknown;
  kind?: unknown;
  text?: unknown;
}

export interface Correction {
  at: string;
  kind: CorrectionKind;
  text: string;
}

/** An instant as ISO text, or null when it is not one. */
export function isoInstant(value: unknown): string | null {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : null;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  const date = new Date(value);
  return Number.isFinite(date.getTime()) ? date.toISOString() : null;
}

/** Two corrections are the same when their time (to the millisecond), kind and text are. */
export const correctionKey = (c: CorrectionLike): string =>
  `${isoInstant(c.at) ?? String(c.at)}\u0000${String(c.kind)}\u0000${String(c.text ?? '')}`;

/**
 * What a repeatable-component value in a write stands for, item by item: an item naming an `id`
 * updates that component of the draft (its other fields stay), an item without one is a new
 * component. `null` clears the list.
 */
export function effectiveList(incoming: unknown, draftById: ReadonlyMap<string, CorrectionLike>): CorrectionLike[] {
  if (incoming === null) return [];
  const items = Array.isArray(incoming) ? incoming : [incoming];
  return items.map((item): CorrectionLike => {
    if (!item || typeof item !== 'object') return { at: undefined, kind: undefined, text: undefined };
    const given = item as CorrectionLike;
    const existing = given.id !== undefined && given.id !== null ? draftById.get(String(given.id)) : undefined;
    const pick = (field: 'at' | 'kind' | 'text') => (field in given ? given[field] : existing?.[field]);
    return { at: pick('at'), kind: pick('kind'), text: pick('text') };
  });
}

/** `items` less one match for each of `taken` (a multiset difference by correctionKey). */
export function without<T extends CorrectionLike>(items: readonly T[], taken: readonly CorrectionLike[]): T[] {
  const counts = new Map<string, number>();
  for (const t of taken) counts.set(correctionKey(t), (counts.get(correctionKey(t)) ?? 0) + 1);
  return items.filter((item) => {
    const key = correctionKey(item);
    const left = counts.get(key) ?? 0;
    if (left === 0) return true;
    counts.set(key, left - 1);
    return false;
  });
}

/** The public corrections a write would lose or change: each must be in `after` as it is. */
export const missingPublic = (publicOnes: readonly CorrectionLike[], after: readonly CorrectionLike[]): CorrectionLike[] =>
  without(publicOnes, after);

const excerpt = (text: unknown) => {
  const value = String(text ?? '');
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
};

/** An editor-readable date of a correction, in UTC (the admin shows it in the editor's zone). */
const when = (at: unknown) => (isoInstant(at) ?? String(at)).replace('T', ' ').replace(/:\d\d\.\d{3}Z$/u, ' UTC');

export function publicCorrectionMessage(lost: CorrectionLike): string {
  return `The ${String(lost.kind)} of ${when(lost.at)} ("${excerpt(lost.text)}") is public: it cannot be deleted or changed. Add a newer correction that supersedes it instead.`;
}

export interface NewCorrectionContext {
  now: Date;
  /** The first publication of the story in this locale; a correction cannot be older. */
  firstPublishedAt: string | null;
}

/**
 * New items of a write that give no time are stamped `now`: a correction is dated when it is made.
 * Items naming an `id` keep the time of the component they update. Changes the items in place.
 */
export function stampNewItems(incoming: unknown, now: Date): void {
  if (!Array.isArray(incoming)) return;
  for (const item of incoming) {
    if (!item || typeof item !== 'object') continue;
    const given = item as CorrectionLike;
    const named = given.id !== undefined && given.id !== null;
    if (!named && (given.at === undefined || given.at === null || given.at === '')) given.at = now.toISOString();
  }
}

/**
 * What is wrong with a correction added by a write, or null. A time in the future, or before the
 * story was first published, is refused: a correction says when the record was set straight.
 */
export function newCorrectionProblem(item: CorrectionLike, context: NewCorrectionContext): string | null {
  if (!isCorrectionKind(item.kind)) return `A correction's kind must be one of ${CORRECTION_KINDS.join(', ')}.`;
  if (typeof item.text !== 'string' || item.text.trim() === '') return 'A correction needs its text: say what was wrong and what is right.';
  if (item.text.length > MAX_CORRECTION_TEXT) return `A correction's text is at most ${MAX_CORRECTION_TEXT} characters.`;
  const at = isoInstant(item.at);
  if (!at) return "A correction's time must be a date and time, e.g. 2026-03-08T09:30:00Z.";
  // A minute of slack for clocks that differ between the client and the server.
  if (Date.parse(at) > context.now.getTime() + 60_000) return "A correction's time cannot be in the future.";
  if (context.firstPublishedAt && Date.parse(at) < Date.parse(context.firstPublishedAt))
    return 'A correction cannot be older than the story: its time is before the story was first published.';
  return null;
}

/** The history's line for a correction made public. */
export const historyComment = (c: CorrectionLike): string => `${String(c.kind)}: ${String(c.text ?? '')}`;

/** Newest first; equal times keep the order they were added in (later first). */
export function newestFirst<T extends { at: string }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => Date.parse(b.item.at) - Date.parse(a.item.at) || b.index - a.index)
    .map(({ item }) => item);
}
