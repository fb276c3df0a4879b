import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
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

describe('attribution-guard config', () => {
  /** Boots the compiled app in a child process with the given rule settings; returns what it printed. */
  function bootWith(rules: unknown): { status: number | null; output: string } {
    const script = `
      const { createStrapi } = require('@strapi/strapi');
      const app = createStrapi({ appDir: ${JSON.stringify(appDir)}, distDir: ${JSON.stringify(path.join(appDir, 'dist'))} });
      app.load().then(() => { console.log('STARTED'); process.exit(0); }, (error) => { console.error(error.message); process.exit(1); });
    `;
    const database = `.tmp/test-config-${process.pid}.db`;
    const result = spawnSync(process.execPath, ['-e', script], {
      cwd: appDir,
      env: {
        ...process.env,
        ATTRIBUTION_GUARD_RULES: JSON.stringify(rules),
        DATABASE_CLIENT: 'sqlite',
        DATABASE_FILENAME: database,
        LOG_LEVEL: 'error',
      },
      encoding: 'utf8',
      timeout: 90_000,
    });
    fs.rmSync(path.join(appDir, database), { force: true });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it('stops start-up on a mistyped rule id, naming it', () => {
    const result = bootWith({ 'image.credit-requried': 'error' });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/unknown rule "image\.credit-requried"/);
    expect(result.output).not.toContain('STARTED');
  });

  it('starts with a valid rule setting', () => {
    expect(bootWith({ 'image.agency-known': 'error' }).output).toContain('STARTED');
  });

  it('stops start-up on a severity that does not exist', () => {
    const result = bootWith({ 'image.credit-required': { severity: 'fatal' } });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/image\.credit-required.*severity/);
  });
});
