import type { Core } from '@strapi/strapi';
/**
 * The Simplified Chinese edition (`POST /newsroom/zh-hans-edition`): which Traditional variant the
 * newsroom writes in (`tw` Taiwan, `hk` Hong Kong) and names never converted, besides every author's
 * and source's names and aliases (e.g. ZH_HANS_PROTECTED_NAMES=臺積電,鴻海).
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  zhHans: {
    from: env('ZH_HANS_FROM', 'tw'),
    protectedNames: env.array('ZH_HANS_PROTECTED_NAMES', []),
  },
});
