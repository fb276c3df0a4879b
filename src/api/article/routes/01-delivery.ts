/**
 * The delivery route for front ends. Public by design (`auth: false`): it serves published stories
 * only, takes no parameter but `locale`, and its cached responses are answered before the router.
 * The file name sorts before the core router's, so `/articles/by-slug/…` is matched here first.
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
