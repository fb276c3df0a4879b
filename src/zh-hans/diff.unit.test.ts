import { readableText, sourceDiff } from './diff';

describe('the zh-Hant diff an editor reads before a refresh', () => {
  it('shows the body one paragraph a line, and what was removed and added', () => {
    const before = JSON.stringify([
      { type: 'paragraph', children: [{ type: 'text', text: '第一段。' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '第二段。' }] },
    ]);
    const after = JSON.stringify([
      { type: 'paragraph', children: [{ type: 'text', text: '第一段。' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '第二段,改過。' }] },
    ]);
    expect(readableText('body', before)).toBe('第一段。\n第二段。');
    const diff = sourceDiff('body', before, after);
    expect(diff).toContain('-第二段。');
    expect(diff).toContain('+第二段,改過。');
    expect(diff).toContain(' 第一段。');
    expect(diff.startsWith('@@')).toBe(true);
    expect(sourceDiff('title', '同', '同')).toBe('');
  });

  it('reads a field that was empty as empty', () => {
    expect(sourceDiff('bio', null, '新簡介')).toContain('+新簡介');
  });
});
