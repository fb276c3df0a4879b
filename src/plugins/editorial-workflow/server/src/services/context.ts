import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../shared/contracts/workflow';
import { GUARD_PLUGIN_ID } from '../constants';

/** Who a request is from: an admin user or a users-permissions user (which has a username, and maybe no email). */
interface RequestUser {
  id: number;
  email?: string;
  username?: string;
}

/** What a workflow-driven publish expects to find when it runs (the sweep sets this). */
export interface Expectation {
  stage: 'scheduled' | 'published';
  /** ISO instant the sweep read; a reschedule in between makes the publish stale. */
  publishAt?: string;
  unpublishAt?: string;
}

interface WorkflowContext {
  comment?: string | null;
  expect?: Expectation;
  actor?: Actor;
}

/** Thrown inside a sweep's publish when the entry changed after the sweep read it: nothing is done. */
export class StaleEntryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StaleEntryError';
  }
}

// The comment of a transition and the sweep's expectations travel with the async call into the
// Document Service middleware, instead of through every Strapi signature in between.
const storage = new AsyncLocalStorage<WorkflowContext>();

interface GuardPublishContext {
  runAs<T>(actor: Actor, fn: () => Promise<T>): Promise<T>;
  actor(): Actor;
}

function actorFromRequest(strapi: Core.Strapi): Actor {
  const ctx = strapi.requestContext.get() as
    { state?: { user?: RequestUser; auth?: { strategy?: { name?: string }; credentials?: { id?: number; name?: string } } } } | undefined;
  const state = ctx?.state;
  if (!state) return { type: 'system' };
  const strategy = state.auth?.strategy?.name;
  if (strategy === 'admin' && state.user) return { type: 'admin', id: state.user.id, name: state.user.email };
  if (strategy === 'api-token') return { type: 'api-token', id: state.auth?.credentials?.id, name: state.auth?.credentials?.name };
  if (state.user) return { type: 'user', id: state.user.id, name: state.user.email ?? state.user.username };
  return { type: 'system' };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The attribution guard's publish context, so its records and ours name the same actor. */
  const guardContext = (): GuardPublishContext | null => {
    const guard = strapi.plugin(GUARD_PLUGIN_ID);
    return guard ? (guard.service('publish-context') as GuardPublishContext) : null;
  };

  return {
    run<T>(extra: WorkflowContext, fn: () => Promise<T>): Promise<T> {
      return storage.run({ ...storage.getStore(), ...extra }, fn);
    },

    /** Runs `fn` as `actor`, for both plugins (the guard records `scheduler` on its check records). */
    runAs<T>(actor: Actor, fn: () => Promise<T>): Promise<T> {
      const inner = () => storage.run({ ...storage.getStore(), actor }, fn);
      const guard = guardContext();
      return guard ? guard.runAs(actor, inner) : inner();
    },

    comment(): string | null {
      return storage.getStore()?.comment ?? null;
    },

    expectation(): Expectation | undefined {
      return storage.getStore()?.expect;
    },

    actor(): Actor {
      const own = storage.getStore()?.actor;
      if (own) return own;
      return guardContext()?.actor() ?? actorFromRequest(strapi);
    },
  };
};
