import { factories } from '@strapi/strapi';
import { publicReadConfig } from '../../../lib/public-read';

export default factories.createCoreRouter('api::article.article', { config: publicReadConfig });
