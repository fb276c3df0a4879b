import type { Finding, LocalizedMessage, RuleId, RuleInput } from '../../../../shared/contracts/findings';

/** A finding of `rule`, at the severity the config sets for it (rules never choose their own). */
export function finding(input: RuleInput, rule: RuleId, path: string, message: LocalizedMessage): Finding {
  return { rule, severity: input.config.rules[rule].severity, path, message };
}
