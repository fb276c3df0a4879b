/**
 * Findings name fields by their path in the form (`cover.credit`, `gallery.2.agency`, `pullQuotes.0.text`,
 * `body.5`). Here a path becomes words an editor recognises and the input the edit view can focus.
 */

export interface FieldPart {
  /** Translation key under `field.` (e.g. `field.cover`), so the label follows the admin's language. */
  key: string;
  /** 1-based position for repeatable things: gallery image 3, pull-quote 2, body block 6. */
  position?: number;
}

const KNOWN_FIELDS = new Set([
  'title',
  'slug',
  'dek',
  'body',
  'cover',
  'gallery',
  'author',
  'coAuthors',
  'editor',
  'source',
  'republisher',
  'originalUrl',
  'pullQuotes',
  'credit',
  'agency',
  'photographer',
  'license',
  'caption',
  'alt',
  'image',
  'text',
  'speaker',
]);

export function describePath(path: string): FieldPart[] {
  const segments = path.split('.');
  const parts: FieldPart[] = [];
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!;
    const next = segments[i + 1];
    if (next !== undefined && /^\d+$/u.test(next)) {
      parts.push({ key: KNOWN_FIELDS.has(segment) ? segment : 'other', position: Number(next) + 1 });
      i += 1;
    } else if (!/^\d+$/u.test(segment)) {
      parts.push({ key: KNOWN_FIELDS.has(segment) ? segment : 'other' });
    }
  }
  return parts;
}

/**
 * The form input to focus for a path: component fields have inputs of their own (`cover.credit`,
 * `gallery.2.credit`); a pull-quote lives in another document, so its relation field is the target, and a
 * body block is inside the rich-text editor, so the body field is.
 */
export function focusTarget(path: string): string {
  const [head = ''] = path.split('.');
  if (head === 'pullQuotes' || head === 'body') return head;
  if (head === 'cover' || head === 'gallery') return path.split('.').length > (head === 'cover' ? 1 : 2) ? path : `${path}.image`;
  return head;
}
