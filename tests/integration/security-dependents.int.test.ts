import request from 'supertest';
import { errors } from '@strapi/utils';
import { adminJwt, fullAccessToken, startApp, type TestApp } from '../helpers/strapi';
import { ARTICLE, PULL_QUOTE, demoIds, validArticle, type DemoIds } from '../helpers/articles';
import { SEED_SLUG, demoData } from '../helpers/demo';

/**
 * A record a published story shows (its author, editor, outlet, republisher, a pull-quote, an image's
 * agency) cannot be unpublished or deleted by any path while the story is live: Strapi would drop it from
 * the story without a word. An editor with the override permission may, with a reason; the story is then
 * re-checked and the result recorded where editors look.
 */
const AUTHOR = 'api::author.author';
const SOURCE = 'api::source.source';
const CM = '/content-manager/collection-types';

let app: TestApp;
let ids: DemoIds;
let quoteId: string;
let token: string;
const jwt: Record<'admin' | 'editor' | 'author', string> = { admin: '', editor: '', author: '' };

beforeAll(async () => {
  // Stories made here are published by the guard alone; the workflow's approval has its own suites.
  process.env.WORKFLOW_REQUIRE_APPROVAL = 'false';
  try {
    app = await startApp('security-dependents');
  } finally {
    delete process.env.WORKFLOW_REQUIRE_APPROVAL;
  }
  ids = await demoIds(app.strapi);
  const quote = await app.strapi.db
    .query(PULL_QUOTE as any)
    .findOne({ where: { text: demoData.pullQuotes[0]!.text, publishedAt: { $notNull: true } } });
  quoteId = quote.documentId;
  token = await fullAccessToken(app.strapi);
  jwt.admin = await adminJwt(app.server, 'admin@newsroom.local', 'Newsroom-Admin-2026');
  jwt.editor = await adminJwt(app.server, 'editor@newsroom.local', 'Newsroom-Editor-2026');
  jwt.author = await adminJwt(app.server, 'author@newsroom.local', 'Newsroom-Author-2026');
});
afterAll(async () => {
  await app?.stop();
});

const as = (who: keyof typeof jwt) => ({ Authorization: `Bearer ${jwt[who]}` });
const isPublished = async (uid: string, documentId: string, locale = 'zh-Hant') =>
  !!(await app.strapi.documents(uid as any).findOne({ documentId, locale, status: 'published' }));
const exists = async (uid: string, documentId: string) => (await app.strapi.db.query(uid as any).count({ where: { documentId } })) > 0;
const live = async () => {
  const res = await request(app.server).get(`/api/articles/by-slug/${SEED_SLUG}`).query({ locale: 'zh-Hant' });
  expect(res.status).toBe(200);
  return res.body.data;
};
type Detail = { documentId: string; locale: string; title: string; field: string; path: string[]; message: string };
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(errors.ValidationError);
  return error as errors.ValidationError & { details: { errors: Detail[]; messages: Record<string, string> } };
};
/** Unpublishes or deletes a record's zh-Hant version through the Document Service. */
const unpublishOrDelete = (uid: string, action: 'unpublish' | 'delete', documentId: string) => {
  const documents = app.strapi.documents(uid as any);
  const params = { documentId, locale: 'zh-Hant' };
  return action === 'delete' ? documents.delete(params) : documents.unpublish(params);
};
const listsDemoStory = (details: Detail[], field: string) =>
  expect(details).toContainEqual(expect.objectContaining({ documentId: ids.story, locale: 'zh-Hant', title: demoData.title, field }));

/** What readers see of the demo story must not change while a refusal stands. */
async function expectStoryIntact() {
  const data = await live();
  expect(data.author?.documentId).toBe(ids.author);
  expect(data.editor?.documentId).toBe(ids.editor);
  expect(data.source?.documentId).toBe(ids.outlet);
  expect(data.republisher?.documentId).toBe(ids.republisher);
  expect(data.pullQuotes).toHaveLength(6);
  expect(data.attribution.line).toContain('koorvoa');
}

