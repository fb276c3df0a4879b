import fs from 'node:fs';
import path from 'node:path';
import { attributeQuotes, splitOrganisationTitle } from './speaker';

const who = (paragraphs: string[]) => attributeQuotes(paragraphs).map((q) => [q.speaker, q.speakerTitle, q.speakerOrg]);

describe('splitOrganisationTitle', () => {
  it.each([
    ['毫末智行數據智能', '科學家', '毫末智行', '數據智能科學家'],
    ['竹間智能', '創始人兼 CEO', '竹間智能', '創始人兼 CEO'],
    ['竹間智能首席', '科學家', '竹間智能', '首席科學家'],
    ['某股權投資機構', '副總裁', '某股權投資機構', '副總裁'],
    ['輪企業瀾舟科技', '創始人兼 CEO', '瀾舟科技', '創始人兼 CEO'],
    ['交通', '部長', '交通部', '部長'],
    ['', '校長', null, '校長'],
  ])('%s + %s', (before, title, organisation, full) => {
    expect(splitOrganisationTitle(before, title)).toEqual({ organisation, title: full });
  });
});

describe('attributeQuotes', () => {
  it('takes the speaker named in the quote’s own sentence, before or after it', () => {
    expect(who(['「這不是終點。」王小明說。'])).toEqual([['王小明', null, null]]);
    expect(who(['李大華在接受本報採訪時表示:「成本才是關鍵,其他都是次要的。」'])).toEqual([['李大華', null, null]]);
    expect(who(['某云厂商产品负责人刘洋向记者表示,“价格战不是目的,目的是让开发者先用起来。”'])).toEqual([
      ['刘洋', '产品负责人', '某云厂商'],
    ]);
    expect(who(['"The next billion users will meet AI on a device," said Priya Nair, chief analyst at Northwind Research.'])).toEqual([
      ['Priya Nair', 'chief analyst', 'Northwind Research'],
    ]);
  });

  it('takes the speaker of the sentence that introduces a quote standing alone', () => {
    expect(who(['賀翔同樣認為兩者隔行如隔山。「在自動駕駛這種獨特的領域,只能用專門的模型來解決。」'])[0]?.[0]).toBe('賀翔');
  });

  it('carries a speaker to the next paragraph only when it continues the quote', () => {
    const continued = who(['夥伴雲董事長兼 CEO 戴志康表示:「一切都還在早期,', '「垂直模型也不存在太多的可比性。」']);
    expect(continued.map((q) => q[0])).toEqual(['戴志康', '戴志康']);
    const pronoun = who([
      '「大模型這個賽道還是太早期了。」夥伴雲董事長兼 CEO 戴志康表示。',
      '他進一步補充,「某個垂直模型可能還比不上通用模型。」',
    ]);
    expect(pronoun.map((q) => q[0])).toEqual(['戴志康', '戴志康']);
    // The next paragraph names its own speaker: the quote before it is not theirs.
    const next = who([
      '是 MaaS,還是「完全沒有必要去卷大模型,而是應該投身到應用層創新」,答案尚未生成。',
      '火山引擎總裁譚待判斷,「企業使用大模型,未來會呈現多個模型並用的模式。」',
    ]);
    expect(next.map((q) => q[0])).toEqual([null, '譚待']);
  });

  it('leaves the speaker empty when no one is named', () => {
    expect(who(['一位不愿具名的芯片公司高管说:“客户不是不要算力,是不愿意再为路线图买单。”'])).toEqual([[null, null, null]]);
    expect(who(['“我妈说,女孩子读那么多书有什么用。”她笑着说。'])).toEqual([[null, null, null]]);
  });

  it('keeps scare quotes out', () => {
    expect(attributeQuotes(['業內把這種打法稱為「貼錢換用戶」,王小明說。'])).toEqual([]);
  });

  it('gives each of the demo story’s six speakers their title and organisation', () => {
    let dir = __dirname;
    while (!fs.existsSync(path.join(dir, 'database/seed/demo-story.json'))) dir = path.dirname(dir);
    const lines = fs
      .readFileSync(path.join(dir, 'database/seed/seed-article.zh-Hant.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const demo = JSON.parse(fs.readFileSync(path.join(dir, 'database/seed/demo-story.json'), 'utf8')) as {
      pullQuotes: Array<{ speaker: string; speakerTitle: string; speakerOrg: string; text: string }>;
    };
    const quotes = attributeQuotes(lines);
    for (const expected of demo.pullQuotes) {
      const found = quotes.find((q) => q.text.replace(/\s/gu, '').includes(expected.text.replace(/\s/gu, '')));
      expect({ speaker: found?.speaker, title: found?.speakerTitle, org: found?.speakerOrg }).toEqual({
        speaker: expected.speaker,
        title: expected.speakerTitle,
        org: expected.speakerOrg,
      });
    }
    expect(quotes.filter((q) => q.speaker === null).map((q) => q.text)).toEqual([
      '十倍于移動互聯網的平台革命',
      '完全沒有必要去卷大模型,而是應該投身到應用層創新',
    ]);
  });
});
