export interface SweepConfig {
  /** Run the sweep as a Strapi cron task. Off in tests, which call `sweep({ now })` themselves. */
  cron: boolean;
  /** Cron rule (with seconds): every minute by default. */
  rule: string;
  /** Sweep once shortly after start, to catch up on what fell due while every instance was down. */
  runOnStart: boolean;
  /** Due entries claimed per batch (PostgreSQL). */
  batchSize: number;
  /** Entries handled at once within a batch (PostgreSQL; SQLite always one at a time). */
  concurrency: number;
  /** A sweep stops taking new work after this long; the next one carries on. */
  maxDurationSeconds: number;
}

export interface WorkflowConfig {
  /** Content-type uids the workflow covers; each gets the workflow fields. */
  contentTypes: string[];
  /** Refuse to publish an entry whose stage is not approved, scheduled or published, on every path. */
  requireApproval: boolean;
  /**
   * May an editor approve a story they created? Off by default: a second pair of eyes is what review
   * is for. A one-person desk turns it on.
   */
  allowSelfApproval: boolean;
  /** IANA zone for schedules set without one. */
  defaultTimezone: string;
  /** A scheduled publish later than this (e.g. after downtime) is held for an editor, not published. */
  maxLatenessMinutes: number;
  sweep: SweepConfig;
}

/** A fresh, fully populated config; callers may mutate what they get. */
export function createDefaultWorkflowConfig(): WorkflowConfig {
  return {
    contentTypes: ['api::article.article'],
    requireApproval: true,
    allowSelfApproval: false,
    defaultTimezone: 'Asia/Shanghai',
    maxLatenessMinutes: 60,
    sweep: { cron: true, rule: '0 * * * * *', runOnStart: true, batchSize: 20, concurrency: 4, maxDurationSeconds: 50 },
  };
}
