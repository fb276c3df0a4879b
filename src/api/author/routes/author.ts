import { factories } from '@strapi/strapi';
import { publicReadConfig } from '../../../lib/public-read';

export default factories.createCoreRouter('api::author.author', { config: publicReadConfig });
