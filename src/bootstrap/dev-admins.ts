import type { Core } from '@strapi/strapi';

export interface DevLogin {
  email: string;
  password: string;
  roleCode: 'strapi-super-admin' | 'strapi-editor' | 'strapi-author';
  firstname: string;
}

/** The development logins; each can be changed through the environment. */
export function devLogins(env: NodeJS.ProcessEnv = process.env): DevLogin[] {
  return [
    {
      email: env.ADMIN_EMAIL ?? 'admin@newsroom.local',
      password: env.ADMIN_PASSWORD ?? 'Newsroom-Admin-2026',
      roleCode: 'strapi-super-admin',
      firstname: 'Admin',
    },
    {
      email: env.EDITOR_EMAIL ?? 'editor@newsroom.local',
      password: env.EDITOR_PASSWORD ?? 'Newsroom-Editor-2026',
      roleCode: 'strapi-editor',
      firstname: 'Editor',
    },
    {
      email: env.AUTHOR_EMAIL ?? 'author@newsroom.local',
      password: env.AUTHOR_PASSWORD ?? 'Newsroom-Author-2026',
      roleCode: 'strapi-author',
      firstname: 'Author',
    },
  ];
}

/**
 * Outside production, when no admin user exists yet, creates a super admin and one user in each of
 * Strapi's Editor and Author roles so a newcomer can log in at once, and prints the logins once.
 * Production never gets accounts with known passwords.
 */
export async function ensureDevAdmins(strapi: Core.Strapi): Promise<void> {
  if (process.env.NODE_ENV === 'production' || strapi.config.get('environment') === 'production') return;
  const users = strapi.service('admin::user');
  if (await users.exists()) return;

  const lines: string[] = [];
  for (const login of devLogins()) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code: login.roleCode } });
    if (!role) throw new Error(`Admin role ${login.roleCode} is missing; cannot create the development login ${login.email}.`);
    await users.create({
      email: login.email,
      firstname: login.firstname,
      lastname: 'Demo',
      password: login.password,
      isActive: true,
      roles: [role.id],
      registrationToken: null,
    });
    lines.push(`  ${role.name.padEnd(12)} ${login.email} / ${login.password}`);
  }
  strapi.log.info(`Development logins created (set ADMIN_EMAIL/ADMIN_PASSWORD, EDITOR_*, AUTHOR_* to choose others):\n${lines.join('\n')}`);
}
