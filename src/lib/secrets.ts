import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Every secret Strapi needs, with how many random values it takes (APP_KEYS is a list). */
export const SECRET_NAMES = {
  APP_KEYS: 4,
  API_TOKEN_SALT: 1,
  ADMIN_JWT_SECRET: 1,
  TRANSFER_TOKEN_SALT: 1,
  JWT_SECRET: 1,
  ENCRYPTION_KEY: 1,
  /** Signs the admin's preview links (src/reader/token.ts). */
  PREVIEW_SECRET: 1,
} as const;

export type SecretName = keyof typeof SECRET_NAMES;

const random = (): string => crypto.randomBytes(24).toString('base64');

/**
 * Makes sure every secret is in process.env before the config files read it.
 * Development and test: missing secrets are generated once and kept in `.tmp/secrets.json`
 * (ignored by git) so sessions and tokens survive restarts without a hand-made `.env`.
 * Production: a missing secret stops start-up with a message naming it.
 */
export function ensureSecrets(appRoot: string, env: NodeJS.ProcessEnv = process.env): void {
  const missing = (Object.keys(SECRET_NAMES) as SecretName[]).filter((name) => !env[name]);
  if (missing.length === 0) return;

  if (env.NODE_ENV === 'production') {
    throw new Error(
      `Missing required secrets in production: ${missing.join(', ')}. ` +
        'Set them in the environment (APP_KEYS is a comma-separated list); they are generated automatically only in development.',
    );
  }

  const file = path.join(appRoot, '.tmp', 'secrets.json');
  let stored: Partial<Record<SecretName, string>> = {};
  if (fs.existsSync(file)) {
    stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Record<SecretName, string>>;
  }
  let changed = false;
  for (const name of missing) {
    if (!stored[name]) {
      stored[name] = Array.from({ length: SECRET_NAMES[name] }, random).join(',');
      changed = true;
    }
    env[name] = stored[name];
  }
  if (changed) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
}
