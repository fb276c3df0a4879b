import type { Core } from '@strapi/strapi';
import { createPublishGate } from './document-middlewares/publish-gate';
import { createDependencyGate } from './document-middlewares/dependency-gate';
import { validateGuardConfig } from './config/validate-config';
import { PLUGIN_ID } from './constants';

/**
 * Marks each guarded content type in its pluginOptions: the admin reads them with the layout, which is
 * how the side panel, the list column and the Publish button know where checks run.
 */
function markGuardedContentTypes(strapi: Core.Strapi): void {
  for (const uid of validateGuardConfig(strapi.config.get(`plugin::${PLUGIN_ID}`)).contentTypes) {
    const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as { pluginOptions?: Record<string, unknown> } | undefined;
    if (contentType) contentType.pluginOptions = { ...contentType.pluginOptions, [PLUGIN_ID]: { checked: true } };
  }
}

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  markGuardedContentTypes(strapi);
  strapi.documents.use(createPublishGate(strapi));
  strapi.documents.use(createDependencyGate(strapi));
};

export default register;
