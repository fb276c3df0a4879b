/**
 * Dispatched on `window` after a publish attempt (refused, overridden or made), a workflow change, or a
 * credit or pull-quote saved from the attribution panel, so the panels of the edit view re-read the
 * verdict and the history at once.
 */
export const PUBLISH_ATTEMPT_EVENT = 'newsroom:publish-attempt';
