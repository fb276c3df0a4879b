import fs from 'node:fs';
import path from 'node:path';
import { noteText } from './notes';
import { parseStory } from './parse';

const storiesDir = path.resolve(__dirname, '../../tests/fixtures/stories');

describe('what an import could not decide', () => {
  it.each(fs.readdirSync(storiesDir).filter((f) => f.endsWith('.txt')))('is kept as data beside each English sentence: %s', (name) => {
    const parsed = parseStory(fs.readFileSync(path.join(storiesDir, name), 'utf8'));
    expect(parsed.undecided).toEqual(parsed.notes.map(noteText));
  });

  it('names each kind of gap, a position guess included', () => {
    const parsed = parseStory(
      '這是一個沒有標題的段落,說了很多事情而且很長很長很長很長很長很長很長很長很長很長很長。\n\n文 | 张薇\n\n「這句話沒有說話人。」',
    );
    const codes = parsed.notes.map((n) => n.code);
    expect(codes).toEqual(expect.arrayContaining(['no-outlet', 'no-photo-credit']));
    expect(parsed.notes.find((n) => n.code === 'wen-read-as-writer')).toEqual({ code: 'wen-read-as-writer', line: '文|张薇' });
  });
});
