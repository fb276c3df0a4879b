export const PLUGIN_ID = 'editorial-workflow';
export const HISTORY_UID = 'plugin::editorial-workflow.history-entry';
export const GUARD_PLUGIN_ID = 'attribution-guard';

/** Fields the plugin adds to each configured content type (per locale, never called `status`). */
export const FIELDS = {
  stage: 'editorialStage',
  assignee: 'assignee',
  publishAt: 'publishAt',
  unpublishAt: 'unpublishAt',
  timezone: 'timezone',
  /** Not to be published before this instant (per locale); the schedule's zone shows it. */
  embargoUntil: 'embargoUntil',
} as const;
export const WORKFLOW_FIELD_NAMES: readonly string[] = Object.values(FIELDS);

/** Admin permission uids, shown in Strapi's role editor under Plugins → Editorial workflow. */
export const ACTIONS = {
  read: 'plugin::editorial-workflow.read',
  assign: 'plugin::editorial-workflow.assign',
  submit: 'plugin::editorial-workflow.transition.submit',
  review: 'plugin::editorial-workflow.transition.review',
  approve: 'plugin::editorial-workflow.transition.approve',
  schedule: 'plugin::editorial-workflow.transition.schedule',
  publish: 'plugin::editorial-workflow.transition.publish',
} as const;

/** PostgreSQL advisory-lock namespaces (first key of the two-int form). */
export const LOCK_NAMESPACE = {
  /** Held by the instance that claimed a due entry, for the whole of its handling. */
  claim: 0x45570001,
  /** Held by any transaction that changes an entry's publication or stage. */
  entry: 0x45570002,
} as const;
