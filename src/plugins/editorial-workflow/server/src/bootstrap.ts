import type { Core } from '@strapi/strapi';
import { WEBHOOK_EVENTS } from '../../shared/contracts/workflow';
import { GUARD_PLUGIN_ID, PLUGIN_ID } from './constants';
import { DEFAULT_ROLE_GRANTS, PERMISSION_ACTIONS } from './permissions';
import type { SweepReport } from './services/scheduler';
import { getService } from './utils/get-service';

export const SWEEP_TASK = `${PLUGIN_ID}.sweep`;
export const CATCH_UP_TASK = `${PLUGIN_ID}.catch-up`;

async function grantRole(strapi: Core.Strapi, role: { id: number; code: string }): Promise<void> {
  const actions = DEFAULT_ROLE_GRANTS[role.code as keyof typeof DEFAULT_ROLE_GRANTS];
  if (!actions) return;
  const existing = await strapi.db
    .query('admin::permission')
    .findMany({ where: { role: role.id, action: { $startsWith: `plugin::${PLUGIN_ID}.` } } });
  const have = new Set(existing.map((p: { action: string }) => p.action));
  const missing = actions.map((a) => `plugin::${PLUGIN_ID}.${a}`).filter((a) => !have.has(a));
  if (missing.length) {
    await strapi
      .service('admin::permission')
      .createMany(missing.map((action) => ({ action, subject: null, properties: {}, conditions: [], role: role.id })));
  }
}

/**
 * Grants Strapi's default roles their actions once; later edits in the role editor are respected.
 * On a new database the admin creates those roles after the plugins have bootstrapped, so the
 * grant then happens as each role is created.
 */
async function grantDefaultRoles(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
  if (await store.get({ key: 'rolesGranted' })) return;
  const codes = Object.keys(DEFAULT_ROLE_GRANTS);
  const roles = await strapi.db.query('admin::role').findMany({ where: { code: { $in: codes } } });
  if (roles.length > 0) {
    for (const role of roles) await grantRole(strapi, role);
    await store.set({ key: 'rolesGranted', value: true });
    return;
  }
  const pending = new Set(codes);
  strapi.db.lifecycles.subscribe({
    models: ['admin::role'],
    async afterCreate(event: { result?: { id: number; code: string } }) {
      const role = event.result;
      if (!role || !pending.has(role.code)) return;
      pending.delete(role.code);
      await grantRole(strapi, role);
      if (pending.size === 0) await store.set({ key: 'rolesGranted', value: true });
    },
  });
}

function logReport(strapi: Core.Strapi, report: SweepReport): void {
  const { counts } = report;
  const done = counts.published + counts.unpublished + counts.held + counts.failed + counts.error;
  if (done === 0 && !report.incomplete) return;
  const line = `editorial-workflow: sweep at ${report.now}: ${counts.published} published, ${counts.unpublished} unpublished, ${counts.held} held, ${counts.failed} refused, ${counts.error} errors${report.incomplete ? ' (time budget reached; the next sweep continues)' : ''}`;
  if (counts.failed + counts.error + counts.held > 0) strapi.log.warn(line);
  else strapi.log.info(line);
}

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
  await grantDefaultRoles(strapi);

  // The attribution guard's panel, Publish dialog and refusal records then name the approval too.
  strapi
    .plugin(GUARD_PLUGIN_ID)
    ?.service('publish-conditions')
    ?.add((ref: { uid: string; documentId: string | null; locale: string }) => getService(strapi, 'workflow').gateReport(ref));

  const webhookStore = strapi.get('webhookStore');
  for (const [key, event] of Object.entries(WEBHOOK_EVENTS)) webhookStore.addAllowedEvent(key, event);

  const { sweep } = getService(strapi, 'settings').config();
  if (!sweep.cron) return;
  const task = async () => {
    try {
      logReport(strapi, await getService(strapi, 'scheduler').sweep());
    } catch (error) {
      // The next tick tries again; what was done is committed, what was not is still due.
      strapi.log.error(`editorial-workflow: sweep failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
  // Every instance runs the task; the scheduler claims work in the database so each entry goes out once.
  strapi.cron.add({ [SWEEP_TASK]: { task, options: { rule: sweep.rule } } });
  // Catch up on what fell due while every instance was down, without waiting for the next tick.
  if (sweep.runOnStart) strapi.cron.add({ [CATCH_UP_TASK]: { task, options: new Date(Date.now() + 3000) } });
};

export default bootstrap;
