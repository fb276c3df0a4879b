import sanitizeHtml from 'sanitize-html';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/**
 * Strips every tag (and the content of script/style) from a plain-text field.
 * sanitize-html escapes what it keeps; a plain-text field stores characters, not HTML,
 * so the basic entities are turned back into characters (renderers escape on output).
 */
export function toPlainText(value: string): string {
  const stripped = sanitizeHtml(value, { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: 'discard' });
  return stripped.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity).trim();
}
