import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureSecrets, SECRET_NAMES } from './secrets';

const names = Object.keys(SECRET_NAMES);

describe('ensureSecrets', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('generates missing secrets in development and keeps them for the next start', () => {
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'development' };
    ensureSecrets(dir, env);
    for (const name of names) expect(env[name]).toBeTruthy();
    expect(env.APP_KEYS!.split(',')).toHaveLength(4);
    const again: NodeJS.ProcessEnv = { NODE_ENV: 'development' };
    ensureSecrets(dir, again);
    expect(again).toEqual(env);
  });

  it('keeps secrets that are set', () => {
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'development', JWT_SECRET: 'mine' };
    ensureSecrets(dir, env);
    expect(env.JWT_SECRET).toBe('mine');
  });

  it('refuses to start in production without them, naming each missing one', () => {
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'production', APP_KEYS: 'a,b', JWT_SECRET: 'x' };
    expect(() => ensureSecrets(dir, env)).toThrow(/API_TOKEN_SALT, ADMIN_JWT_SECRET, TRANSFER_TOKEN_SALT, ENCRYPTION_KEY/);
    expect(fs.existsSync(path.join(dir, '.tmp'))).toBe(false);
  });

  it('starts in production when every secret is set', () => {
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'production' };
    for (const name of names) env[name] = 'set';
    expect(() => ensureSecrets(dir, env)).not.toThrow();
  });
});
