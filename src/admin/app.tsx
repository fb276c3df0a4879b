import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Admin interface languages: English, 繁體中文 ('zh') and 简体中文 ('zh-Hans').
    locales: ['zh', 'zh-Hans'],
  },
  bootstrap(_app: StrapiApp) {},
};
