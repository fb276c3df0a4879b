import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';

/** Who a request is from: an admin user or a users-permissions user (which has a username, and maybe no email). */
interface RequestUser {
  id: number;
  email?: string;
  username?: string;
}

export type ActorType = 'admin' | 'api-token' | 'user' | 'scheduler' | 'system';
export interface Actor {
  type: ActorType;
  id?: number;
  name?: string;
}
export interface Override {
  reason: string;
  actor: Actor;
}
interface PublishContext {
  actor?: Actor;
  override?: Override;
}

// Publishes happen deep inside the Document Service; who asked (the scheduler, an override with a
// reason) travels with the async call instead of through every Strapi signature in between.
const storage = new AsyncLocalStorage<PublishContext>();

function actorFromRequest(strapi: Core.Strapi): Actor {
  const ctx = strapi.requestContext.get() as
    | {
        state?: {
          user?: RequestUser;
          userAbility?: unknown;
          auth?: { strategy?: { name?: string }; credentials?: { id?: number; name?: string } };
        };
      }
    | undefined;
  const state = ctx?.state;
  if (!state) return { type: 'system' };
  // Admin requests carry the admin user and its ability; content-API tokens carry only credentials.
  if (state.user && state.userAbility) return { type: 'admin', id: state.user.id, name: state.user.email };
  if (state.auth?.strategy?.name?.includes('token') && state.auth.credentials) {
    return { type: 'api-token', id: state.auth.credentials.id, name: state.auth.credentials.name };
  }
  if (state.user) return { type: 'user', id: state.user.id, name: state.user.email ?? state.user.username };
  return { type: 'system' };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Runs `fn` with the given actor recorded on every publish it causes (the scheduler uses this). */
  runAs<T>(actor: Actor, fn: () => Promise<T>): Promise<T> {
    return storage.run({ ...storage.getStore(), actor }, fn);
  },

  /** Runs `fn` with an override in force: overridable errors let the publish through, with the reason recorded. */
  withOverride<T>(override: Override, fn: () => Promise<T>): Promise<T> {
    return storage.run({ ...storage.getStore(), actor: override.actor, override }, fn);
  },

  override(): Override | undefined {
    return storage.getStore()?.override;
  },

  actor(): Actor {
    return storage.getStore()?.actor ?? actorFromRequest(strapi);
  },
});
