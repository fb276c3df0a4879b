import { RULE_IDS, type CheckResult, type Finding, type Rule, type RuleId, type RuleInput } from '../../../shared/contracts/findings';
import { attributionLineConsistent } from './attribution.line-consistent';
import { bylineAuthorOutlet } from './byline.author-outlet';
import { bylineAuthorRegistered } from './byline.author-registered';
import { bylineAuthorRequired } from './byline.author-required';
import { imageAgencyKnown } from './image.agency-known';
import { imageCreditPlaceholder } from './image.credit-placeholder';
import { imageCreditRequired } from './image.credit-required';
import { outletRepublisher } from './outlet.republisher';
import { outletRequired } from './outlet.required';
import { pullQuoteSpeakerRequired } from './pull-quote.speaker-required';
import { pullQuoteVerbatim } from './pull-quote.verbatim';
import { relationUnpublishedDependency } from './relation.unpublished-dependency';
import { syndicationLicenseValid } from './syndication.license-valid';

export {
  createDefaultGuardConfig,
  defaultContentTypes,
  defaultGuardConfig,
  defaultPlaceholderAuthors,
  defaultPlaceholderCredits,
  defaultRuleSettings,
} from '../config/defaults';

/** Every rule id of the contract maps to its rule; the Record type makes a missing one a compile error. */
export const rules: Readonly<Record<RuleId, Rule>> = {
  'byline.author-required': bylineAuthorRequired,
  'byline.author-registered': bylineAuthorRegistered,
  'byline.author-outlet': bylineAuthorOutlet,
  'outlet.required': outletRequired,
  'outlet.republisher': outletRepublisher,
  'syndication.license-valid': syndicationLicenseValid,
  'attribution.line-consistent': attributionLineConsistent,
  'image.credit-required': imageCreditRequired,
  'image.credit-placeholder': imageCreditPlaceholder,
  'image.agency-known': imageAgencyKnown,
  'pull-quote.speaker-required': pullQuoteSpeakerRequired,
  'pull-quote.verbatim': pullQuoteVerbatim,
  'relation.unpublished-dependency': relationUnpublishedDependency,
};

/** Runs every enabled rule; errors first, and within a severity in rule order, so output is stable. */
export function runRules(input: RuleInput): Finding[] {
  const findings: Finding[] = [];
  for (const id of RULE_IDS) {
    if (!input.config.rules[id].enabled) continue;
    findings.push(...rules[id](input));
  }
  // Array.prototype.sort is stable (ES2019), so the rule order survives inside each severity.
  return findings.sort((a, b) => severityRank(a) - severityRank(b));
}

function severityRank(finding: Finding): number {
  return finding.severity === 'error' ? 0 : 1;
}

export function summarise(findings: readonly Finding[]): CheckResult {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { ok: errors === 0, findings: [...findings], errors, warnings: findings.length - errors };
}
