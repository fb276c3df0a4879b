import { createTwoFilesPatch } from 'diff';
import { bodyPlainText } from '../plugins/attribution-guard/shared/text/blocks-text';
import type { BlocksNode } from '../plugins/attribution-guard/shared/contracts/findings';

/** A field's text as an editor reads it: the body (stored as Blocks JSON) one paragraph a line. */
export function readableText(field: string, value: string | null): string {
  if (value === null) return '';
  if (field !== 'body') return value;
  try {
    const blocks = JSON.parse(value) as unknown;
    return Array.isArray(blocks) ? bodyPlainText(blocks as BlocksNode[]) : value;
  } catch {
    return value;
  }
}

/**
 * The zh-Hant change since the last conversion as unified-diff hunks (`-` then, `+` now, one line of
 * context), one paragraph a line: what the editor reads before a refresh overwrites anything. The file
 * header lines are left out: the dialog says, in the admin's language, what `-` and `+` are.
 */
export function sourceDiff(field: string, before: string | null, after: string | null): string {
  const a = readableText(field, before);
  const b = readableText(field, after);
  const patch = createTwoFilesPatch('before', 'after', `${a}\n`, `${b}\n`, undefined, undefined, { context: 1 });
  const hunks = patch.slice(patch.indexOf('@@'));
  return patch.includes('@@') ? hunks.trimEnd() : '';
}
