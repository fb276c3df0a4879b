import fs from 'node:fs';
import path from 'node:path';
import { splitStoryText, toBlocks } from './story-text';

const raw = fs.readFileSync(path.join(__dirname, '../../database/seed/seed-article.zh-Hant.txt'), 'utf8');

describe('splitStoryText on the demo story', () => {
  const story = splitStoryText(raw);

  it('drops the aggregator boilerplate first and last lines', () => {
    expect(story.paragraphs.join('\n')).not.toMatch(/歡迎閱讀/);
    expect(story.paragraphs.join('\n')).not.toMatch(/更多精彩内容/);
    expect(story.paragraphs[story.paragraphs.length - 1]).toBe(
      '在長期競争中,沒有穩固不變和一蹴而就的市場格局。這場新的馬拉松賽跑,匆忙開局,終點未知。',
    );
  });

  it('takes the photo credit out of the body and keeps the byline line as typed', () => {
    expect(story.photoCredit).toBe('視覺中國');
    expect(story.bylineLine).toBe('文|正見 TrueView,作者|koorvoa,編輯|TV.');
    expect(story.paragraphs[0]).toBe(story.bylineLine);
    expect(story.paragraphs.some((p) => p.startsWith('圖片來源'))).toBe(false);
  });

  it('keeps every other line untouched, one paragraph each', () => {
    const lines = raw
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(story.paragraphs).toEqual(lines.slice(2, -1));
    expect(toBlocks(['a'])).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'a' }] }]);
  });

  it('leaves a story without boilerplate whole', () => {
    expect(splitStoryText('第一段\n第二段').paragraphs).toEqual(['第一段', '第二段']);
  });
});