describe('strapi.documents(): unpublish and delete of what the demo story shows are refused', () => {
  const cases = (): Array<[string, string, string, string]> => [
    ['its author', AUTHOR, ids.author, 'author'],
    ['its editor', AUTHOR, ids.editor, 'editor'],
    ['its outlet', SOURCE, ids.outlet, 'source'],
    ['its republisher', SOURCE, ids.republisher, 'republisher'],
    ['the cover’s agency', SOURCE, ids.agency, 'cover.agency'],
    ['a pull-quote', PULL_QUOTE, quoteId, 'pullQuotes'],
  ];

  it.each(['unpublish', 'delete'] as const)(
    '%s: a 400 listing the story, the record stays and the story keeps its byline',
    async (action) => {
      for (const [, uid, documentId, field] of cases()) {
        const error = await refusal(unpublishOrDelete(uid, action, documentId));
        listsDemoStory(error.details.errors, field);
        expect(error.message).toContain(demoData.title);
        expect(Object.keys(error.details.messages).sort()).toEqual(['en', 'zh-Hans', 'zh-Hant']);
        expect(error.details.messages['zh-Hant']).toContain(demoData.title);
        expect(await isPublished(uid, documentId)).toBe(true);
      }
      await expectStoryIntact();
    },
  );

  it("refuses locale '*', a list of locales and no locale (the default one)", async () => {
    for (const locale of ['*', ['zh-Hant'], ['en', 'zh-Hant'], undefined]) {
      listsDemoStory(
        (await refusal(app.strapi.documents(AUTHOR as any).unpublish({ documentId: ids.author, locale } as any))).details.errors,
        'author',
      );
      listsDemoStory(
        (await refusal(app.strapi.documents(AUTHOR as any).delete({ documentId: ids.author, locale } as any))).details.errors,
        'author',
      );
    }
    // The outlet has no locales: any locale parameter removes all of it.
    listsDemoStory(
      (await refusal(app.strapi.documents(SOURCE as any).delete({ documentId: ids.outlet, locale: 'en' } as any))).details.errors,
      'source',
    );
    await expectStoryIntact();
  });

  it('refuses a documentId that is not a string (a filter would remove every match)', async () => {
    await refusal(app.strapi.documents(AUTHOR as any).delete({ documentId: { $ne: 'x' }, locale: '*' } as any));
    await refusal(app.strapi.documents(SOURCE as any).unpublish({} as any));
    expect(await isPublished(AUTHOR, ids.author)).toBe(true);
  });

  it('allows removing a locale no published story links to', async () => {
    // The demo story is zh-Hant; the author's English version is shown by no story.
    await app.strapi
      .documents(AUTHOR as any)
      .update({ documentId: ids.author, locale: 'en', data: { displayName: 'koorvoa', outlet: ids.outlet } as any, status: 'published' });
    await app.strapi.documents(AUTHOR as any).unpublish({ documentId: ids.author, locale: 'en' });
    await app.strapi.documents(AUTHOR as any).delete({ documentId: ids.author, locale: 'en' });
    expect(await isPublished(AUTHOR, ids.author)).toBe(true);
    await expectStoryIntact();
  });
});

