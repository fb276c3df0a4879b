import { errors } from '@strapi/utils';

/**
 * A 403 that keeps its message. Strapi's authorize step replaces a ForbiddenError thrown by a handler
 * with a bare "Forbidden"; a PolicyError reaches the admin as written, so the editor learns why.
 */
export const forbidden = (message: string) => new errors.PolicyError(message);
