/**
 * Other publish gates (the editorial workflow's approval, say) tell the guard why they would refuse a
 * publish now and where the entry stands, so the panel, the Publish dialog and the history give one
 * verdict. The guard knows no gate by name: gates register a condition with the guard's
 * `publish-conditions` service.
 */
import type { LocalizedMessage, Severity } from './findings';

/** A reason a gate other than the guard's rules gives for refusing a publish now. Never overridable. */
export interface GateReason {
  /** Stable id, e.g. `workflow.approval-required`. */
  rule: string;
  severity: Extract<Severity, 'error'>;
  /** What the reason concerns (not a form field the panel can jump to). */
  path: string;
  message: LocalizedMessage;
}

export const VERDICT_KINDS = ['fix', 'needs-review', 'needs-approval', 'embargoed', 'ready', 'scheduled', 'published'] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

/** Where the entry stands in a gate's own process. `detail` is e.g. the scheduled time with its zone. */
export interface GateStatus {
  kind: Exclude<VerdictKind, 'fix'>;
  detail: string | null;
}

/** What every registered gate says about one entry in one locale. */
export interface GateReport {
  reasons: GateReason[];
  status: GateStatus | null;
}

/** A finding as a publish record keeps it: one of the guard's findings or another gate's reason. */
export interface RecordedFinding {
  rule: string;
  severity: Severity;
  path: string;
  message: LocalizedMessage;
}

export interface Verdict {
  kind: VerdictKind;
  /** Errors of the guard's rules. */
  errors: number;
  /** Reasons of other gates. */
  reasons: number;
  detail: string | null;
}

/**
 * The one verdict the panels and the Publish dialog show. What must be fixed comes first; then what
 * another gate still needs (review, approval, an embargo to lift); then where the entry stands (scheduled, published);
 * else it is ready.
 */
export function publishVerdict(guardErrors: number, gates: GateReport | null): Verdict {
  const reasons = gates?.reasons.length ?? 0;
  const status = gates?.status ?? null;
  if (guardErrors > 0) return { kind: 'fix', errors: guardErrors, reasons, detail: null };
  if (reasons > 0) {
    // A gate's own status says what it waits for (review, approval, an embargo; a schedule set after one).
    const kind =
      status && ['needs-review', 'needs-approval', 'embargoed', 'scheduled'].includes(status.kind) ? status.kind : 'needs-approval';
    return { kind, errors: 0, reasons, detail: status?.detail ?? null };
  }
  if (status && (status.kind === 'scheduled' || status.kind === 'published'))
    return { kind: status.kind, errors: 0, reasons: 0, detail: status.detail };
  return { kind: 'ready', errors: 0, reasons: 0, detail: null };
}