describe('over HTTP', () => {
  it('Content Manager as the Editor: unpublish and delete buttons answer 400 with the stories in the message', async () => {
    const unpublish = await request(app.server)
      .post(`${CM}/${AUTHOR}/${ids.author}/actions/unpublish`)
      .query({ locale: 'zh-Hant' })
      .set(as('editor'))
      .send({ locale: 'zh-Hant' });
    expect(unpublish.status).toBe(400);
    expect(unpublish.body.error.name).toBe('ValidationError');
    expect(unpublish.body.error.message).toContain(`“${demoData.title}” (zh-Hant) as author`);
    listsDemoStory(unpublish.body.error.details.errors, 'author');

    const withDiscard = await request(app.server)
      .post(`${CM}/${SOURCE}/${ids.republisher}/actions/unpublish`)
      .set(as('editor'))
      .send({ discardDraft: true });
    expect(withDiscard.status).toBe(400);
    listsDemoStory(withDiscard.body.error.details.errors, 'republisher');

    const del = await request(app.server).delete(`${CM}/${PULL_QUOTE}/${quoteId}`).query({ locale: 'zh-Hant' }).set(as('editor'));
    expect(del.status).toBe(400);
    listsDemoStory(del.body.error.details.errors, 'pullQuotes');

    const delSource = await request(app.server).delete(`${CM}/${SOURCE}/${ids.outlet}`).set(as('editor'));
    expect(delSource.status).toBe(400);
    listsDemoStory(delSource.body.error.details.errors, 'source');

    for (const id of [ids.author, ids.editor, quoteId]) expect(await exists(id === quoteId ? PULL_QUOTE : AUTHOR, id)).toBe(true);
    expect(await isPublished(SOURCE, ids.republisher)).toBe(true);
    await expectStoryIntact();
  });

  it('Content Manager bulk unpublish and bulk delete are refused as a whole', async () => {
    const other = await app.strapi
      .documents(SOURCE as any)
      .create({ data: { name: '無人使用的來源', kind: 'outlet' } as any, status: 'published' });
    const bulkUnpublish = await request(app.server)
      .post(`${CM}/${SOURCE}/actions/bulkUnpublish`)
      .set(as('editor'))
      .send({ documentIds: [other.documentId, ids.agency] });
    expect(bulkUnpublish.status).toBe(400);
    listsDemoStory(bulkUnpublish.body.error.details.errors, 'cover.agency');
    const bulkDelete = await request(app.server)
      .post(`${CM}/${AUTHOR}/actions/bulkDelete`)
      .query({ locale: 'zh-Hant' })
      .set(as('editor'))
      .send({ documentIds: [ids.editor] });
    expect(bulkDelete.status).toBe(400);
    listsDemoStory(bulkDelete.body.error.details.errors, 'editor');
    // Nothing of either batch happened: the unused source is still published too.
    expect(await isPublished(SOURCE, other.documentId)).toBe(true);
    expect(await isPublished(SOURCE, ids.agency)).toBe(true);
    expect(await exists(AUTHOR, ids.editor)).toBe(true);
  });

  it('REST DELETE with a full-access token answers 400 and deletes nothing', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const author = await request(app.server).delete(`/api/authors/${ids.author}`).query({ locale: 'zh-Hant' }).set(auth);
    expect(author.status).toBe(400);
    listsDemoStory(author.body.error.details.errors, 'author');
    const all = await request(app.server).delete(`/api/authors/${ids.editor}`).query({ locale: '*' }).set(auth);
    expect(all.status).toBe(400);
    const source = await request(app.server).delete(`/api/sources/${ids.republisher}`).set(auth);
    expect(source.status).toBe(400);
    const quote = await request(app.server).delete(`/api/pull-quotes/${quoteId}`).set(auth);
    expect(quote.status).toBe(400);
    await expectStoryIntact();
  });
});

describe('a co-author of a live story', () => {
  it('is named in the delivered byline, and cannot be unpublished or deleted while the story is live', async () => {
    const coAuthor = await app.strapi
      .documents(AUTHOR as any)
      .create({ locale: 'zh-Hant', data: { name: '李大華', role: 'writer', outlet: ids.outlet } as any, status: 'published' });
    const docs = app.strapi.documents(ARTICLE as any);
    const created = await docs.create({
      locale: 'zh-Hant',
      data: {
        ...validArticle(ids, '兩位作者的故事', ['文|正見 TrueView,作者|koorvoa、李大華,編輯|TV.', '正文。']),
        coAuthors: [coAuthor.documentId],
      } as any,
    });
    await docs.publish({ documentId: created.documentId, locale: 'zh-Hant' });
    const story = await app.strapi.db
      .query(ARTICLE as any)
      .findOne({ where: { documentId: created.documentId, locale: 'zh-Hant', publishedAt: { $notNull: true } } });
    const res = await request(app.server).get(`/api/articles/by-slug/${story.slug}`).query({ locale: 'zh-Hant' });
    expect(res.status).toBe(200);
    expect(res.body.data.coAuthors.map((p: { name: string }) => p.name)).toEqual(['李大華']);
    expect(res.body.data.attribution.line).toBe('文|正見 TrueView,作者|koorvoa、李大華,編輯|TV.');

    for (const action of ['unpublish', 'delete'] as const) {
      const error = await refusal(unpublishOrDelete(AUTHOR, action, coAuthor.documentId));
      expect(error.details.errors).toContainEqual(expect.objectContaining({ documentId: created.documentId, field: 'coAuthors' }));
      expect(await isPublished(AUTHOR, coAuthor.documentId)).toBe(true);
    }
  });

  it('that the typed line leaves out blocks the publish', async () => {
    const docs = app.strapi.documents(ARTICLE as any);
    const created = await docs.create({
      locale: 'zh-Hant',
      data: validArticle(ids, '署名行多了一位作者', ['作者|koorvoa、王小明', '正文。']) as any,
    });
    const error = await refusal(docs.publish({ documentId: created.documentId, locale: 'zh-Hant' }));
    expect(error.details.errors).toEqual([expect.objectContaining({ rule: 'attribution.line-consistent', path: ['body', '0'] })]);
    expect(await isPublished(ARTICLE, created.documentId)).toBe(false);
  });
});

