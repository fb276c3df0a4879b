/**
 * Route config shared by the four public content types: every read goes through
 * `global::published-only`, so no query parameter can reach a draft.
 */
export const publicReadConfig = {
  find: { middlewares: ['global::published-only'] },
  findOne: { middlewares: ['global::published-only'] },
};
