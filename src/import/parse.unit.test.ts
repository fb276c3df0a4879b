import fs from 'node:fs';
import path from 'node:path';
import { normaliseText } from '../plugins/attribution-guard/shared/text/normalise';
import { ImportInputError } from './errors';
import { parseStory } from './parse';

const seedDir = path.resolve(__dirname, '../../database/seed');
const storiesDir = path.resolve(__dirname, '../../tests/fixtures/stories');
const raw = fs.readFileSync(path.join(seedDir, 'seed-article.zh-Hant.txt'), 'utf8');
const story = (name: string) => fs.readFileSync(path.join(storiesDir, name), 'utf8');
const demo = JSON.parse(fs.readFileSync(path.join(seedDir, 'demo-story.json'), 'utf8')) as {
  title: string;
  pullQuotes: Array<{ speaker: string; speakerTitle: string; speakerOrg: string; text: string }>;
};
const speakers = (parsed: ReturnType<typeof parseStory>) => parsed.quotes.map((q) => [q.speaker, q.speakerTitle, q.speakerOrg]);

describe('parseStory on the demo story', () => {
  const parsed = parseStory(raw);

  it('takes the title from the aggregator opening line and drops both aggregator lines', () => {
    expect(parsed.title).toBe(demo.title);
    expect(parsed.titleFrom).toBe('aggregator');
    expect(parsed.boilerplate).toHaveLength(2);
    expect(parsed.paragraphs.some((p) => /歡迎閱讀|更多精彩/u.test(p))).toBe(false);
  });

  it('keeps the text itself untouched, byline line included, photo-credit line removed', () => {
    const lines = raw
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(parsed.paragraphs).toEqual(lines.slice(1, -1).filter((l) => !l.startsWith('圖片來源')));
    expect(parsed.paragraphs[0]).toBe('文|正見 TrueView,作者|koorvoa,編輯|TV.');
  });

  it('reads the byline, the photo credit and the republisher', () => {
    expect(parsed.bylineLine).toBe('文|正見 TrueView,作者|koorvoa,編輯|TV.');
    expect([parsed.outlet, parsed.authors, parsed.editor]).toEqual(['正見 TrueView', ['koorvoa'], 'TV.']);
    expect(parsed.photoCredit?.credit).toBe('視覺中國');
    expect(parsed.republisher).toBe('钛媒體');
  });

  it('gives the six speakers their quotes, titles and organisations', () => {
    for (const expected of demo.pullQuotes) {
      const found = parsed.quotes.find((q) => normaliseText(q.text).includes(normaliseText(expected.text)));
      expect([found?.speaker, found?.speakerTitle, found?.speakerOrg]).toEqual([
        expected.speaker,
        expected.speakerTitle,
        expected.speakerOrg,
      ]);
    }
  });

  it('leaves the quotes no one is named for without a speaker, and says so', () => {
    // The MaaS question is nobody's quote: it used to go to 譚待, named in the next paragraph.
    expect(parsed.quotes.filter((q) => q.speaker === null).map((q) => q.text)).toEqual([
      '十倍于移動互聯網的平台革命',
      '完全沒有必要去卷大模型,而是應該投身到應用層創新',
    ]);
    expect(parsed.undecided.join('\n')).toContain('十倍于移動互聯網的平台革命');
    expect(parsed.quotes.some((q) => /一畝三分地|大模型圈|火山方舟/u.test(q.text))).toBe(false);
  });
});

