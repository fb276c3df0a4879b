import type { Core } from '@strapi/strapi';

const ARTICLE = 'api::article.article';
const AUTHOR = 'api::author.author';
const SOURCE = 'api::source.source';

const suffix = () => Math.random().toString(36).slice(2, 8);

/**
 * A story unlike the demo's: its own outlet (no republisher, no agreement), several writers in byline
 * order, no photo at all, in the given locale. Created as a draft; `publish` publishes it (the caller's
 * app decides whether approval is needed first).
 */
export async function storyWithoutImages(
  strapi: Core.Strapi,
  options: { title: string; locale?: string; writers?: number; publish?: boolean },
): Promise<{ documentId: string; slug: string; locale: string; writers: string[]; outlet: string }> {
  const locale = options.locale ?? 'en';
  const tag = suffix();
  const outlet = await strapi.documents(SOURCE as any).create({
    data: { name: `Northwind Tech ${tag}`, kind: 'outlet', website: `https://northwind-${tag}.example.com` } as any,
    status: 'published',
  });
  const names = Array.from({ length: options.writers ?? 1 }, (_, i) => `Writer ${String.fromCharCode(65 + i)} ${tag}`);
  const writers: string[] = [];
  for (const name of names) {
    const author = await strapi
      .documents(AUTHOR as any)
      .create({ locale, data: { name, displayName: name, role: 'writer', outlet: outlet.documentId } as any, status: 'published' });
    writers.push(author.documentId);
  }
  const draft = await strapi.documents(ARTICLE as any).create({
    locale,
    data: {
      title: options.title,
      dek: `${options.title}: the summary`,
      body: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: `${options.title}. ` },
            { type: 'text', text: 'Reported with care.', bold: true },
          ],
        },
        { type: 'heading', level: 2, children: [{ type: 'text', text: 'What comes next' }] },
        { type: 'paragraph', children: [{ type: 'text', text: 'A second paragraph, <not markup>.' }] },
      ],
      author: writers[0],
      coAuthors: writers.slice(1),
      source: outlet.documentId,
    } as any,
  });
  if (options.publish !== false) await strapi.documents(ARTICLE as any).publish({ documentId: draft.documentId, locale });
  return { documentId: draft.documentId, slug: draft.slug, locale, writers: names, outlet: outlet.name };
}
