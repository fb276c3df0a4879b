import { Converter } from 'opencc-js';

export type TraditionalVariant = 'tw' | 'hk';

/** Converts one string; protected names are kept as they are written. */
export type TextConverter = (text: string) => string;

const PROTECT_OPEN = '\uE000';
const PROTECT_CLOSE = '\uE001';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * Taiwan (with its phrases: 軟體 → 软件) or Hong Kong Traditional to mainland Simplified, with OpenCC.
 * Names in `protectedNames` (people, outlets) are left exactly as given: they are cut out before the
 * conversion and put back after it, longest first so `正見 TrueView` wins over `正見`.
 */
export function createConverter(from: TraditionalVariant, protectedNames: readonly string[] = []): TextConverter {
  const opencc = Converter({ from: from === 'tw' ? 'twp' : 'hk', to: 'cn' });
  const names = [...new Set(protectedNames.map((n) => n.trim()).filter((n) => n.length > 0))].sort((a, b) => b.length - a.length);
  const pattern = names.length > 0 ? new RegExp(names.map(escape).join('|'), 'gu') : null;
  return (text: string) => {
    if (!pattern) return opencc(text);
    const kept: string[] = [];
    const masked = text.replace(pattern, (name) => {
      kept.push(name);
      return `${PROTECT_OPEN}${String.fromCharCode(0xe100 + kept.length - 1)}${PROTECT_CLOSE}`;
    });
    return opencc(masked).replace(/\uE000([\uE100-\uF8FF])\uE001/gu, (_m, index: string) => kept[index.charCodeAt(0) - 0xe100] ?? '');
  };
}

type Node = Record<string, unknown> & { children?: Node[] };

/** Converts every text node of a Blocks body; links, images and structure are kept. */
export function convertBlocks(blocks: unknown, convert: TextConverter): unknown {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const copy: Node = { ...(node as Node) };
    if (copy.type === 'text' && typeof copy.text === 'string') copy.text = convert(copy.text);
    if (Array.isArray(copy.children)) copy.children = copy.children.map(walk) as Node[];
    if (copy.type === 'image' && copy.image && typeof copy.image === 'object') {
      const image = { ...(copy.image as Record<string, unknown>) };
      for (const key of ['alternativeText', 'caption']) if (typeof image[key] === 'string') image[key] = convert(image[key] as string);
      copy.image = image;
    }
    return copy;
  };
  return walk(blocks);
}

export const convertOptional = (text: unknown, convert: TextConverter): string | null => (typeof text === 'string' ? convert(text) : null);
