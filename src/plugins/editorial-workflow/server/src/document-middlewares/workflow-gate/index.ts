import type { Core, Modules } from '@strapi/strapi';
import { assertDocumentId } from '../document-id';
import { getService } from '../../utils/get-service';
import type { GateCall, GateStep, Params } from './call';
import { stripWorkflowFields } from './strip-fields';
import { gatePublish } from './publish';
import { gateSaveAndPublish } from './save-and-publish';
import { gateUnpublish } from './unpublish';

/** In this order: the fields are cleaned before a save that publishes reads or writes anything. */
const STEPS: readonly GateStep[] = [stripWorkflowFields, gatePublish, gateSaveAndPublish, gateUnpublish];

/**
 * The workflow's Document Service middleware, for the configured content types:
 * - the workflow fields are written only by the workflow itself: any value a create, update or
 *   clone brings for them (from the Content Manager, REST or code) is dropped, and a clone starts
 *   over as a draft;
 * - with `requireApproval`, every publish — `publish`, and `create`/`update` with
 *   `status: 'published'` (which publish without a `publish` action) — is refused unless the
 *   entry is approved, scheduled or already published; and, whatever the settings, while an embargo
 *   is in force;
 * - a publish or unpublish moves the stage (→ published, published → draft) and is recorded, in
 *   the same transaction as the publication itself, so the two can never disagree.
 */
export const createWorkflowGate =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    // Before anything reads one row for the checks below: a filter in place of an id selects many.
    assertDocumentId(ctx.action, ctx.params);
    if (!getService(strapi, 'settings').covers(ctx.uid)) return next();
    const call: GateCall = { strapi, action: ctx.action, uid: ctx.uid, params: ctx.params as Params };
    const run = (i: number): Promise<unknown> => {
      const step = STEPS[i];
      return step ? step(call, () => run(i + 1)) : next();
    };
    return run(0) as ReturnType<typeof next>;
  };
