import type { Core } from '@strapi/strapi';
import { createPublishGate } from './document-middlewares/publish-gate';
import { createDependencyGate } from './document-middlewares/dependency-gate';
import { validateGuardConfig } from './config/validate-config';
import { PLUGIN_ID } from './constants';
import { guardedShapeProblems } from './config/guarded-shape';
import type { AttributeLike } from './dependents/paths';

/**
 * Marks each guarded content type in its pluginOptions: the admin reads them with the layout, which is
 * how the side panel, the list column and the Publish button know where checks run. A configured type
 * that does not exist, or lacks what the rules read, stops start-up with the fields named.
 */
function markGuardedContentTypes(strapi: Core.Strapi): void {
  for (const uid of validateGuardConfig(strapi.config.get(`plugin::${PLUGIN_ID}`)).contentTypes) {
    const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as
      { pluginOptions?: Record<string, unknown>; attributes: Record<string, AttributeLike> } | undefined;
    if (!contentType) throw new Error(`${PLUGIN_ID}: config.contentTypes names ${uid}, which does not exist.`);
    const problems = guardedShapeProblems(contentType.attributes);
    if (problems.length > 0)
      throw new Error(`${PLUGIN_ID}: config.contentTypes names ${uid}, which the guard cannot check: ${problems.join('; ')}.`);
    contentType.pluginOptions = { ...contentType.pluginOptions, [PLUGIN_ID]: { checked: true } };
  }
}

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  markGuardedContentTypes(strapi);
  strapi.documents.use(createPublishGate(strapi));
  strapi.documents.use(createDependencyGate(strapi));
};

export default register;
