import request from 'supertest';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp('foundation');
});
afterAll(async () => {
  await app?.stop();
});

describe('smoke', () => {
  it('serves the demo story', async () => {
    const res = await request(app.server).get('/api/articles?locale=zh-Hant&populate=*');
    require("fs").writeFileSync(".tmp/smoke.json", JSON.stringify(res.body, null, 1));
    expect(res.status).toBe(200);
  });
});
