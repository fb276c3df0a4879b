import type { Core, UID } from '@strapi/strapi';
import { validateWorkflowConfig } from './config/validate-config';
import { PLUGIN_ID } from './constants';
import { createWorkflowGate } from './document-middlewares/workflow-gate';
import { workflowAttributes } from './fields';

/** Adds the workflow fields to each configured content type, and the workflow gate to the Document Service. */
const register = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = validateWorkflowConfig(strapi.config.get(`plugin::${PLUGIN_ID}`));
  for (const uid of config.contentTypes) {
    const contentType = strapi.contentType(uid as UID.ContentType);
    if (!contentType) throw new Error(`${PLUGIN_ID}: config.contentTypes names ${uid}, which does not exist.`);
    if (!contentType.options?.draftAndPublish)
      throw new Error(`${PLUGIN_ID}: ${uid} has no Draft & Publish; the workflow publishes through it.`);
    const clash = Object.keys(workflowAttributes).find((name) => name in contentType.attributes);
    if (clash) throw new Error(`${PLUGIN_ID}: ${uid} already has a field "${clash}"; the workflow needs that name.`);
    strapi.get('content-types').extend(uid, (schema: { attributes: Record<string, unknown> }) => {
      Object.assign(schema.attributes, workflowAttributes);
    });
  }
  strapi.documents.use(createWorkflowGate(strapi));
};

export default register;
