import {
  correctionKey,
  effectiveList,
  historyComment,
  missingPublic,
  newCorrectionProblem,
  newestFirst,
  stampNewItems,
  without,
} from './rules';

const pub = { id: 1, at: '2026-03-08T01:30:00.000Z', kind: 'correction', text: '原文誤植年份。' };
const pending = { id: 2, at: '2026-03-09T01:30:00.000Z', kind: 'update', text: '尚未發布的更新' };
const draftById = new Map([pub, pending].map((c) => [String(c.id), c]));

describe('the same correction', () => {
  it('is the same instant, kind and text, however the time is written', () => {
    expect(correctionKey({ at: '2026-03-08T09:30:00+08:00', kind: 'correction', text: '原文誤植年份。' })).toBe(correctionKey(pub));
    expect(correctionKey({ at: new Date('2026-03-08T01:30:00Z'), kind: 'correction', text: '原文誤植年份。' })).toBe(correctionKey(pub));
    expect(correctionKey({ ...pub, text: '原文誤植年份' })).not.toBe(correctionKey(pub));
    expect(correctionKey({ ...pub, kind: 'update' })).not.toBe(correctionKey(pub));
    expect(correctionKey({ ...pub, at: '2026-03-08T01:30:00.001Z' })).not.toBe(correctionKey(pub));
  });
});

describe('what a write does to the list', () => {
  it('an item naming an id updates that component of the draft; one without is new; null clears', () => {
    expect(effectiveList([{ id: 1 }, { id: '2', text: '改過' }, { kind: 'update', text: '新的' }], draftById)).toEqual([
      { at: pub.at, kind: pub.kind, text: pub.text },
      { at: pending.at, kind: pending.kind, text: '改過' },
      { at: undefined, kind: 'update', text: '新的' },
    ]);
    expect(effectiveList(null, draftById)).toEqual([]);
    // An id that is not the draft's own keeps nothing of another entry's component.
    expect(effectiveList([{ id: 99, text: 'x' }], draftById)).toEqual([{ at: undefined, kind: undefined, text: 'x' }]);
  });

  it('finds the public corrections a write would lose or change, counting duplicates', () => {
    expect(missingPublic([pub], [pub, pending])).toEqual([]);
    expect(missingPublic([pub], [pending])).toEqual([pub]);
    expect(missingPublic([pub], [{ ...pub, text: '改過' }])).toEqual([pub]);
    expect(missingPublic([pub, { ...pub, id: 3 }], [pub])).toEqual([{ ...pub, id: 3 }]);
    expect(without([pub, pending, pub], [pub])).toEqual([pending, pub]);
  });

  it('stamps new items without a time, and leaves named ones and given times alone', () => {
    const now = new Date('2026-03-10T00:00:00Z');
    const items: Array<Record<string, unknown>> = [
      { kind: 'update', text: 'a' },
      { id: 1 },
      { kind: 'update', text: 'b', at: '2026-03-09T00:00:00Z' },
      { kind: 'update', text: 'c', at: '' },
    ];
    stampNewItems(items, now);
    expect(items.map((i) => i.at)).toEqual([now.toISOString(), undefined, '2026-03-09T00:00:00Z', now.toISOString()]);
  });
});

describe('a new correction', () => {
  const context = { now: new Date('2026-03-10T00:00:00Z'), firstPublishedAt: '2026-03-01T00:00:00.000Z' };

  it.each([
    [{ kind: 'correction', text: '更正', at: '2026-03-09T00:00:00Z' }, null],
    [{ kind: 'clarification', text: '澄清', at: '2026-03-10T00:00:30Z' }, null],
    [{ kind: 'retraction', text: '撤稿', at: '2026-03-09T00:00:00Z' }, /kind must be one of correction, clarification, update/],
    [{ kind: 'correction', text: '  ', at: '2026-03-09T00:00:00Z' }, /needs its text/],
    [{ kind: 'correction', text: '字'.repeat(2001), at: '2026-03-09T00:00:00Z' }, /at most 2000/],
    [{ kind: 'correction', text: '更正', at: 'yesterday' }, /must be a date and time/],
    [{ kind: 'correction', text: '更正', at: '2026-03-10T00:05:00Z' }, /future/],
    [{ kind: 'correction', text: '更正', at: '2026-02-28T23:59:59Z' }, /older than the story/],
  ])('%j → %s', (item, expected) => {
    const problem = newCorrectionProblem(item, context);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('order and history', () => {
  it('newest first; equal times keep the later-added first', () => {
    const list = [
      { at: '2026-03-08T00:00:00.000Z', text: 'a' },
      { at: '2026-03-09T00:00:00.000Z', text: 'b' },
      { at: '2026-03-08T00:00:00.000Z', text: 'c' },
    ];
    expect(newestFirst(list).map((c) => c.text)).toEqual(['b', 'c', 'a']);
  });

  it('says what was made public', () => {
    expect(historyComment(pub)).toBe('correction: 原文誤植年份。');
  });
});
