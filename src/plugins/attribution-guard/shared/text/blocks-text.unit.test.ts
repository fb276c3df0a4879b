import type { BlocksNode } from '../contracts/findings';
import { blockPlainText, bodyPlainText, getBodyText, PARAGRAPH_SEPARATOR } from './blocks-text';

const body: BlocksNode[] = [
  { type: 'heading', level: 2, children: [{ type: 'text', text: '以小博大' }] },
  {
    type: 'paragraph',
    children: [
      { type: 'text', text: '見 ' },
      { type: 'link', url: 'https://example.com', children: [{ type: 'text', text: '正見 TrueView', bold: true }] },
    ],
  },
  { type: 'image', image: { id: 1, url: '/uploads/a.jpg', name: 'a.jpg' }, children: [{ type: 'text', text: '' }] },
  {
    type: 'list',
    format: 'unordered',
    children: [
      { type: 'list-item', children: [{ type: 'text', text: '一' }] },
      { type: 'list-item', children: [{ type: 'text', text: '二' }] },
    ],
  },
];

describe('blocks text', () => {
  it('gives the plain text of each top-level block, index for index', () => {
    expect(body.map(blockPlainText)).toEqual(['以小博大', '見 正見 TrueView', '', '一\n二']);
    expect(bodyPlainText(body)).toBe('以小博大\n見 正見 TrueView\n\n一\n二');
  });

  it('normalises each body once and serves the same result for the same array', () => {
    const first = getBodyText(body);
    expect(first.normalised.split(PARAGRAPH_SEPARATOR)).toEqual(['以小博大', '見正見trueview', '', '一二']);
    expect(getBodyText(body)).toBe(first);
    expect(getBodyText([...body])).not.toBe(first);
  });
});
