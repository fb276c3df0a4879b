import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../lib/content-types';
import { slugFromTitle } from '../lib/slug';

/**
 * The admin suggests a slug as the editor types the title. Strapi's own suggestion transliterates
 * Latin only, so a Chinese title would get a meaningless slug; article slugs are suggested in
 * pinyin instead, through the same function the server uses, and still made unique by Strapi.
 */
export function suggestPinyinSlugsInAdmin(strapi: Core.Strapi): void {
  const uidService = strapi.plugin('content-manager').service('uid') as {
    generateUIDField: (args: { contentTypeUID: string; field: string; data: Record<string, unknown>; locale?: string }) => Promise<string>;
    findUniqueUID: (args: { contentTypeUID: string; field: string; value: string; locale?: string }) => Promise<string>;
  };
  const generate = uidService.generateUIDField.bind(uidService);
  uidService.generateUIDField = async (args) => {
    const title = args.data?.title;
    if (args.contentTypeUID === ARTICLE_UID && args.field === 'slug' && typeof title === 'string' && title.trim()) {
      const value = slugFromTitle(title);
      if (value) return uidService.findUniqueUID({ contentTypeUID: args.contentTypeUID, field: args.field, value, locale: args.locale });
    }
    return generate(args);
  };
}
