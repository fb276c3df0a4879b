import type { CreditGuess } from '../plugins/attribution-guard/shared/credits';

/**
 * What an import could not decide, as data: the report's `undecided` keeps one English sentence per
 * note (the CLI prints them, `--json` carries them), and the admin shows the same note in its
 * language. The sentences are written here only.
 */
export type ImportNote =
  | { code: 'title-from-first-sentence'; title: string }
  | { code: 'no-outlet' }
  | { code: 'no-writer' }
  /** `文|…` with no record to decide by, read by its position. */
  | { code: 'wen-read-as-outlet' | 'wen-read-as-writer'; line: string }
  /** `By A and B, Outlet`: the name after the writers taken for the outlet. */
  | { code: 'english-outlet-guessed'; outlet: string; line: string }
  | { code: 'no-photo-credit' }
  | { code: 'quote-without-speaker'; quote: string; paragraph: number }
  | { code: 'unknown-agency'; name: string }
  | { code: 'slug-taken'; locale: string; slug: string };

const QUOTE_SHOWN = 30;

/** The note for what the credit reader decided by position. */
export function guessNote(guess: CreditGuess): ImportNote {
  if (guess.kind === 'english-outlet') return { code: 'english-outlet-guessed', outlet: guess.outlet, line: guess.line };
  return { code: guess.readAs === 'outlet' ? 'wen-read-as-outlet' : 'wen-read-as-writer', line: guess.line };
}

/** A quote as a note names it: its first characters. */
export const quoteExcerpt = (text: string): string => (text.length > QUOTE_SHOWN ? `${text.slice(0, QUOTE_SHOWN)}…` : text);

/** The English sentence of a note. */
export function noteText(note: ImportNote): string {
  switch (note.code) {
    case 'title-from-first-sentence':
      return `No line reads as a headline: the title was taken from the first sentence ("${note.title}"). Write the headline.`;
    case 'no-outlet':
      return 'No outlet found (文|…, 來源:…, 本文来自…): pick the originating outlet.';
    case 'no-writer':
      return 'No writer found (作者|…, 文 | …, 記者…, By …): pick the byline author.';
    case 'wen-read-as-outlet':
      return `“${note.line}” was read as the outlet because a writer is named after it; no outlet or author record carries the name.`;
    case 'wen-read-as-writer':
      return `“${note.line}” was read as the writer (no writer label follows it); no outlet or author record carries the name.`;
    case 'english-outlet-guessed':
      return `“${note.outlet}” after the writers in “${note.line}” was read as the outlet; no outlet record carries the name.`;
    case 'no-photo-credit':
      return 'No photo-credit line (圖片來源 …, 题图/…, Photo: …): the cover needs a credit before publishing.';
    case 'quote-without-speaker':
      return `No speaker found for the quote "${quoteExcerpt(note.quote)}" (paragraph ${note.paragraph}): fill it in or leave the quote out.`;
    case 'unknown-agency':
      return `The photo credit "${note.name}" names no known agency.`;
    case 'slug-taken':
      return `An article titled like this one already exists in ${note.locale}; the draft's slug is "${note.slug}".`;
  }
}
