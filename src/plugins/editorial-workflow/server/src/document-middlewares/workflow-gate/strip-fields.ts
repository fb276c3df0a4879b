import { FIELDS, WORKFLOW_FIELD_NAMES } from '../../constants';
import type { GateStep } from './call';

/** A copy starts over: an unscheduled, unassigned draft with no embargo. */
const CLONE_RESET = {
  [FIELDS.stage]: 'draft',
  [FIELDS.publishAt]: null,
  [FIELDS.unpublishAt]: null,
  [FIELDS.timezone]: null,
  [FIELDS.assignee]: null,
  [FIELDS.embargoUntil]: null,
};

/**
 * `create`, `update`, `clone`: the workflow fields are written only by the workflow itself, so any
 * value the call brings for them (from the Content Manager, REST or code) is dropped.
 */
export const stripWorkflowFields: GateStep = (call, next) => {
  const { action, params } = call;
  if (action !== 'create' && action !== 'update' && action !== 'clone') return next();
  if (params.data && typeof params.data === 'object') {
    const data = { ...params.data };
    for (const field of WORKFLOW_FIELD_NAMES) delete data[field];
    // A copy is a new piece: it starts over as an unscheduled draft, whatever the original was.
    if (action === 'clone') Object.assign(data, CLONE_RESET);
    params.data = data;
  } else if (action === 'clone') {
    params.data = { ...CLONE_RESET };
  }
  return next();
};
