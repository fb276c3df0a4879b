import fs from 'node:fs';
import path from 'node:path';
import { startApp, type TestApp } from '../helpers/strapi';
import { appDir } from '../helpers/database';

let app: TestApp;
beforeAll(async () => {
  app = await startApp('plugins-loaded');
});
afterAll(async () => {
  await app?.stop();
});

describe('local plugins', () => {
  // Strapi skips a local plugin whose built server entry is missing, without a word;
  // a guard that silently is not there would let every wrong byline through.
  it.each(['attribution-guard', 'editorial-workflow'])('%s is built and loaded', (name) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(appDir, 'src/plugins', name, 'package.json'), 'utf8'));
    const entry = path.join(appDir, 'src/plugins', name, pkg.exports['./strapi-server'].require);
    expect(fs.existsSync(entry)).toBe(true);
    expect(app.strapi.plugin(name)).toBeDefined();
    expect(Object.keys(app.strapi.plugins)).toContain(name);
  });
});
