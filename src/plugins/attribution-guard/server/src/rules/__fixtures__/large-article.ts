/**
 * A synthetic worst case for the whole registry: the seed story's byline and sources with 100
 * gallery images, 50 pull-quotes and a body of at least 100,000 characters. Known faults are
 * planted so a run has a known number of findings.
 */
import type { ImageUsage, PullQuoteRecord } from '../../../../shared/contracts/findings';
import { buildSeedStory, imageUsage, paragraph, seedWith, type SeedStory } from './seed-story';

export const LARGE_BODY_CHARS = 100_000;
export const LARGE_IMAGES = 100;
export const LARGE_QUOTES = 50;

/** Every 10th image is credited `網路` (a placeholder); every 10th quote has one character changed. */
export const LARGE_EXPECTED = { placeholderCredits: LARGE_IMAGES / 10, misquotes: LARGE_QUOTES / 10 };

/** Not in the seed text, so a quote holding it can never be found in the body. */
const FOREIGN_CHAR = '〇';

const AGENCY_CREDITS = ['視覺中國', '@VCG', 'Visual China Group', '視覺中國/VCG', '圖片來源 @視覺中國'];

export function buildLargeArticle(): SeedStory {
  const story = buildSeedStory();
  const seedParagraphs = story.lines.slice(2, -1);
  if (seedParagraphs.join('').includes(FOREIGN_CHAR)) throw new Error(`large-article: the seed text contains ${FOREIGN_CHAR}`);

  const texts: string[] = [];
  let chars = 0;
  for (let round = 0; chars < LARGE_BODY_CHARS; round += 1) {
    for (const text of seedParagraphs) {
      texts.push(text);
      chars += text.length;
    }
  }

  const quotable = texts.filter((text) => text.length >= 60);
  const pullQuotes: PullQuoteRecord[] = Array.from({ length: LARGE_QUOTES }, (_, i) => {
    const source = quotable[i % quotable.length] ?? '';
    const exact = source.slice(10, 50);
    const text = i % 10 === 9 ? `${exact.slice(0, 5)}${FOREIGN_CHAR}${exact.slice(6)}` : exact;
    return {
      documentId: `large-quote-${i}`,
      path: `pullQuotes.${i}`,
      text,
      speaker: `Speaker ${i}`,
      speakerTitle: null,
      speakerOrg: null,
      published: true,
    };
  });

  const images: ImageUsage[] = Array.from({ length: LARGE_IMAGES }, (_, i) =>
    i % 10 === 0
      ? imageUsage({ path: `gallery.${i}`, name: `g${i}.jpg`, credit: '網路', license: 'owned' })
      : imageUsage({
          path: `gallery.${i}`,
          name: `g${i}.jpg`,
          credit: AGENCY_CREDITS[i % AGENCY_CREDITS.length] ?? '視覺中國',
          license: 'agency',
          agency: i % 2 === 0 ? story.records.vcg : null,
        }),
  );

  return seedWith({ body: texts.map(paragraph), pullQuotes, images }, story);
}
