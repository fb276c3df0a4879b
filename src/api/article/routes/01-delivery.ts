/**
 * The delivery route for front ends. Public by design (`auth: false`) rather than through the Public
 * role: it serves published stories only and takes no parameter but `locale`, and its warm responses
 * are answered before the router (src/middlewares/delivery-cache.ts), where no role is checked.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/by-slug/:slug',
      handler: 'api::article.article.bySlug',
      config: { auth: false },
    },
  ],
};
