import { EMBARGO_RULE, embargoMessage } from './embargo';
import { PUBLISHABLE_STAGES, type Stage, type WorkflowGateReport, type WorkflowLocalizedMessage } from '../../../shared/contracts/workflow';

export const APPROVAL_RULE = 'workflow.approval-required';

/** Why an entry in `stage` may not be published yet, in the three admin languages. */
export function approvalMessage(stage: Stage): WorkflowLocalizedMessage {
  if (stage === 'in-review') {
    return {
      en: 'Waiting for approval: an editor must approve it before it is published.',
      'zh-Hant': '等待核准:須由編輯核准後才能發布。',
      'zh-Hans': '等待核准:须由编辑核准后才能发布。',
    };
  }
  return {
    en: 'Not approved yet: send it to review and have an editor approve it.',
    'zh-Hant': '尚未核准:請送審,並由編輯核准。',
    'zh-Hans': '尚未核准:请送审,并由编辑核准。',
  };
}

/**
 * What the workflow says about publishing an entry now: with `requireApproval`, a reason to refuse
 * until it is approved; and where it stands (needs review, needs approval, ready, scheduled for …,
 * published); with `embargoLocal` (an embargo in force, its lifting time), a reason to refuse until
 * then, not overridable. `publishAtLocal` carries the zone, e.g. `2030-03-08 09:30 Asia/Taipei (GMT+8)`.
 */
export function workflowGateReport(input: {
  stage: Stage;
  requireApproval: boolean;
  publishAtLocal: string | null;
  embargoLocal?: string | null;
}): WorkflowGateReport {
  const { stage, requireApproval, publishAtLocal } = input;
  const embargoLocal = input.embargoLocal ?? null;
  const reasons: WorkflowGateReport['reasons'] =
    requireApproval && !PUBLISHABLE_STAGES.includes(stage)
      ? [{ rule: APPROVAL_RULE, severity: 'error' as const, path: 'editorialStage', message: approvalMessage(stage) }]
      : [];
  // An embargo in force refuses every publish now; a schedule (never set before it lifts) still stands.
  if (embargoLocal !== null && stage !== 'published') {
    reasons.push({ rule: EMBARGO_RULE, severity: 'error', path: 'embargoUntil', message: embargoMessage(embargoLocal) });
    const ready = stage === 'approved' || (!requireApproval && stage !== 'scheduled');
    if (ready) return { reasons, status: { kind: 'embargoed', detail: embargoLocal } };
  }
  switch (stage) {
    case 'scheduled':
      return { reasons, status: { kind: 'scheduled', detail: publishAtLocal } };
    case 'published':
      return { reasons, status: { kind: 'published', detail: null } };
    case 'approved':
      return { reasons, status: { kind: 'ready', detail: null } };
    case 'in-review':
      return { reasons, status: requireApproval ? { kind: 'needs-approval', detail: null } : { kind: 'ready', detail: null } };
    default:
      return { reasons, status: requireApproval ? { kind: 'needs-review', detail: null } : { kind: 'ready', detail: null } };
  }
}
