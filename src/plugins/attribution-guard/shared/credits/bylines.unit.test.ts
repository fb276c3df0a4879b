import { parseBylineLine, readBylines } from './bylines';

const roles = (line: string) => parseBylineLine(line)?.map((p) => [p.role, p.value]) ?? null;

describe('parseBylineLine', () => {
  it.each([
    [
      '文|正見 TrueView,作者|koorvoa,編輯|TV.',
      [
        ['wen', '正見 TrueView'],
        ['writer', 'koorvoa'],
        ['editor', 'TV.'],
      ],
    ],
    [
      '文｜正见 TrueView，作者｜koorvoa、编辑｜TV',
      [
        ['wen', '正见 TrueView'],
        ['writer', 'koorvoa'],
        ['editor', 'TV'],
      ],
    ],
    ['作者 | 趙之齊', [['writer', '趙之齊']]],
    ['編輯 | 胡敏', [['editor', '胡敏']]],
    ['文 | 张薇', [['wen', '张薇']]],
    [
      '撰文 | 苏小北   编辑 | 王一',
      [
        ['writer', '苏小北'],
        ['editor', '王一'],
      ],
    ],
    ['采访 | 苏小北、方圆', [['interviewer', '苏小北、方圆']]],
    ['责编:李四', [['editor', '李四']]],
    ['責任編輯：王大明', [['editor', '王大明']]],
    ['编译/陈默', [['translator', '陈默']]],
    ['視頻編導 | 李三', [['other', '李三']]],
    ['作者:王小明、李大華', [['writer', '王小明、李大華']]],
    ['来源：36氪（ID：wow36kr）', [['source', '36氪']]],
    ['作者 趙之齊', [['writer', '趙之齊']]],
    ['文|', [['wen', '']]],
  ])('reads %s', (line, expected) => {
    expect(roles(line)).toEqual(expected);
  });

  it('splits several writers into names', () => {
    expect(parseBylineLine('作者|王小明、李大華')?.[0]?.names).toEqual(['王小明', '李大華']);
    expect(parseBylineLine('作者|王小明和李大華')?.[0]?.names).toEqual(['王小明', '李大華']);
    expect(parseBylineLine('作者|王和平')?.[0]?.names).toEqual(['王和平']);
  });

  it.each([
    '以小博大,在夾縫中找機會',
    '文化部今天宣布,明年起補助藝文團體的金額將提高。',
    '圖片來源 @視覺中國',
    '他說 文|不是這樣',
    '作者認為,這個問題沒有標準答案。他說,一切都還在早期。',
  ])('is not fooled by %s', (line) => {
    expect(parseBylineLine(line)).toBeNull();
  });
});

describe('readBylines', () => {
  it('reads labels on lines of their own and a name on the line after its label', () => {
    const read = readBylines(['一個標題', '文|', '苏小北', '采访 | 苏小北、方圆', '编辑 | 王一', '正文第一段。']);
    expect(read.parts.map((p) => [p.role, p.names, p.line])).toEqual([
      ['wen', ['苏小北'], 2],
      ['interviewer', ['苏小北', '方圆'], 3],
      ['editor', ['王一'], 4],
    ]);
    expect(read.lines).toEqual([1, 2, 3, 4]);
  });
});
