import { normaliseText } from './normalise';

/**
 * A sentence ends at a full stop, question or exclamation mark or semicolon of either width (a Latin
 * full stop only before a space, so `3.5` stays whole), and keeps the closing quote marks that follow
 * it (`……好。”`), so the offered sentence can be pasted as is.
 */
const SENTENCE = /[^\n]+?(?:[。!?!?;;]+|[.?!;](?=\s|$)|$)[”’」』"')]*/gu;

/** Sentences of one paragraph (or of each line of it), in order, trimmed, empty ones dropped. */
export function sentencesOf(paragraph: string): string[] {
  return paragraph
    .split('\n')
    .flatMap((line) => line.match(SENTENCE) ?? [])
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Character bigrams of the comparison form: for Chinese, a bigram is close to a word. */
function bigrams(text: string): Map<string, number> {
  const chars = [...normaliseText(text)];
  const counts = new Map<string, number>();
  if (chars.length === 1) counts.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const gram = chars[i]! + chars[i + 1]!;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function size(grams: Map<string, number>): number {
  let n = 0;
  for (const c of grams.values()) n += c;
  return n;
}

/** Sørensen–Dice similarity of two bigram multisets, 0 (nothing shared) to 1 (the same text). */
export function similarity(a: Map<string, number>, b: Map<string, number>): number {
  const total = size(a) + size(b);
  if (total === 0) return 0;
  let shared = 0;
  for (const [gram, count] of a) shared += Math.min(count, b.get(gram) ?? 0);
  return (2 * shared) / total;
}

/** Below this a "closest" sentence is a different sentence, and offering it would mislead. */
export const MIN_SIMILARITY = 0.3;

export interface ClosestSentence {
  text: string;
  /** Paragraph index in the body (`body.N`). */
  paragraph: number;
  similarity: number;
}

/**
 * The sentence of the body (or two adjacent ones, for a quote that runs over a full stop) closest to a
 * quote that is not word for word in it: what the editor most likely meant to copy. Null when nothing
 * is close enough, or when the quote is empty.
 */
export function closestSentence(quote: string, paragraphs: readonly string[]): ClosestSentence | null {
  const target = bigrams(quote);
  if (size(target) === 0) return null;
  let best: ClosestSentence | null = null;
  paragraphs.forEach((paragraph, index) => {
    const sentences = sentencesOf(paragraph);
    const candidates = [...sentences, ...sentences.slice(1).map((s, i) => `${sentences[i]}${s}`)];
    for (const candidate of candidates) {
      const score = similarity(target, bigrams(candidate));
      if (score >= MIN_SIMILARITY && (best === null || score > best.similarity))
        best = { text: candidate, paragraph: index, similarity: score };
    }
  });
  return best;
}
