/**
 * The delivery routes for front ends and feed readers. Public by design (`auth: false`) rather than
 * through the Public role: they serve published stories only and take no parameter but `locale`
 * (and the corrections page its pagination), and warm story responses are answered before the
 * router (src/middlewares/delivery-cache.ts), where no role is checked. The ninjs route is for
 * syndication partners: Strapi checks the API token on a read (`findOne`) scope, so a read-only token
 * passes, and the handler maps the token to the partner's agreement (src/ninjs/partner.ts).
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
      path: '/articles/by-slug/:slug/ninjs',
      handler: 'api::article.article.ninjs',
      config: { auth: { scope: ['api::article.article.findOne'] } },
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
