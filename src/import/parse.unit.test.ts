import fs from 'node:fs';
import path from 'node:path';
import { normaliseText } from '../plugins/attribution-guard/server/src/text/normalise';
import { ImportInputError } from './errors';
import { parseStory } from './parse';

const seedDir = path.resolve(__dirname, '../../database/seed');
const raw = fs.readFileSync(path.join(seedDir, 'seed-article.zh-Hant.txt'), 'utf8');
const demo = JSON.parse(fs.readFileSync(path.join(seedDir, 'demo-story.json'), 'utf8')) as {
  title: string;
  pullQuotes: Array<{ speaker: string; speakerTitle: string; speakerOrg: string; text: string }>;
};

describe('parseStory on the demo story', () => {
  const story = parseStory(raw);

  it('takes the title from the aggregator opening line and drops both aggregator lines', () => {
    expect(story.title).toBe(demo.title);
    expect(story.boilerplate).toHaveLength(2);
    expect(story.paragraphs.some((p) => /歡迎閱讀|更多精彩/u.test(p))).toBe(false);
  });

  it('keeps the text itself untouched, byline line included, photo-credit line removed', () => {
    const lines = raw.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(story.paragraphs).toEqual(lines.slice(1, -1).filter((l) => !l.startsWith('圖片來源')));
    expect(story.paragraphs[0]).toBe('文|正見 TrueView,作者|koorvoa,編輯|TV.');
  });

  it('reads the byline, the photo credit and the republisher', () => {
    expect(story.bylineLine).toBe('文|正見 TrueView,作者|koorvoa,編輯|TV.');
    expect([story.outlet, story.author, story.editor]).toEqual(['正見 TrueView', 'koorvoa', 'TV.']);
    expect(story.photoCredit).toBe('視覺中國');
    expect(story.republisher).toBe('钛媒體');
  });

  it('finds the six speakers with their quotes and titles', () => {
    for (const expected of demo.pullQuotes) {
      const found = story.quotes.find((q) => q.speaker === expected.speaker && normaliseText(q.text).includes(normaliseText(expected.text)));
      expect({ speaker: expected.speaker, found: Boolean(found) }).toEqual({ speaker: expected.speaker, found: true });
      expect(expected.speakerTitle.endsWith(found!.speakerTitle!)).toBe(true);
      expect(`${found!.speakerOrg}${found!.speakerTitle}`.replace(/\s/gu, '')).toContain(expected.speakerOrg.replace(/^某/u, ''));
    }
    expect(new Set(story.quotes.map((q) => q.speaker).filter(Boolean))).toEqual(new Set(demo.pullQuotes.map((q) => q.speaker)));
  });

  it('reports the quote it could not attribute instead of guessing', () => {
    const unattributed = story.quotes.filter((q) => q.speaker === null);
    expect(unattributed.map((q) => q.text)).toEqual(['十倍于移動互聯網的平台革命']);
    expect(story.undecided.join('\n')).toContain('十倍于移動互聯網的平台革命');
  });
});

describe('parseStory refuses what it cannot import', () => {
  const expectError = (fn: () => unknown, code: string) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportInputError);
      expect((error as ImportInputError).code).toBe(code);
      return;
    }
    throw new Error(`expected an ImportInputError ${code}`);
  };

  it('a story without a byline line', () => {
    expectError(() => parseStory('標題\n第一段正文。\n第二段正文。'), 'no-byline');
  });

  it('a text without any paragraph', () => {
    expectError(() => parseStory('\n \n'), 'no-text');
  });

  it('a story without a title', () => {
    expectError(() => parseStory('文|正見 TrueView,作者|koorvoa\n正文。'), 'no-title');
  });

  it('uses a short first line as the title and a given title over everything', () => {
    expect(parseStory('大模型的下一步\n文|正見,作者|koorvoa\n正文。').title).toBe('大模型的下一步');
    expect(parseStory(raw, { title: '另一個標題' }).title).toBe('另一個標題');
  });
});
