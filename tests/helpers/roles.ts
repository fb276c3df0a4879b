import type { Core } from '@strapi/strapi';

const CM = 'plugin::content-manager.explorer';
const OWN_ENTRY_TYPES = ['api::article.article', 'api::pull-quote.pull-quote'];

/**
 * A custom role an administrator might make for outside contributors: like Strapi's stock Author, it
 * reads, writes and deletes only the stories and pull-quotes its user created, and only its own media.
 * The newsroom's own Author role reads everything; this role keeps the routes' entry-level read checks
 * under test. Permissions copy the Editor's field and locale properties.
 */
export async function createContributor(strapi: Core.Strapi, email: string, password: string): Promise<number> {
  const role = await strapi.service('admin::role').create({ name: `Contributor ${email}`, description: 'Own entries only' });
  const editor = await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  const editorRows = (await strapi.db.query('admin::permission').findMany({ where: { role: editor.id } })) as Array<{
    action: string;
    subject: string | null;
    properties: object;
  }>;
  const rows: Array<Record<string, unknown>> = [];
  for (const row of editorRows) {
    const ownEntry =
      OWN_ENTRY_TYPES.includes(row.subject ?? '') && ['create', 'read', 'update', 'delete'].some((verb) => row.action === `${CM}.${verb}`);
    if (ownEntry)
      rows.push({ action: row.action, subject: row.subject, properties: row.properties, conditions: ['admin::is-creator'], role: role.id });
  }
  for (const action of ['plugin::upload.read', 'plugin::upload.assets.update'])
    rows.push({ action, subject: null, properties: {}, conditions: ['admin::is-creator'], role: role.id });
  for (const action of [
    'plugin::upload.assets.create',
    'plugin::attribution-guard.read',
    'plugin::editorial-workflow.read',
    'plugin::editorial-workflow.transition.submit',
  ]) {
    rows.push({ action, subject: null, properties: {}, conditions: [], role: role.id });
  }
  await strapi.service('admin::permission').createMany(rows);
  const user = await strapi
    .service('admin::user')
    .create({ email, firstname: 'Outside', lastname: 'Contributor', password, isActive: true, roles: [role.id], registrationToken: null });
  return user.id as number;
}
