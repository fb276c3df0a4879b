import { z } from 'zod';
import { RULE_IDS, type GuardConfig, type RuleId, type RuleSetting } from '../../../shared/contracts/findings';
import { createDefaultGuardConfig } from './defaults';

const PREFIX = 'attribution-guard:';

const severity = z.enum(['error', 'warning']);

const ruleSettingPatch = z.object({ enabled: z.boolean(), severity, overridable: z.boolean() }).partial().strict();

/**
 * A rule may be given in full or in short: `false` switches it off, `'warning'` sets its severity.
 * Short forms keep `config/plugins.ts` readable when only one thing changes.
 */
const ruleEntry = z.union([z.boolean(), severity, ruleSettingPatch]);

const nameList = z.array(z.string().trim().min(1, 'must not be empty'));

const configShape = z
  .object({
    contentTypes: nameList,
    // Checked key by key below, so an unknown rule id gets its own message (and a suggestion).
    rules: z.record(z.string(), z.unknown()),
    placeholderCredits: nameList,
    placeholderAuthors: nameList,
    requiredRepublishers: nameList,
  })
  .partial()
  .strict();

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;

function renderPath(base: string, path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return IDENTIFIER.test(key) ? `${out}.${key}` : `${out}[${JSON.stringify(key)}]`;
  }, base);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** One line per problem, each naming the offending key the way it is written in `config/plugins.ts`. */
function describeIssues(error: z.ZodError, base: string, root: unknown): string {
  const lines = error.issues.map((issue) => {
    const where = renderPath(base, issue.path);
    const got = valueAt(root, issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} in ${where}`;
      case 'invalid_enum_value':
        return `${where} must be ${issue.options.map((o) => `"${String(o)}"`).join(' or ')}, got ${JSON.stringify(got)}`;
      case 'invalid_type':
        return `${where} must be ${issue.expected}, got ${typeName(got)}`;
      default:
        return `${where} ${issue.message}`;
    }
  });
  return `${PREFIX} ${lines.join('; ')}`;
}

/** Classic edit distance, for "did you mean" on a mistyped rule id (13 short ids: cost is nil). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function suggestRule(unknown: string): string {
  let best: RuleId | null = null;
  let bestDistance = Infinity;
  for (const id of RULE_IDS) {
    const d = distance(unknown, id);
    if (d < bestDistance) [best, bestDistance] = [id, d];
  }
  return best !== null && bestDistance <= 4 ? ` (did you mean "${best}"?)` : '';
}

function isRuleId(key: string): key is RuleId {
  return (RULE_IDS as readonly string[]).includes(key);
}

function applyRuleEntry(setting: RuleSetting, entry: z.infer<typeof ruleEntry>): RuleSetting {
  if (typeof entry === 'boolean') return { ...setting, enabled: entry };
  if (typeof entry === 'string') return { ...setting, severity: entry };
  return { ...setting, ...entry };
}

/**
 * The plugin's config from `config/plugins.ts`, checked and merged over the defaults. Rule settings
 * merge field by field; lists replace the default list (so a default can be removed). Throws an
 * Error naming the bad key, so a typo stops the server at boot instead of silently disabling a check.
 */
export function validateGuardConfig(raw: unknown): GuardConfig {
  const config = createDefaultGuardConfig();
  if (raw === undefined || raw === null) return config;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(`${PREFIX} config must be an object, got ${typeName(raw)}`);
  }

  const parsed = configShape.safeParse(raw);
  if (!parsed.success) throw new Error(describeIssues(parsed.error, 'config', raw));
  const user = parsed.data;

  for (const [key, value] of Object.entries(user.rules ?? {})) {
    if (!isRuleId(key)) {
      throw new Error(`${PREFIX} unknown rule "${key}" in config.rules${suggestRule(key)}`);
    }
    const entry = ruleEntry.safeParse(value);
    if (!entry.success) {
      // The union's own error says little; re-check against the object form when an object was given.
      const detail = value !== null && typeof value === 'object' && !Array.isArray(value) ? ruleSettingPatch.safeParse(value) : null;
      if (detail && !detail.success) {
        throw new Error(describeIssues(detail.error, renderPath('config.rules', [key]), value));
      }
      throw new Error(
        `${PREFIX} ${renderPath('config.rules', [key])} must be true, false, "error", "warning" or ` +
          `{ enabled, severity, overridable }, got ${JSON.stringify(value) ?? typeName(value)}`,
      );
    }
    config.rules[key] = applyRuleEntry(config.rules[key], entry.data);
  }

  if (user.contentTypes) config.contentTypes = [...user.contentTypes];
  if (user.placeholderCredits) config.placeholderCredits = [...user.placeholderCredits];
  if (user.placeholderAuthors) config.placeholderAuthors = [...user.placeholderAuthors];
  if (user.requiredRepublishers) config.requiredRepublishers = [...user.requiredRepublishers];
  return config;
}
