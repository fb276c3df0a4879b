import { publishVerdict, type GateReport } from './gates';

const reason = {
  rule: 'workflow.approval-required',
  severity: 'error' as const,
  path: 'editorialStage',
  message: { en: 'x', 'zh-Hant': 'x', 'zh-Hans': 'x' },
};

describe('publishVerdict', () => {
  it('puts what must be fixed first, even when approval is missing too', () => {
    const gates: GateReport = { reasons: [reason], status: { kind: 'needs-approval', detail: null } };
    expect(publishVerdict(2, gates)).toEqual({ kind: 'fix', errors: 2, reasons: 1, detail: null });
  });

  it('says what the workflow still needs when the checks pass', () => {
    expect(publishVerdict(0, { reasons: [reason], status: { kind: 'needs-review', detail: null } }).kind).toBe('needs-review');
    expect(publishVerdict(0, { reasons: [reason], status: { kind: 'needs-approval', detail: null } }).kind).toBe('needs-approval');
    // A gate that refuses without saying where the entry stands still refuses.
    expect(publishVerdict(0, { reasons: [reason], status: null }).kind).toBe('needs-approval');
  });

  it('names the scheduled time and the published state, else ready', () => {
    expect(publishVerdict(0, { reasons: [], status: { kind: 'scheduled', detail: '2030-03-08 09:30 Asia/Taipei (GMT+8)' } })).toEqual({
      kind: 'scheduled',
      errors: 0,
      reasons: 0,
      detail: '2030-03-08 09:30 Asia/Taipei (GMT+8)',
    });
    expect(publishVerdict(0, { reasons: [], status: { kind: 'published', detail: null } }).kind).toBe('published');
    expect(publishVerdict(0, { reasons: [], status: { kind: 'ready', detail: null } }).kind).toBe('ready');
    expect(publishVerdict(0, null).kind).toBe('ready');
  });
});
