import request from 'supertest';
import { startApp, type TestApp } from '../helpers/strapi';
import { SEED_SLUG } from '../helpers/demo';

let app: TestApp;
beforeAll(async () => { app = await startApp('scratch'); });
afterAll(async () => { await app?.stop(); });

it('prints', async () => {
  const res = await request(app.server).get(`/api/articles/by-slug/${SEED_SLUG}`);
  const { body, bodyHtml, ...rest } = res.body.data;
  console.log(JSON.stringify(rest, null, 1));
  console.log(bodyHtml.slice(0, 600));
  const gql = await request(app.server).post('/graphql').send({ query: `{ articleBySlug(slug: "${SEED_SLUG}") { title attribution { line credits { path line } } author { name } pullQuotes { speaker } } articles(status: DRAFT) { title } }` });
  console.log(gql.status, JSON.stringify(gql.body, null, 1));
  const gql2 = await request(app.server).post('/graphql').send({ query: `{ articles { title localizations { title } cover { image { url related { __typename } } } } }` });
  console.log(gql2.status, JSON.stringify(gql2.body, null, 1).slice(0, 3000));
});
