import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

export interface NewsroomRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Under `/newsroom`. */
  path: string;
  handler: (ctx: Context) => Promise<void>;
}

/**
 * The app's own admin routes, under `/newsroom`, each for signed-in admin users only; what a user may
 * do with an entry is checked in the handler, against the Content Manager's permissions and conditions.
 */
export function registerNewsroomRoutes(strapi: Core.Strapi, routes: NewsroomRoute[]): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/newsroom',
    routes: routes.map((route) => ({ ...route, info: { type: 'admin' }, config: { policies: ['admin::isAuthenticatedAdmin'] } })),
  });
}
