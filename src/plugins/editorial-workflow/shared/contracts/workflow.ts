/**
 * Types and tables shared by the server (transitions, routes, scheduler) and the admin panel.
 * Everything here is plain data: no Strapi, no database.
 */

export const STAGES = ['draft', 'in-review', 'changes-requested', 'approved', 'scheduled', 'published'] as const;
export type Stage = (typeof STAGES)[number];

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/** Stages from which a publish may go ahead when `requireApproval` is on. */
export const PUBLISHABLE_STAGES: readonly Stage[] = ['approved', 'scheduled', 'published'];

/**
 * Workflow actions, each an admin permission (`plugin::editorial-workflow.<action>`) shown in
 * Strapi's role editor. Transitions name the action they need; `read` and `assign` guard the rest.
 */
export const TRANSITION_ACTIONS = [
  'transition.submit',
  'transition.review',
  'transition.approve',
  'transition.schedule',
  'transition.publish',
] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];
export const WORKFLOW_ACTIONS = ['read', 'assign', ...TRANSITION_ACTIONS] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export interface Transition {
  from: Stage;
  to: Stage;
  action: TransitionAction;
}

/**
 * Every move the workflow allows, and the permission it needs. Anything not listed is an illegal
 * jump (HTTP 400) whoever asks; a listed move without its permission is forbidden (HTTP 403).
 * `→ published` publishes through the Document Service (so the attribution guard runs) and
 * `published → draft` unpublishes; the scheduler's own moves (scheduled → published / changes
 * requested / approved) are made by the system, not through this table.
 */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', to: 'in-review', action: 'transition.submit' },
  { from: 'changes-requested', to: 'in-review', action: 'transition.submit' },
  { from: 'published', to: 'in-review', action: 'transition.submit' },
  // An author may take back what they sent, or set aside a piece that came back with changes.
  { from: 'in-review', to: 'draft', action: 'transition.submit' },
  { from: 'changes-requested', to: 'draft', action: 'transition.submit' },
  { from: 'in-review', to: 'changes-requested', action: 'transition.review' },
  { from: 'approved', to: 'changes-requested', action: 'transition.review' },
  { from: 'scheduled', to: 'changes-requested', action: 'transition.review' },
  { from: 'in-review', to: 'approved', action: 'transition.approve' },
  // Withdrawing an approval is the approver's call, not the author's.
  { from: 'approved', to: 'draft', action: 'transition.approve' },
  { from: 'approved', to: 'scheduled', action: 'transition.schedule' },
  // Unscheduling: possible until the sweep has fired.
  { from: 'scheduled', to: 'approved', action: 'transition.schedule' },
  { from: 'approved', to: 'published', action: 'transition.publish' },
  { from: 'scheduled', to: 'published', action: 'transition.publish' },
  { from: 'published', to: 'draft', action: 'transition.publish' },
];

export type TransitionVerdict =
  | { ok: true; transition: Transition }
  | { ok: false; reason: 'same-stage' | 'illegal'; from: Stage; to: Stage }
  | { ok: false; reason: 'forbidden'; from: Stage; to: Stage; action: TransitionAction };

/** Pure: may someone holding `granted` actions move an entry from `from` to `to`? */
export function judgeTransition(from: Stage, to: Stage, granted: ReadonlySet<string>): TransitionVerdict {
  if (from === to) return { ok: false, reason: 'same-stage', from, to };
  const transition = TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (!transition) return { ok: false, reason: 'illegal', from, to };
  if (!granted.has(transition.action)) return { ok: false, reason: 'forbidden', from, to, action: transition.action };
  return { ok: true, transition };
}

/** The stages someone holding `granted` may move an entry to from `from`, in table order. */
export function allowedTargets(from: Stage, granted: ReadonlySet<string>): Stage[] {
  return TRANSITIONS.filter((t) => t.from === from && granted.has(t.action)).map((t) => t.to);
}

/** What the history records; `transition` is a move made by a person through the workflow. */
export const HISTORY_KINDS = [
  'transition',
  'published',
  'unpublished',
  'scheduled',
  'rescheduled',
  'unscheduled',
  'expiry-set',
  'schedule-failed',
  'schedule-held',
  'schedule-error',
  'assigned',
  'embargo-set',
  'embargo-lifted',
  // A correction, clarification or update made public with a publish (who and what, in the comment).
  'corrected',
] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export type ActorType = 'admin' | 'api-token' | 'user' | 'scheduler' | 'system';
export interface Actor {
  type: ActorType;
  id?: number;
  name?: string;
}

/** A guard finding as the workflow stores it (the attribution guard's error detail). */
export interface StoredFinding {
  rule: string;
  path: string[];
  message: string;
  messages?: Record<string, string>;
  locale?: string;
  severity?: string;
}

