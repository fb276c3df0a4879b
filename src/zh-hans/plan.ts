/**
 * What a refresh does to each converted field of one record, decided from three texts: the zh-Hant
 * text now, the zh-Hant text as it was converted last time (with what that conversion wrote), and the
 * zh-Hans text now. Pure, so the rule "a hand edit is never lost silently" is tested on its own.
 */

/** A record's converted fields, flat: `title`, `body` (Blocks as JSON), `cover.caption`, `gallery.0.alt` … */
export type TextFields = Record<string, string | null>;

/** What was converted last time, per field: the zh-Hant input and the zh-Hans output as stored. */
export interface ConversionSnapshot {
  from: string;
  at: string;
  fields: Record<string, { source: string | null; converted: string | null }>;
}

export interface FieldPlan {
  field: string;
  /** The zh-Hant text changed since the last conversion (the diff shows how). */
  sourceChanged: boolean;
  /** The zh-Hans text differs from what the last conversion wrote (or, never converted, from the conversion). */
  handEdited: boolean;
  /** Write the new conversion (true) or keep the zh-Hans text as it is (false). */
  write: boolean;
  sourceBefore: string | null;
  sourceNow: string | null;
}

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? null) === (b ?? null);

/**
 * Per field: a zh-Hans text that differs from the last conversion's output is a hand edit and is kept
 * unless `overwrite` names the field; a zh-Hans record never converted before counts every field that
 * differs from the fresh conversion as written by hand (someone translated it), so nothing is taken away.
 * An empty zh-Hans field is never a hand edit worth keeping.
 */
export function planFields(input: {
  source: TextFields;
  converted: TextFields;
  current: TextFields | null;
  snapshot: ConversionSnapshot | null;
  overwrite: (field: string) => boolean;
}): FieldPlan[] {
  const { source, converted, current, snapshot } = input;
  const fields = [...new Set([...Object.keys(source), ...Object.keys(converted)])];
  return fields.map((field) => {
    const last = snapshot?.fields[field];
    const sourceBefore = last ? last.source : null;
    const sourceChanged = snapshot !== null && !same(sourceBefore, source[field]);
    const now = current ? (current[field] ?? null) : null;
    const blank = now === null || now.trim() === '' || now === '[]';
    const reference = last ? last.converted : (converted[field] ?? null);
    const handEdited = current !== null && !blank && !same(now, reference);
    return {
      field,
      sourceChanged,
      handEdited,
      write: !handEdited || input.overwrite(field),
      sourceBefore,
      sourceNow: source[field] ?? null,
    };
  });
}

/**
 * The snapshot after the refresh: written fields record this conversion (`stored`: as read back from
 * the database); a kept hand edit records the zh-Hant text it was shown against, and keeps the
 * conversion it departs from, so it stays a hand edit next time.
 */
export function nextSnapshot(
  plans: readonly FieldPlan[],
  stored: TextFields,
  converted: TextFields,
  previous: ConversionSnapshot | null,
  meta: { from: string; at: string },
): ConversionSnapshot {
  const fields: ConversionSnapshot['fields'] = {};
  for (const plan of plans) {
    fields[plan.field] = plan.write
      ? { source: plan.sourceNow, converted: stored[plan.field] ?? null }
      : { source: plan.sourceNow, converted: previous?.fields[plan.field]?.converted ?? converted[plan.field] ?? null };
  }
  return { ...meta, fields };
}
