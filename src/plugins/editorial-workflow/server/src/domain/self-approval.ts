import type { Stage } from '../../../shared/contracts/workflow';

/**
 * Whether moving to `to` would be the caller approving their own story: the approval step, by the
 * admin user who created the entry, while `allowSelfApproval` is off. An entry nobody created (seeded,
 * imported by the system) has no author to exclude.
 */
export function isSelfApproval(to: Stage, createdById: number | null | undefined, callerId: number, allowSelfApproval: boolean): boolean {
  return !allowSelfApproval && to === 'approved' && createdById != null && createdById === callerId;
}