describe('what only drafts use, or a photo’s stored credit', () => {
  it('a record linked only from drafts can be unpublished and deleted', async () => {
    const writer = await app.strapi
      .documents(AUTHOR as any)
      .create({ locale: 'zh-Hant', data: { name: 'draft-only-writer', role: 'writer', outlet: ids.outlet } as any, status: 'published' });
    await app.strapi
      .documents(ARTICLE as any)
      .create({ locale: 'zh-Hant', data: { ...validArticle(ids, '只在草稿中'), author: writer.documentId } as any });
    await app.strapi.documents(AUTHOR as any).unpublish({ documentId: writer.documentId, locale: 'zh-Hant' });
    expect(await isPublished(AUTHOR, writer.documentId)).toBe(false);
    const res = await request(app.server).delete(`${CM}/${AUTHOR}/${writer.documentId}`).query({ locale: 'zh-Hant' }).set(as('editor'));
    expect(res.status).toBe(200);
    expect(await exists(AUTHOR, writer.documentId)).toBe(false);
  });

  it('a published story itself can still be unpublished and deleted (its own locales are not dependents)', async () => {
    const docs = app.strapi.documents(ARTICLE as any);
    const created = await docs.create({ locale: 'zh-Hant', data: validArticle(ids, '可撤下的故事') as any });
    await docs.publish({ documentId: created.documentId, locale: 'zh-Hant' });
    await docs.unpublish({ documentId: created.documentId, locale: 'zh-Hant' });
    expect(await isPublished(ARTICLE, created.documentId)).toBe(false);
    await docs.publish({ documentId: created.documentId, locale: 'zh-Hant' });
    await docs.delete({ documentId: created.documentId, locale: '*' });
    expect(await exists(ARTICLE, created.documentId)).toBe(false);
  });

  it('an agency named only in the credit stored with a photo a live story shows uncredited is protected too', async () => {
    const agency = await app.strapi
      .documents(SOURCE as any)
      .create({ data: { name: '新華社', kind: 'agency' } as any, status: 'published' });
    await app.strapi
      .plugin('attribution-guard')
      .service('media-credits')
      .set(ids.draftPhotoId, { credit: '新華社', agency: agency.documentId, license: 'agency' });
    const story = await app.strapi
      .documents(ARTICLE as any)
      .create({ locale: 'zh-Hant', data: { ...validArticle(ids, '存檔署名'), cover: { image: ids.draftPhotoId } } as any });
    await app.strapi.documents(ARTICLE as any).publish({ documentId: story.documentId, locale: 'zh-Hant' });

    const error = await refusal(app.strapi.documents(SOURCE as any).unpublish({ documentId: agency.documentId }));
    expect(error.details.errors).toContainEqual(expect.objectContaining({ documentId: story.documentId, field: 'cover.image' }));
    expect(error.message).toContain('agency in a photo’s stored credit');

    // Once the story credits the photo itself, the stored agency is no longer shown: the agency may go.
    await app.strapi.documents(ARTICLE as any).update({
      documentId: story.documentId,
      locale: 'zh-Hant',
      data: { cover: { image: ids.draftPhotoId, credit: '視覺中國', agency: ids.agency, license: 'agency' } } as any,
      status: 'published',
    });
    await app.strapi.documents(SOURCE as any).unpublish({ documentId: agency.documentId });
    expect(await isPublished(SOURCE, agency.documentId)).toBe(false);
  });
});