export interface HistoryEntry {
  id: number;
  contentType: string;
  documentId: string;
  locale: string;
  kind: HistoryKind;
  fromStage: Stage | null;
  toStage: Stage | null;
  actorType: ActorType;
  actor: string | null;
  actorId: number | null;
  comment: string | null;
  /** A sentence the system wrote, in the admin's three languages (`comment` holds its English). */
  note: WorkflowLocalizedMessage | null;
  findings: StoredFinding[];
  scheduledFor: string | null;
  at: string;
}

export type WorkflowLocalizedMessage = Record<'en' | 'zh-Hant' | 'zh-Hans', string>;

/**
 * What the workflow tells the attribution guard's publish conditions (the same shape as the guard's
 * `GateReport`): why it would refuse a publish now, and where the entry stands.
 */
export interface WorkflowGateReport {
  reasons: Array<{ rule: string; severity: 'error'; path: string; message: WorkflowLocalizedMessage }>;
  status: { kind: 'needs-review' | 'needs-approval' | 'embargoed' | 'ready' | 'scheduled' | 'published'; detail: string | null } | null;
}

export interface AssigneeInfo {
  id: number;
  name: string;
  email: string;
}

/** The workflow state of one entry in one locale, as the edit-view panel reads it. */
export interface EntryState {
  contentType: string;
  documentId: string;
  locale: string;
  title: string | null;
  stage: Stage;
  assignee: AssigneeInfo | null;
  /** UTC instants (ISO 8601) and the IANA zone the editor picked them in. */
  publishAt: string | null;
  unpublishAt: string | null;
  timezone: string;
  /** The same instants as wall-clock time in `timezone`, e.g. `2026-03-08 09:30 Asia/Taipei (GMT+8)`. */
  publishAtLocal: string | null;
  unpublishAtLocal: string | null;
  /** Not to be published before this instant (ISO 8601), and the same in `timezone`; null when none is in force. */
  embargoUntil: string | null;
  embargoUntilLocal: string | null;
  hasPublishedVersion: boolean;
  /** Stages the current admin user may move this entry to. */
  allowedTargets: Stage[];
  canAssign: boolean;
  canSchedule: boolean;
  /** The caller could approve this story but created it, and self-approval is off. */
  selfApprovalBlocked: boolean;
  /** Publishing is refused until the entry is approved (config `requireApproval`). */
  requireApproval: boolean;
  /** What the workflow says about publishing now (approval, scheduled time); with `guard`, the one verdict. */
  gates: WorkflowGateReport;
  /** The attribution guard's verdict on the saved draft now. */
  guard: { ok: boolean; errors: number; warnings: number; findings: StoredFinding[] } | null;
  /** The latest failed or held scheduled publish, while the entry has not moved on since. */
  lastFailure: HistoryEntry | null;
  history: HistoryEntry[];
}

export type ScheduleView = 'upcoming' | 'embargoed' | 'failed' | 'recent';

export interface ScheduleRow {
  contentType: string;
  documentId: string;
  locale: string;
  title: string | null;
  stage: Stage | null;
  /** `embargo`: the row is under embargo and `at` is when it lifts. */
  action: 'publish' | 'unpublish' | 'embargo';
  at: string | null;
  atLocal: string | null;
  timezone: string | null;
  /** For failed and recent rows: what happened. */
  kind?: HistoryKind;
  findings?: StoredFinding[];
  comment?: string | null;
  note?: WorkflowLocalizedMessage | null;
  /** For upcoming publishes: would the guard let it through now? */
  guardOk?: boolean | null;
}

/**
 * Webhook events the plugin emits, to the receivers of Strapi's webhook records (Settings → Webhooks):
 * through the app's durable outbox when one is installed (`entries.useEventSink`), else through
 * Strapi's own in-memory webhook runner.
 */
export const WEBHOOK_EVENTS = {
  WORKFLOW_STAGE_CHANGED: 'workflow.stage-changed',
  /** Every publish of a locale, the first and each one after (an update, a correction). */
  WORKFLOW_PUBLISHED: 'workflow.published',
  WORKFLOW_UNPUBLISHED: 'workflow.unpublished',
  /** A correction went public with a publish. */
  WORKFLOW_CORRECTED: 'workflow.corrected',
  WORKFLOW_SCHEDULE_FAILED: 'workflow.schedule-failed',
  WORKFLOW_SCHEDULE_HELD: 'workflow.schedule-held',
  WORKFLOW_ASSIGNEE_CHANGED: 'workflow.assignee-changed',
  WORKFLOW_EMBARGO_CHANGED: 'workflow.embargo-changed',
} as const;

/** What one scheduler sweep did, per entry and in all (returned by the scheduler service, logged by bootstrap). */
export type Outcome = 'published' | 'unpublished' | 'held' | 'failed' | 'error' | 'skipped';

export interface SweepItemResult {
  uid: string;
  documentId: string;
  locale: string;
  outcome: Outcome;
  message?: string;
}

export interface SweepReport {
  now: string;
  startedAt: string;
  finishedAt: string;
  results: SweepItemResult[];
  counts: Record<Outcome, number>;
  /** True when the sweep stopped at its time budget with work left for the next one. */
  incomplete: boolean;
}