describe('parseStory on the shapes other outlets send', () => {
  it('a WeChat account republished by 36氪: outlet, two writers, republisher, cover credit', () => {
    const parsed = parseStory(story('wechat-36kr.zh-Hans.txt'));
    expect(parsed).toMatchObject({
      title: '大模型公司开始打价格战了',
      outlet: '硅基观察',
      authors: ['周一鸣', '何青'],
      republisher: '36氪',
      editor: null,
    });
    expect(parsed.photoCredit?.credit).toBe('视觉中国');
    expect(speakers(parsed)).toEqual([
      ['刘洋', '产品负责人', '某云厂商'],
      ['刘洋', '产品负责人', '某云厂商'],
      [null, null, null],
    ]);
  });

  it('a WeChat line carrying editor, original title and picture credit, with 虎嗅’s closing line', () => {
    const parsed = parseStory(story('huxiu-wechat.zh-Hans.txt'));
    expect(parsed).toMatchObject({
      title: '为什么AI眼镜今年突然火了',
      outlet: '镜外科技',
      authors: ['林晓雨'],
      editor: '赵一帆',
      republisher: '虎嗅',
    });
    expect(parsed.credits.originalTitle).toBe('AI眼镜，又一场百镜大战？');
    expect(parsed.paragraphs.join('\n')).not.toContain('不代表虎嗅立场');
    expect(speakers(parsed)).toEqual([
      ['陈默', '创始人兼CEO', '某眼镜品牌'],
      ['黄倩', '供应链分析师', null],
    ]);
  });

  it('報導者: writer and editor on lines of their own, a photographer, a date line', () => {
    const parsed = parseStory(story('twreporter.zh-Hant.txt'));
    expect(parsed).toMatchObject({ title: '山區小校的最後一班交通車', outlet: null, authors: ['趙之齊'], editor: '胡敏' });
    expect(parsed.photoCredit).toMatchObject({ credit: '林彥廷', photographer: '林彥廷' });
    expect(parsed.boilerplate).toContain('2024/05/12');
    expect(speakers(parsed)).toEqual([
      ['吳文雄', '校長', null],
      ['邱美玲', '會長', '家長會'],
    ]);
    expect(parsed.undecided.join('\n')).toContain('No outlet found');
  });

  it('a section label above the headline, and 文 | naming the writer', () => {
    const parsed = parseStory(story('leiphone-section.zh-Hans.txt'));
    expect(parsed.title).toBe('AI芯片创业公司的第二个冬天');
    expect(parsed.boilerplate).toEqual(expect.arrayContaining(['媒体报道', '2024年3月8日 10:20']));
    expect(parsed).toMatchObject({ outlet: '雷峰网', authors: ['张薇'], editor: '陈晨' });
    expect(parsed.undecided.join('\n')).toContain('“文|张薇” was read as the writer');
    expect(speakers(parsed)).toEqual([
      [null, null, null],
      ['王磊', '首席技术官', '某芯片公司'],
      ['王磊', '首席技术官', '某芯片公司'],
    ]);
  });

  it('文| with the name on the next line, interviewers, a video credit and a handout picture', () => {
    const parsed = parseStory(story('renwu-multiline.zh-Hans.txt'));
    expect(parsed).toMatchObject({ title: '一个县城女孩的出走', outlet: null, authors: ['苏小北', '方圆'], editor: '王一' });
    expect(parsed.photoCredit).toMatchObject({ credit: '受访者', handout: true });
    expect(speakers(parsed)).toEqual([
      [null, null, null],
      ['许诺', null, null],
    ]);
  });

  it('a wire dateline and a handout caption credit', () => {
    const parsed = parseStory(story('cna-wire.zh-Hant.txt'));
    expect(parsed).toMatchObject({ title: '交通部:明年起高鐵自由座擴大至全線', outlet: '中央社', authors: ['吳佳穎'] });
    expect(parsed.photoCredit).toMatchObject({ credit: '交通部', handout: true });
    expect(speakers(parsed)).toEqual([
      ['李明德', '部長', '交通部'],
      ['陳玉如', '發言人', '台灣高鐵公司'],
    ]);
  });

  it('a newspaper dateline and a staff photographer', () => {
    const parsed = parseStory(story('ltn-dateline.zh-Hant.txt'));
    expect(parsed).toMatchObject({ outlet: null, authors: ['張家豪'] });
    expect(parsed.photoCredit).toMatchObject({ credit: '張家豪', photographer: '張家豪' });
    expect(speakers(parsed)).toEqual([
      ['林志遠', '局長', '都發局'],
      [null, null, null],
    ]);
  });

  it('an English story: two writers and their outlet, editor, photo agency, republication note', () => {
    const parsed = parseStory(story('english-techpulse.en.txt'));
    expect(parsed).toMatchObject({
      title: 'Chipmakers bet on smaller models',
      outlet: 'TechPulse',
      authors: ['Jane Ho', 'Marcus Lee'],
      editor: 'Ann Wu',
    });
    expect(parsed.photoCredit?.credit).toBe('Reuters');
    expect(speakers(parsed)).toEqual([
      ['Priya Nair', 'chief analyst', 'Northwind Research'],
      ['Priya Nair', 'chief analyst', 'Northwind Research'],
    ]);
  });
});

describe('parseStory keeps what the editor pasted', () => {
  it('refuses only an empty text', () => {
    try {
      parseStory('\n \n');
      throw new Error('expected an ImportInputError');
    } catch (error) {
      expect(error).toBeInstanceOf(ImportInputError);
      expect((error as ImportInputError).code).toBe('empty');
    }
  });

  it('reads a story without any byline and says what to fill in', () => {
    const parsed = parseStory('標題在這裡\n第一段正文。\n第二段正文。');
    expect(parsed).toMatchObject({ title: '標題在這裡', outlet: null, authors: [], paragraphs: ['第一段正文。', '第二段正文。'] });
    expect(parsed.undecided.join('\n')).toMatch(/No outlet found[\s\S]*No writer found/u);
  });

  it('takes the first sentence when no line reads as a headline, and says so', () => {
    const parsed = parseStory('文|正見 TrueView,作者|koorvoa\n這是第一句話。這是第二句。');
    expect(parsed).toMatchObject({ title: '這是第一句話。', titleFrom: 'first-sentence' });
    expect(parsed.undecided[0]).toContain('No line reads as a headline');
  });

  it('uses a short first line as the title, and a given title over everything', () => {
    expect(parseStory('大模型的下一步\n文|正見,作者|koorvoa\n正文。').title).toBe('大模型的下一步');
    expect(parseStory(raw, { title: '另一個標題' }).title).toBe('另一個標題');
  });

  it('decides 文| by the records', () => {
    const text = '一個標題\n文|新來的記者\n正文。';
    expect(parseStory(text).authors).toEqual(['新來的記者']);
    expect(parseStory(text, { lookup: { isSource: (name) => name === '新來的記者' } })).toMatchObject({
      outlet: '新來的記者',
      authors: [],
    });
  });
});
