import request from 'supertest';
import { adminJwt, startApp, type TestApp } from '../helpers/strapi';
import { demoData } from '../helpers/demo';

const ARTICLE = 'api::article.article';
const PULL_QUOTE = 'api::pull-quote.pull-quote';
let app: TestApp;
let jwt: string;
let documentId: string;

beforeAll(async () => {
  app = await startApp('zh-hans-edition');
  jwt = await adminJwt(app.server, 'editor@newsroom.local', 'Newsroom-Editor-2026');
  const [story] = await app.strapi.documents(ARTICLE as any).findMany({ locale: 'zh-Hant', status: 'draft', filters: { title: demoData.title } } as any);
  documentId = story.documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('POST /newsroom/zh-hans-edition', () => {
  it('creates the zh-Hans draft of the demo story, converted, names kept, marked machine-converted', async () => {
    const res = await request(app.server).post('/newsroom/zh-hans-edition').set('Authorization', `Bearer ${jwt}`).send({ documentId });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ documentId, locale: 'zh-Hans', created: true, machineConverted: true, needsReview: true, from: 'tw', pullQuotes: 6 });

    const hans = await app.strapi.documents(ARTICLE as any).findOne({ documentId, locale: 'zh-Hans', status: 'draft', populate: { source: true, republisher: true, pullQuotes: true, cover: { populate: { agency: true } } } } as any);
    expect(hans.title).toBe('用AI发愿,垂直行业厂商逐梦“大模型圈”');
    expect(hans.publishedAt).toBeNull();
    const body = JSON.stringify(hans.body);
    // Outlet and people in records are protected; the rest is Simplified.
    expect(body).toContain('文|正見 TrueView,作者|koorvoa,编辑|TV.');
    expect(body).toContain('对正見 TrueView 表示');
    expect(body).toContain('数据智能科学家贺翔');
    expect(hans.source.name).toBe('正見 TrueView');
    expect(hans.republisher.name).toBe('钛媒體 TMTPost');
    expect(hans.cover).toMatchObject({ credit: '視覺中國', agency: { name: '視覺中國' } });
    expect(hans.pullQuotes).toHaveLength(6);
    expect(hans.pullQuotes.map((q: { text: string }) => q.text)).toContain('基本可以判断,所有行业都值得用大模型重做一遍。');

    const hant = await app.strapi.documents(ARTICLE as any).findOne({ documentId, locale: 'zh-Hant', status: 'published' } as any);
    expect(hant.title).toBe(demoData.title);

    const mark = await request(app.server).get(`/newsroom/zh-hans-edition/${documentId}`).set('Authorization', `Bearer ${jwt}`);
    expect(mark.body.data).toMatchObject({ machineConverted: true, needsReview: true });
  });

  it('its pull-quotes verify word for word against the converted body', async () => {
    const result = await app.strapi.plugin('attribution-guard').service('guard').checkDraft(ARTICLE, documentId, 'zh-Hans');
    expect(result.findings.filter((f: { rule: string }) => f.rule === 'pull-quote.verbatim' || f.rule === 'pull-quote.speaker-required')).toEqual([]);
  });

  it('refreshes an existing zh-Hans draft instead of duplicating it', async () => {
    const res = await request(app.server).post('/newsroom/zh-hans-edition').set('Authorization', `Bearer ${jwt}`).send({ documentId });
    expect(res.status).toBe(200);
    expect(res.body.data.created).toBe(false);
    expect(await app.strapi.db.query(ARTICLE as any).count({ where: { documentId, locale: 'zh-Hans' } })).toBe(1);
    expect(await app.strapi.db.query(PULL_QUOTE as any).count({ where: { locale: 'zh-Hans' } })).toBe(6);
  });

  it('refuses an unknown article, a missing documentId and an anonymous caller', async () => {
    const unknown = await request(app.server).post('/newsroom/zh-hans-edition').set('Authorization', `Bearer ${jwt}`).send({ documentId: 'nope' });
    expect(unknown.status).toBe(404);
    const missing = await request(app.server).post('/newsroom/zh-hans-edition').set('Authorization', `Bearer ${jwt}`).send({});
    expect(missing.status).toBe(400);
    const anonymous = await request(app.server).post('/newsroom/zh-hans-edition').send({ documentId });
    expect(anonymous.status).toBe(401);
  });
});
