import fs from 'node:fs';
import path from 'node:path';
import { normaliseText } from '../plugins/attribution-guard/shared/text/normalise';
import { splitStoryText, toBlocks } from '../seed/story-text';
import { convertBlocks, createConverter } from './convert';

const seedDir = path.resolve(__dirname, '../../database/seed');
const story = splitStoryText(fs.readFileSync(path.join(seedDir, 'seed-article.zh-Hant.txt'), 'utf8'));
const demo = JSON.parse(fs.readFileSync(path.join(seedDir, 'demo-story.json'), 'utf8')) as {
  title: string;
  pullQuotes: Array<{ text: string }>;
};

describe('the zh-Hans conversion', () => {
  it('converts Taiwan Traditional to mainland Simplified, phrases included', () => {
    const convert = createConverter('tw');
    expect(convert('用AI發願,垂直行業廠商逐夢“大模型圈”')).toBe('用AI发愿,垂直行业厂商逐梦“大模型圈”');
    expect(convert('硬體與軟體')).toBe('硬件与软件');
    expect(createConverter('hk')('這個軟件的數據')).toBe('这个软件的数据');
  });

  it('leaves protected names as written', () => {
    const convert = createConverter('tw', ['正見 TrueView', '正見', '視覺中國', '戴志康']);
    expect(convert('夥伴雲董事長戴志康對正見 TrueView 表示,圖片來源視覺中國。正見的記者')).toBe(
      '伙伴云董事长戴志康对正見 TrueView 表示,图片来源視覺中國。正見的记者',
    );
  });

  it('converts the demo story so that its quotes, converted alike, are still word for word in the body', () => {
    const convert = createConverter('tw', ['正見 TrueView', '钛媒體 TMTPost', '視覺中國', 'koorvoa', 'TV.']);
    const body = convertBlocks(toBlocks(story.paragraphs), convert) as Array<{ children: Array<{ text: string }> }>;
    const text = normaliseText(body.map((p) => p.children.map((c) => c.text).join('')).join('\n'));
    expect(body[0]!.children[0]!.text).toBe('文|正見 TrueView,作者|koorvoa,编辑|TV.');
    for (const quote of demo.pullQuotes) expect(text).toContain(normaliseText(convert(quote.text)));
    expect(body[1]!.children[0]!.text).not.toBe(story.paragraphs[1]);
  });
});
