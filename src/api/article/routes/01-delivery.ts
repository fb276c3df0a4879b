/**
 * The delivery routes for front ends and feed readers. Public by design (`auth: false`) rather than
 * through the Public role: they serve published stories only and take no parameter but `locale`
 * (and the corrections page its pagination), and warm story responses are answered before the
 * router (src/middlewares/delivery-cache.ts), where no role is checked.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/by-slug/:slug',
      handler: 'api::article.article.bySlug',
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/corrections',
      handler: 'api::article.article.corrections',
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/corrections/rss.xml',
      handler: 'api::article.article.correctionsRss',
      config: { auth: false },
    },
  ],
};
