/**
 * Strapi stamps `publishedAt` anew on every publish, so a correction or a re-publish would move a
 * story's publication date. `firstPublishedAt` (a Strapi feature, with its own migration for rows
 * published before it was on) keeps the first publication time per locale; delivery uses it for
 * `datePublished`.
 */
export default {
  future: {
    experimental_firstPublishedAt: true,
  },
};
