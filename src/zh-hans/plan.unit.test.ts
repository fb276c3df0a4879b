import { nextSnapshot, planFields, type ConversionSnapshot } from './plan';

const never = () => false;
const snapshot = (fields: ConversionSnapshot['fields']): ConversionSnapshot => ({ from: 'tw', at: '2026-12-01T00:00:00.000Z', fields });

describe('a refresh, field by field', () => {
  it('a first conversion writes everything', () => {
    const plans = planFields({ source: { title: '軟體' }, converted: { title: '软件' }, current: null, snapshot: null, overwrite: never });
    expect(plans).toEqual([
      { field: 'title', sourceChanged: false, handEdited: false, write: true, sourceBefore: null, sourceNow: '軟體' },
    ]);
  });

  it('a zh-Hant change is reported and written when zh-Hans was not touched', () => {
    const [plan] = planFields({
      source: { title: '軟體更新' },
      converted: { title: '软件更新' },
      current: { title: '软件' },
      snapshot: snapshot({ title: { source: '軟體', converted: '软件' } }),
      overwrite: never,
    });
    expect(plan).toMatchObject({ sourceChanged: true, handEdited: false, write: true, sourceBefore: '軟體', sourceNow: '軟體更新' });
  });

  it('a hand edit is kept, whether or not zh-Hant changed, unless it is named for overwriting', () => {
    const input = {
      source: { dek: '新摘要' },
      converted: { dek: '新摘要' },
      current: { dek: '编辑改写的摘要' },
      snapshot: snapshot({ dek: { source: '舊摘要', converted: '旧摘要' } }),
    };
    expect(planFields({ ...input, overwrite: never })[0]).toMatchObject({ sourceChanged: true, handEdited: true, write: false });
    expect(planFields({ ...input, overwrite: (f) => f === 'dek' })[0]).toMatchObject({ handEdited: true, write: true });
  });

  it('a zh-Hans record never converted counts what differs from the conversion as written by hand; an empty field does not', () => {
    const plans = planFields({
      source: { bio: '簡介', displayName: '林' },
      converted: { bio: '简介', displayName: '林' },
      current: { bio: '人工翻译的简介', displayName: '' },
      snapshot: null,
      overwrite: never,
    });
    expect(plans.map((p) => [p.field, p.handEdited, p.write])).toEqual([
      ['bio', true, false],
      ['displayName', false, true],
    ]);
  });

  it('the next snapshot keeps a kept hand edit a hand edit, and records what was written as stored', () => {
    const previous = snapshot({ dek: { source: '舊', converted: '旧' }, title: { source: '甲', converted: '甲' } });
    const plans = planFields({
      source: { dek: '新', title: '乙' },
      converted: { dek: '新', title: '乙' },
      current: { dek: '手改', title: '甲' },
      snapshot: previous,
      overwrite: never,
    });
    const next = nextSnapshot(plans, { dek: '手改', title: '乙 ' }, { dek: '新', title: '乙' }, previous, { from: 'tw', at: 'now' });
    expect(next.fields).toEqual({ dek: { source: '新', converted: '旧' }, title: { source: '乙', converted: '乙 ' } });
    // So the following refresh still sees the hand edit, and no zh-Hant change.
    const [dek] = planFields({
      source: { dek: '新' },
      converted: { dek: '新' },
      current: { dek: '手改' },
      snapshot: next,
      overwrite: never,
    });
    expect(dek).toMatchObject({ sourceChanged: false, handEdited: true, write: false });
  });
});
