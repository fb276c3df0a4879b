import type { GateReport } from '../../../shared/contracts/gates';

export interface ConditionRef {
  uid: string;
  /** Null for a form not saved yet. */
  documentId: string | null;
  locale: string;
}

/** What another gate would say about a publish of this entry now. */
export type PublishCondition = (ref: ConditionRef) => Promise<GateReport | null>;

/**
 * Gates besides the guard's rules register here (the editorial workflow does, for approval), so the
 * panel's verdict, the Publish dialog and the refusal records name every reason. The gates still
 * enforce themselves on publish; this only reports.
 */
export default () => {
  const conditions: PublishCondition[] = [];
  return {
    add(condition: PublishCondition): void {
      conditions.push(condition);
    },

    async evaluate(ref: ConditionRef): Promise<GateReport> {
      const report: GateReport = { reasons: [], status: null };
      for (const condition of conditions) {
        const result = await condition(ref);
        if (!result) continue;
        report.reasons.push(...result.reasons);
        report.status ??= result.status;
      }
      return report;
    },
  };
};
