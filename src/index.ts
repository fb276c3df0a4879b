import type { Core } from '@strapi/strapi';
import { ensureContentLocales } from './bootstrap/locales';
import { grantPublicRead } from './bootstrap/public-permissions';
import { ensureDevAdmins } from './bootstrap/dev-admins';
import { suggestPinyinSlugsInAdmin } from './bootstrap/admin-slug';
import { ensureEditorialRoles } from './bootstrap/editorial-roles';
import { ensureArticleListLayout } from './bootstrap/list-layout';
import { ensureCorrectionLayout } from './bootstrap/correction-layout';
import { loadDemoContent } from './seed/demo-content';
import { plainTextMiddleware } from './document-middlewares/plain-text';
import { noNulMiddleware } from './document-middlewares/no-nul';
import { urlFieldsMiddleware } from './document-middlewares/url-fields';
import { createArticleSlugMiddleware } from './document-middlewares/article-slug';
import { createKnownLocaleMiddleware } from './document-middlewares/known-locale';
import { bootstrapDelivery, destroyDelivery, registerDelivery } from './delivery';
import { readCreditsOnUpload } from './photo-credits/upload-hook';
import { refuseNonImages } from './uploads/upload-guard';
import { reportStoreFailures } from './uploads/store-errors';
import { registerZhHansRoutes } from './zh-hans/routes';
import { invalidateIfMarkedStale } from './delivery/stale-mark';
import { registerImportRoutes } from './import/routes';
import { registerReaderRoutes } from './reader/routes';
import { registerFeedRoutes } from './feeds/routes';
import { checkPublicUrl } from './lib/public-url';
import { createCorrectionsMiddleware } from './corrections/middleware';
import { registerCorrectionRoutes } from './corrections/routes';
import { bootstrapOutbox, destroyOutbox, registerOutbox } from './outbox';

/** Demo content loads outside production unless SEED_DEMO=false; in production only with SEED_DEMO=true. */
const shouldSeed = () => (process.env.SEED_DEMO ?? (process.env.NODE_ENV === 'production' ? 'false' : 'true')) === 'true';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    const publicUrl = checkPublicUrl(String(strapi.config.get('server.url', '') ?? ''), process.env.NODE_ENV);
    if (!publicUrl.ok && publicUrl.fatal) throw new Error(publicUrl.message);
    if (!publicUrl.ok) strapi.log.warn(publicUrl.message);
    strapi.documents.use(createKnownLocaleMiddleware(strapi));
    // Plain text before the slug, so the slug is made from the cleaned title.
    strapi.documents.use(noNulMiddleware);
    strapi.documents.use(plainTextMiddleware);
    strapi.documents.use(urlFieldsMiddleware);
    strapi.documents.use(createArticleSlugMiddleware(strapi));
    // After plain text, so corrections are compared as they are stored.
    strapi.documents.use(createCorrectionsMiddleware(strapi));
    registerDelivery(strapi);
    registerZhHansRoutes(strapi);
    registerImportRoutes(strapi);
    registerCorrectionRoutes(strapi);
    registerReaderRoutes(strapi);
    registerFeedRoutes(strapi);
    registerOutbox(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const store = strapi.store({ type: 'core', name: 'newsroom' });
    const kv = { get: (key: string) => store.get({ key }), set: (key: string, value: unknown) => store.set({ key, value }) };

    // The delivery cache first, so every later write (the demo seed too) invalidates it.
    await bootstrapDelivery(strapi);
    await invalidateIfMarkedStale(strapi);
    // Before the seed too: its workflow events are stored and delivered like any other.
    bootstrapOutbox(strapi);
    suggestPinyinSlugsInAdmin(strapi);
    readCreditsOnUpload(strapi);
    // After the credit hook, so it wraps it: files are checked before anything is stored or credited.
    refuseNonImages(strapi);
    // Outermost: a bucket that is down is a clear 503, not a bare 500.
    reportStoreFailures(strapi);
    await ensureContentLocales(strapi);
    await grantPublicRead(strapi, kv);
    await ensureEditorialRoles(strapi, kv);
    await ensureDevAdmins(strapi);
    await ensureArticleListLayout(strapi, kv);
    await ensureCorrectionLayout(strapi, kv);
    if (shouldSeed()) await loadDemoContent(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await destroyOutbox(strapi);
    await destroyDelivery(strapi);
  },
};
