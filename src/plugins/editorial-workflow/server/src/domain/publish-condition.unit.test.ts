import { STAGES } from '../../../shared/contracts/workflow';
import { APPROVAL_RULE, workflowGateReport } from './publish-condition';

describe('workflowGateReport', () => {
  it('refuses every stage before approval when approval is required, and says which step is missing', () => {
    const refused = STAGES.filter((stage) => workflowGateReport({ stage, requireApproval: true, publishAtLocal: null }).reasons.length > 0);
    expect(refused).toEqual(['draft', 'in-review', 'changes-requested']);
    expect(workflowGateReport({ stage: 'draft', requireApproval: true, publishAtLocal: null }).status?.kind).toBe('needs-review');
    expect(workflowGateReport({ stage: 'changes-requested', requireApproval: true, publishAtLocal: null }).status?.kind).toBe(
      'needs-review',
    );
    const inReview = workflowGateReport({ stage: 'in-review', requireApproval: true, publishAtLocal: null });
    expect(inReview.status?.kind).toBe('needs-approval');
    expect(inReview.reasons[0]).toMatchObject({ rule: APPROVAL_RULE, severity: 'error', path: 'editorialStage' });
    expect(Object.keys(inReview.reasons[0]!.message).sort()).toEqual(['en', 'zh-Hans', 'zh-Hant']);
  });

  it('refuses nothing without requireApproval', () => {
    for (const stage of STAGES) expect(workflowGateReport({ stage, requireApproval: false, publishAtLocal: null }).reasons).toEqual([]);
    expect(workflowGateReport({ stage: 'draft', requireApproval: false, publishAtLocal: null }).status?.kind).toBe('ready');
  });

  it('names the scheduled time with its zone', () => {
    expect(
      workflowGateReport({ stage: 'scheduled', requireApproval: true, publishAtLocal: '2030-03-08 09:30 Asia/Taipei (GMT+8)' }),
    ).toEqual({
      reasons: [],
      status: { kind: 'scheduled', detail: '2030-03-08 09:30 Asia/Taipei (GMT+8)' },
    });
    expect(workflowGateReport({ stage: 'published', requireApproval: true, publishAtLocal: null }).status?.kind).toBe('published');
  });

  it('adds the embargo to whatever else is missing, and says "embargoed" once nothing else is', () => {
    const when = '2031-05-04 09:30 Asia/Taipei (GMT+8)';
    const approved = workflowGateReport({ stage: 'approved', requireApproval: true, publishAtLocal: null, embargoLocal: when });
    expect(approved.reasons.map((r) => r.rule)).toEqual(['embargo.active']);
    expect(approved.status).toEqual({ kind: 'embargoed', detail: when });
    const draft = workflowGateReport({ stage: 'draft', requireApproval: true, publishAtLocal: null, embargoLocal: when });
    expect(draft.reasons.map((r) => r.rule)).toEqual([APPROVAL_RULE, 'embargo.active']);
    expect(draft.status?.kind).toBe('needs-review');
    const scheduled = workflowGateReport({
      stage: 'scheduled',
      requireApproval: true,
      publishAtLocal: '2031-05-05 09:00 Asia/Taipei (GMT+8)',
      embargoLocal: when,
    });
    expect(scheduled.status).toEqual({ kind: 'scheduled', detail: '2031-05-05 09:00 Asia/Taipei (GMT+8)' });
    expect(workflowGateReport({ stage: 'draft', requireApproval: false, publishAtLocal: null, embargoLocal: when }).status?.kind).toBe(
      'embargoed',
    );
    expect(workflowGateReport({ stage: 'approved', requireApproval: true, publishAtLocal: null, embargoLocal: null }).reasons).toEqual([]);
  });
});
