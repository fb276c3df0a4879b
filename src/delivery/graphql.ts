import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkSortPaths, PUBLIC_UNREACHABLE_FIELDS, type ModelLookup } from '../lib/content-query';
import { checkSlug } from './http';
import type { DeliveryService } from './service';

/** The delivery shape in GraphQL: the same data as `GET /api/articles/by-slug/:slug`. */
const TYPE_DEFS = /* GraphQL */ `
  type DeliveryPerson { documentId: ID! name: String! displayName: String role: String url: String sameAs: [String!]! }
  type DeliveryOrganization { documentId: ID! name: String! shortName: String kind: String website: String logo: DeliveryImage }
  type DeliveryImage { documentId: ID url: String! width: Int height: Int mime: String alternativeText: String formats: JSON }
  type DeliveryCreditedImage {
    image: DeliveryImage credit: String creditLine: String agency: DeliveryOrganization
    photographer: String license: String caption: String alt: String
  }
  type DeliveryPullQuote { documentId: ID! text: String! speaker: String! speakerTitle: String speakerOrg: String position: Int! }
  type DeliveryImageCredit { path: String! line: String! }
  type DeliveryAttribution { line: String originalUrl: String canonicalUrl: String credits: [DeliveryImageCredit!]! }
  type DeliveryLocalization { locale: String! slug: String! url: String! }
  type DeliveryCorrection { at: DateTime! kind: String! text: String! }
  type ArticleDelivery {
    documentId: ID! locale: String! slug: String! title: String! dek: String
    body: JSON bodyHtml: String! originalUrl: String
    publishedAt: DateTime firstPublishedAt: DateTime createdAt: DateTime updatedAt: DateTime
    author: DeliveryPerson coAuthors: [DeliveryPerson!]! editor: DeliveryPerson source: DeliveryOrganization republisher: DeliveryOrganization
    pullQuotes: [DeliveryPullQuote!]! cover: DeliveryCreditedImage gallery: [DeliveryCreditedImage!]!
    attribution: DeliveryAttribution! corrections: [DeliveryCorrection!]! jsonLd: JSON! jsonLdScript: String!
    localizations: [DeliveryLocalization!]!
  }
  extend type Query {
    "A published story by its slug, with attribution, sanitised HTML and JSON-LD. Not published in that locale: a NOT_FOUND error listing the locales it is published in."
    articleBySlug(slug: String!, locale: I18NLocaleCode): ArticleDelivery!
  }
`;

type Resolver = (root: unknown, args: Record<string, unknown> | undefined, ctx: unknown, info: unknown) => unknown;
interface NexusPluginApi {
  plugin(config: {
    name: string;
    onCreateFieldResolver: (config: {
      parentTypeConfig: { name: string };
      fieldConfig: { name: string; args?: Record<string, unknown> };
    }) => ((root: unknown, args: Record<string, unknown> | undefined, ctx: unknown, info: unknown, next: Resolver) => unknown) | undefined;
  }): unknown;
}

const refuse = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

/**
 * The GraphQL counterpart of the `published-only` route middleware. Strapi's root queries take a
 * `status` argument, and nested relations inherit it, so `status: DRAFT` on any root query is
 * refused; a page size above the cap is refused too, as on REST, instead of being silently cut.
 * A `sort` path through `localizations` is refused as on REST (src/lib/content-query.ts); filters
 * cannot name it at all, since their input types leave it out (registerGraphqlDelivery).
 */
function publishedOnlyPlugin(nexus: NexusPluginApi, maxLimit: number, lookup: ModelLookup) {
  return nexus.plugin({
    name: 'NewsroomPublishedOnly',
    onCreateFieldResolver({ parentTypeConfig, fieldConfig }) {
      const args = fieldConfig.args ?? {};
      const checksStatus = parentTypeConfig.name === 'Query' && 'status' in args;
      const checksPagination = 'pagination' in args;
      const checksSort = 'sort' in args;
      if (!checksStatus && !checksPagination && !checksSort) return undefined;
      return (root, fieldArgs, ctx, info, next) => {
        if (checksSort && fieldArgs?.sort !== undefined && fieldArgs.sort !== null) {
          const [problem] = checkSortPaths(null, fieldArgs.sort, lookup);
          if (problem) throw refuse('sort', problem.message);
        }
        if (checksStatus && fieldArgs?.status !== undefined && fieldArgs.status !== null && fieldArgs.status !== 'published') {
          throw refuse('status', 'Only published content is available on this API: remove the status argument or use PUBLISHED.');
        }
        const pagination = (fieldArgs?.pagination ?? {}) as Record<string, unknown>;
        for (const key of ['pageSize', 'limit'] as const) {
          const value = pagination[key];
          if (value !== undefined && value !== null && (typeof value !== 'number' || value < 1 || value > maxLimit)) {
            throw refuse(`pagination.${key}`, `pagination.${key} must be a whole number from 1 to ${maxLimit}.`);
          }
        }
        return next(root, fieldArgs, ctx, info);
      };
    },
  });
}

/** Registers the delivery query and the published-only rule with the GraphQL plugin, when it is installed. */
export function registerGraphqlDelivery(strapi: Core.Strapi, delivery: () => DeliveryService): void {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const maxLimit = Number(strapi.config.get('api.rest.maxLimit', 100));
  const extension = graphql.service('extension');
  // A media file's `related` lists every entry that uses it, drafts included: front ends have no use for it.
  extension.shadowCRUD('plugin::upload.file').field('related').disable();
  // `localizations` joins every row of a document, its drafts included: no filter input offers it.
  for (const [uid, model] of Object.entries(strapi.contentTypes)) {
    for (const field of PUBLIC_UNREACHABLE_FIELDS) {
      if (field in (model as { attributes: object }).attributes) extension.shadowCRUD(uid).field(field).disableFilters();
    }
  }
  const lookup: ModelLookup = (uid) => strapi.getModel(uid as UID.ContentType) as ReturnType<ModelLookup>;
  extension.use(({ nexus }: { nexus: NexusPluginApi }) => ({
    plugins: [publishedOnlyPlugin(nexus, maxLimit, lookup)],
    typeDefs: TYPE_DEFS,
    resolvers: {
      Query: {
        articleBySlug: {
          async resolve(_root: unknown, args: { slug?: unknown; locale?: unknown }) {
            const service = delivery();
            if (args.locale === '*') throw refuse('locale', 'A story is served in one locale at a time: give a locale code.');
            const locale = await service.resolveLocale(typeof args.locale === 'string' ? args.locale : undefined);
            return service.article(checkSlug(args.slug), locale);
          },
        },
      },
    },
    resolversConfig: {
      // Published stories are public; the resolver reads nothing else.
      'Query.articleBySlug': { auth: false },
    },
  }));
}
