import type { Core } from '@strapi/strapi';
import { createPublishGate } from './document-middlewares/publish-gate';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(createPublishGate(strapi));
};

export default register;
