import type { Modules } from '@strapi/strapi';

/** The shape of a Document Service middleware (`strapi.documents.use`). */
export type DocumentMiddleware = Modules.Documents.Middleware.Middleware;
