/**
 * How deeply a request may nest its input. The deepest legitimate payload is an article's Blocks
 * body (`data.body[i].children[j]…`, two levels per nested list) inside a component; 40 levels
 * leave room for that several times over while stopping payloads built to exhaust the stack of
 * the validators, sanitisers and query builders that walk input recursively.
 */
export const MAX_NESTING_DEPTH = 40;

/**
 * Depth of a parsed value (a scalar is 0, `{}` and `[]` are 1, `{a:{}}` is 2), measured without
 * recursion so a hostile value cannot overflow the stack here either. Stops as soon as `limit`
 * is exceeded and then returns `limit + 1`.
 */
export function nestingDepth(value: unknown, limit = MAX_NESTING_DEPTH): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  const stack: Array<[object, number]> = [[value, 1]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return limit + 1;
    for (const child of Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/**
 * Bracket nesting of a JSON text (`[[{}]]` is 3), ignoring brackets inside strings. Multipart
 * requests carry JSON as a string field (`data` of an upload or a Content Manager form) that
 * handlers parse later; this catches a hostile one before they do.
 */
export function jsonTextDepth(text: string, limit = MAX_NESTING_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
      continue;
    }
    if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return limit + 1;
    } else if (ch === 0x7d || ch === 0x5d) depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** Bracket groups in a form field name (`a[b][c]` is 2), the nesting a qs-style parser would build. */
export function fieldNameDepth(name: string): number {
  let count = 0;
  for (let i = 0; i < name.length; i += 1) if (name.charCodeAt(i) === 0x5b) count += 1;
  return count;
}

const looksLikeJson = (text: string) => /^\s*[[{]/u.test(text);

export type NestingProblem = { where: 'body' | 'query'; path: string; depth: number };

/**
 * The first place where a request's parsed input is nested deeper than `limit`: the body (and any
 * JSON string or bracketed key in it, as multipart and urlencoded forms send them) and the query.
 */
export function findExcessNesting(
  input: { body?: unknown; query?: unknown; rawQuery?: string; multipart?: boolean },
  limit = MAX_NESTING_DEPTH,
): NestingProblem | null {
  const { body, query, rawQuery, multipart = false } = input;
  if (nestingDepth(body, limit) > limit) return { where: 'body', path: 'body', depth: limit + 1 };
  if (body !== null && typeof body === 'object') {
    // Values and keys one level down: multipart fields are strings, and a field named
    // `a[b][c]…` that a parser left flat may still be expanded by a handler later.
    const stack: unknown[] = [body];
    while (stack.length > 0) {
      const node = stack.pop();
      if (node === null || typeof node !== 'object') continue;
      for (const [key, child] of Object.entries(node)) {
        if (fieldNameDepth(key) > limit) return { where: 'body', path: key.slice(0, 40), depth: fieldNameDepth(key) };
        // Only a form carries JSON as text; in a JSON body a string is the editor's text, brackets and all.
        if (multipart && typeof child === 'string' && looksLikeJson(child) && jsonTextDepth(child, limit) > limit) {
          return { where: 'body', path: key, depth: limit + 1 };
        }
        if (child !== null && typeof child === 'object') stack.push(child);
      }
    }
  }
  if (nestingDepth(query, limit) > limit) return { where: 'query', path: 'query', depth: limit + 1 };
  if (rawQuery) {
    // qs stops nesting at its own depth and keeps the rest as one literal key: measure the text too.
    for (const pair of rawQuery.split('&')) {
      const rawKey = pair.split('=', 1)[0] ?? '';
      let key = rawKey;
      try {
        key = decodeURIComponent(rawKey);
      } catch {
        // A malformed escape is left to the query parser, which keeps it as it is.
      }
      if (fieldNameDepth(key) > limit)
        return { where: 'query', path: key.slice(0, key.indexOf('[') >= 0 ? key.indexOf('[') : 40), depth: fieldNameDepth(key) };
    }
  }
  return null;
}
