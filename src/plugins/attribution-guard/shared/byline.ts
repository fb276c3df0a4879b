import type { BylinePreview } from './contracts/admin-api';
import { joinNames } from './credits/text';

export type BylineRole = BylinePreview['missing'][number];

export interface BylineInput {
  locale: string;
  outlet: { name: string; attributionTemplate: string | null } | null;
  republisher: { name: string } | null;
  author: { name: string; displayName: string | null } | null;
  /** Further writers, in byline order; the line names them after the author (`作者|王小明、李大華`). */
  coAuthors?: ReadonlyArray<{ name: string; displayName: string | null }>;
  editor: { name: string; displayName: string | null } | null;
}

/** Used when the outlet has no template of its own; the newsroom's house form in each content locale. */
export const DEFAULT_BYLINE_TEMPLATES: Readonly<Record<string, string>> = {
  'zh-Hant': '文|{outlet},作者|{author},編輯|{editor}',
  'zh-Hans': '文|{outlet},作者|{author},编辑|{editor}',
  en: '{outlet} · By {author} · Edited by {editor}',
};

const PLACEHOLDER = /\{(outlet|author|editor|republisher)\}/gu;
// Separators between the parts of a line; a part whose name is unknown is left out with its separator.
const SEPARATOR = /(\s*[,，、;；·]\s*)/u;

const personName = (person: BylineInput['author']): string | null => {
  const name = person?.displayName?.trim() || person?.name.trim();
  return name ? name : null;
};

/**
 * The attribution line as readers see it: the outlet's template (e.g. `文|{outlet},作者|{author},編輯|{editor}`)
 * filled from the structured fields. Parts naming no one yet are dropped and reported as missing, so the
 * editor sees both the line and what it still lacks.
 */
export function renderByline(input: BylineInput): BylinePreview {
  const values: Record<BylineRole, string | null> = {
    outlet: input.outlet?.name.trim() || null,
    author: input.author
      ? joinNames(
          [input.author, ...(input.coAuthors ?? [])].map(personName).filter((n): n is string => n !== null),
          input.locale,
        ) || null
      : null,
    editor: personName(input.editor),
    republisher: input.republisher?.name.trim() || null,
  };
  const template =
    input.outlet?.attributionTemplate?.trim() || DEFAULT_BYLINE_TEMPLATES[input.locale] || DEFAULT_BYLINE_TEMPLATES['zh-Hant']!;

  const missing = new Set<BylineRole>();
  const pieces = template.split(SEPARATOR);
  const kept: string[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const part = pieces[i] ?? '';
    let complete = true;
    const filled = part.replace(PLACEHOLDER, (_match, role: BylineRole) => {
      const value = values[role];
      if (value === null) {
        missing.add(role);
        complete = false;
        return '';
      }
      return value;
    });
    if (!complete || filled.trim() === '') continue;
    if (kept.length > 0) kept.push(pieces[i - 1] ?? ',');
    kept.push(filled);
  }
  const text = kept.join('').trim();
  return { text: text === '' ? null : text, missing: [...missing] };
}
