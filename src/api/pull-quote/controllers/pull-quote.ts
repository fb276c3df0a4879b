import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::pull-quote.pull-quote');
