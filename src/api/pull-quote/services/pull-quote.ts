import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::pull-quote.pull-quote');
