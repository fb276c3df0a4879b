import { withoutTypedByline } from './typed-byline';

const p = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const texts = (body: unknown) =>
  (body as Array<{ children: Array<{ text: string }> }>).map((node) => node.children.map((c) => c.text).join(''));

describe('withoutTypedByline', () => {
  it.each([
    [['文|正見 TrueView,作者|koorvoa,編輯|TV.', '正文第一段。'], ['正文第一段。']],
    [['作者 | 趙之齊', '編輯 | 胡敏', '正文第一段。'], ['正文第一段。']],
    [['', '文 | 张薇', '正文第一段。'], ['正文第一段。']],
    [['By Jane Ho and Marcus Lee, TechPulse', 'The first paragraph.'], ['The first paragraph.']],
  ])('drops the typed byline at the top of %j', (body, kept) => {
    expect(texts(withoutTypedByline(body.map(p)))).toEqual(kept);
  });

  it.each([
    [['(中央社記者吳佳穎台北3日電)行政院今天宣布新政策。', '第二段。']],
    [['正文第一段。', '作者|王小明']],
    [['「我們會繼續做下去」,他說。']],
  ])('keeps %j as it is', (body) => {
    expect(texts(withoutTypedByline(body.map(p)))).toEqual(body);
  });

  it('leaves headings, images and anything that is not a list alone', () => {
    const heading = { type: 'heading', level: 2, children: [{ type: 'text', text: '作者|王小明' }] };
    expect(withoutTypedByline([heading])).toEqual([heading]);
    expect(withoutTypedByline(null)).toBeNull();
  });
});
