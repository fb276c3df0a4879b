import type { Core } from '@strapi/strapi';
import { devLogins, ensureDevAdmins } from './dev-admins';

describe('development logins', () => {
  it('are never made in production: nothing is even looked up', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const touched: string[] = [];
    const strapi = {
      config: { get: () => 'production' },
      service: (name: string) => {
        touched.push(name);
        throw new Error('must not be called in production');
      },
    } as unknown as Core.Strapi;
    try {
      await ensureDevAdmins(strapi);
    } finally {
      process.env.NODE_ENV = previous;
    }
    expect(touched).toEqual([]);
  });

  it('take their emails and passwords from the environment, with printed defaults', () => {
    expect(devLogins({}).map((l) => l.email)).toEqual(['admin@newsroom.local', 'editor@newsroom.local', 'author@newsroom.local']);
    const custom = devLogins({ ADMIN_EMAIL: 'chief@example.org', ADMIN_PASSWORD: 'Chief-Pass-1' });
    expect(custom[0]).toMatchObject({ email: 'chief@example.org', password: 'Chief-Pass-1', roleCode: 'strapi-super-admin' });
    expect(custom.map((l) => l.roleCode)).toEqual(['strapi-super-admin', 'strapi-editor', 'strapi-author']);
  });
});
