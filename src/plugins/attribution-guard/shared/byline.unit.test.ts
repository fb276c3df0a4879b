import { renderByline, type BylineInput } from './byline';

const seed: BylineInput = {
  locale: 'zh-Hant',
  outlet: { name: '正見 TrueView', attributionTemplate: '文|{outlet},作者|{author},編輯|{editor}' },
  republisher: { name: '钛媒體 TMTPost' },
  author: { name: 'koorvoa', displayName: 'koorvoa' },
  editor: { name: 'TV.', displayName: 'TV.' },
};

describe('renderByline', () => {
  it('fills the outlet template the way the seed story prints it', () => {
    expect(renderByline(seed)).toEqual({ text: '文|正見 TrueView,作者|koorvoa,編輯|TV.', missing: [] });
  });

  it('prefers display names and falls back to the registered name', () => {
    const byline = renderByline({ ...seed, author: { name: 'koorvoa', displayName: '光明' }, editor: { name: 'TV.', displayName: null } });
    expect(byline.text).toBe('文|正見 TrueView,作者|光明,編輯|TV.');
  });

  it('drops the parts naming no one and reports them', () => {
    expect(renderByline({ ...seed, editor: null })).toEqual({ text: '文|正見 TrueView,作者|koorvoa', missing: ['editor'] });
    expect(renderByline({ ...seed, author: null, editor: null })).toEqual({ text: '文|正見 TrueView', missing: ['author', 'editor'] });
  });

  it('uses the house template of the content locale when the outlet has none', () => {
    const outlet = { name: '正見 TrueView', attributionTemplate: null };
    expect(renderByline({ ...seed, outlet, locale: 'zh-Hans' }).text).toBe('文|正見 TrueView,作者|koorvoa,编辑|TV.');
    expect(renderByline({ ...seed, outlet, locale: 'en' }).text).toBe('正見 TrueView · By koorvoa · Edited by TV.');
  });

  it('is empty, with everything missing, for an article naming nobody', () => {
    expect(renderByline({ locale: 'zh-Hant', outlet: null, republisher: null, author: null, editor: null })).toEqual({
      text: null,
      missing: ['outlet', 'author', 'editor'],
    });
  });

  it('names every writer, lead first', () => {
    const coAuthors = [
      { name: '李大華', displayName: null },
      { name: 'ann', displayName: 'Ann Wu' },
    ];
    expect(renderByline({ ...seed, author: { name: '王小明', displayName: null }, coAuthors }).text).toBe(
      '文|正見 TrueView,作者|王小明、李大華、Ann Wu,編輯|TV.',
    );
    const en = { ...seed, locale: 'en', outlet: { name: 'TechPulse', attributionTemplate: null } };
    expect(
      renderByline({ ...en, author: { name: 'Jane Ho', displayName: null }, coAuthors: [{ name: 'Marcus Lee', displayName: null }] }).text,
    ).toBe('TechPulse · By Jane Ho and Marcus Lee · Edited by TV.');
  });
});
