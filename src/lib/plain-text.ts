import sanitizeHtml from 'sanitize-html';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/**
 * Control characters have no place in a name, title or credit: C0/C1 controls (tab and line breaks
 * aside) hide text from readers and break URL checks, and the bidi embedding/override/isolate marks
 * can make a byline read differently from what is stored.
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** More encoding levels than this are not text anyone typed; what is left then loses its angle brackets. */
const MAX_ROUNDS = 8;

/** One round: drop every tag (and the content of script/style), then turn what sanitize-html escaped back into characters. */
function stripOnce(value: string): string {
  const stripped = sanitizeHtml(value, { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: 'discard' });
  return stripped.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

/**
 * A plain-text field stores characters, not HTML. Decoding what was stripped can bring markup back
 * (`&lt;img onerror=…&gt;` is text to the parser, and `<img onerror=…>` once decoded), so stripping
 * repeats until the value no longer changes: each round peels one level of encoding
 * (`&amp;lt;` → `&lt;` → `<`). Renderers still escape on output.
 */
export function toPlainText(value: string): string {
  let current = value.replace(INVISIBLE, '');
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const next = stripOnce(current);
    if (next === current) return current.trim();
    current = next;
  }
  return current.replace(/[<>]/gu, '').trim();
}