describe('POST /attribution-guard/unpublish-dependency (the override)', () => {
  it('is a permission of its own, granted to Editors and not to Authors', async () => {
    const actions = async (code: string) => {
      const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
      return (
        await app.strapi.db
          .query('admin::permission')
          .findMany({ where: { role: role.id, action: 'plugin::attribution-guard.dependents.override' } })
      ).length;
    };
    expect(await actions('strapi-editor')).toBe(1);
    expect(await actions('strapi-author')).toBe(0);
  });

  const override = (who: keyof typeof jwt, body: object) =>
    request(app.server).post('/attribution-guard/unpublish-dependency').set(as(who)).send(body);
  const reason = 'The republisher asked to be removed from our site today.';

  it('is forbidden to an Author', async () => {
    const res = await override('author', { uid: SOURCE, documentId: ids.republisher, action: 'unpublish', reason });
    expect(res.status).toBe(403);
    expect(await isPublished(SOURCE, ids.republisher)).toBe(true);
  });

  it('needs a reason and a known action', async () => {
    for (const body of [
      { uid: SOURCE, documentId: ids.republisher, action: 'unpublish' },
      { uid: SOURCE, documentId: ids.republisher, action: 'unpublish', reason: 'short' },
      { uid: SOURCE, documentId: ids.republisher, action: 'discard', reason },
      { uid: SOURCE, documentId: { $ne: 'x' }, action: 'delete', reason },
    ]) {
      const res = await override('editor', body);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
    }
    expect(await isPublished(SOURCE, ids.republisher)).toBe(true);
  });

  it('lets the Editor unpublish with a reason; the story is re-checked and shows the failure', async () => {
    const res = await override('editor', { uid: SOURCE, documentId: ids.republisher, action: 'unpublish', reason });
    expect(res.status).toBe(200);
    expect(res.body.data.dependents).toContainEqual(expect.objectContaining({ documentId: ids.story, field: 'republisher' }));
    expect(res.body.data.rechecked).toContainEqual(expect.objectContaining({ documentId: ids.story, locale: 'zh-Hant', ok: false }));
    expect(await isPublished(SOURCE, ids.republisher)).toBe(false);
    expect((await live()).republisher).toBeNull();

    // The list view's column and the article's history, as the Editor reads them.
    const status = await request(app.server)
      .post('/attribution-guard/status')
      .set(as('editor'))
      .send({ contentType: ARTICLE, locale: 'zh-Hant', documentIds: [ids.story] });
    expect(status.status).toBe(200);
    expect(status.body.data[ids.story].errors).toBeGreaterThan(0);
    const history = await request(app.server)
      .get('/attribution-guard/records')
      .query({ contentType: ARTICLE, documentId: ids.story, locale: 'zh-Hant' })
      .set(as('editor'));
    expect(history.status).toBe(200);
    const [last] = history.body.data;
    expect(last).toMatchObject({ outcome: 'dependency-removed', actorType: 'admin', actor: 'editor@newsroom.local' });
    expect(last.reason).toContain(reason);
    expect(last.findings.filter((f: { severity: string }) => f.severity === 'error').length).toBeGreaterThan(0);
  });

  it('lets the Super Admin delete with a reason, and answers 404 for nothing to remove', async () => {
    const res = await override('admin', {
      uid: PULL_QUOTE,
      documentId: quoteId,
      locale: 'zh-Hant',
      action: 'delete',
      reason: 'The speaker withdrew this quotation.',
    });
    expect(res.status).toBe(200);
    expect(await exists(PULL_QUOTE, quoteId)).toBe(false);
    expect((await live()).pullQuotes).toHaveLength(5);
    const again = await override('admin', {
      uid: PULL_QUOTE,
      documentId: quoteId,
      locale: 'zh-Hant',
      action: 'delete',
      reason: 'The speaker withdrew this quotation.',
    });
    expect(again.status).toBe(404);
  });
});
