import { z } from 'zod';
import { RULE_IDS, type GuardConfig, type RuleId } from '../../../shared/contracts/findings';
import type { SettingOrigin, SettingsUpdate } from '../../../shared/contracts/admin-api';
import { defaultGuardConfig } from './defaults';
import { validateGuardConfig } from './validate-config';

/**
 * Settings changed in the admin panel are stored apart from `config/plugins.ts` and laid over it:
 * effective = defaults ← file config ← admin settings. Only severities, on/off and the placeholder-credit
 * list may be changed there; which rules may be overridden is a policy kept in code review.
 */
export type StoredSettings = SettingsUpdate;

export interface SettingsProblem {
  path: string[];
  message: string;
}

const PREFIX = /^attribution-guard:\s*/u;

const updateShape = z
  .object({
    rules: z.record(z.string(), z.unknown()),
    placeholderCredits: z.unknown(),
  })
  .partial()
  .strict();

function problemFrom(error: unknown, path: string[]): SettingsProblem {
  const message = error instanceof Error ? error.message.replace(PREFIX, '') : String(error);
  return { path, message };
}

/**
 * Checks an update from the admin panel with the same validator as `config/plugins.ts`, one field at a
 * time so each message names its field. Returns the problems; an empty list means the update is valid.
 */
export function checkSettingsUpdate(input: unknown): { update: StoredSettings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { update: {}, problems: [{ path: [], message: 'settings must be an object' }] };
  }
  const shape = updateShape.safeParse(input);
  if (!shape.success) {
    for (const issue of shape.error.issues) {
      problems.push({
        path: issue.path.map(String),
        message:
          issue.code === 'unrecognized_keys'
            ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} in settings`
            : issue.message,
      });
    }
    return { update: {}, problems };
  }

  const update: StoredSettings = {};
  if (shape.data.rules !== undefined) {
    const rules: NonNullable<StoredSettings['rules']> = {};
    for (const [id, value] of Object.entries(shape.data.rules)) {
      if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'overridable' in value) {
        problems.push({
          path: ['rules', id, 'overridable'],
          message: `config.rules["${id}"].overridable is set in config/plugins.ts, not in the admin panel`,
        });
        continue;
      }
      try {
        const checked = validateGuardConfig({ rules: { [id]: value } });
        const patch = value as { enabled?: boolean; severity?: 'error' | 'warning' };
        rules[id as RuleId] = {
          ...(patch.enabled !== undefined ? { enabled: checked.rules[id as RuleId].enabled } : {}),
          ...(patch.severity !== undefined ? { severity: checked.rules[id as RuleId].severity } : {}),
        };
      } catch (error) {
        problems.push(problemFrom(error, ['rules', id]));
      }
    }
    update.rules = rules;
  }
  if (shape.data.placeholderCredits !== undefined) {
    try {
      const checked = validateGuardConfig({ placeholderCredits: shape.data.placeholderCredits });
      // Trimmed and without duplicates, so the list reads as it is applied.
      update.placeholderCredits = [...new Set(checked.placeholderCredits.map((credit) => credit.trim()))];
    } catch (error) {
      problems.push(problemFrom(error, ['placeholderCredits']));
    }
  }
  return { update, problems };
}

/** Lays a stored update over what was stored before: rules field by field, the list as a whole. */
export function mergeStoredSettings(previous: StoredSettings, update: StoredSettings): StoredSettings {
  const rules: NonNullable<StoredSettings['rules']> = { ...previous.rules };
  for (const [id, patch] of Object.entries(update.rules ?? {}) as Array<[RuleId, { enabled?: boolean; severity?: 'error' | 'warning' }]>) {
    rules[id] = { ...rules[id], ...patch };
  }
  const merged: StoredSettings = { rules };
  const credits = update.placeholderCredits ?? previous.placeholderCredits;
  if (credits) merged.placeholderCredits = credits;
  return merged;
}

/**
 * The config in force: the file config (already validated at boot) with the stored admin settings laid
 * over it. Rule ids no longer known (a rule renamed in a later version) are skipped rather than
 * stopping every check.
 */
export function effectiveConfig(fileConfig: GuardConfig, stored: StoredSettings): GuardConfig {
  const rules: Record<string, unknown> = { ...fileConfig.rules };
  for (const [id, patch] of Object.entries(stored.rules ?? {})) {
    if (!(RULE_IDS as readonly string[]).includes(id)) continue;
    rules[id] = { ...fileConfig.rules[id as RuleId], ...patch };
  }
  return validateGuardConfig({
    ...fileConfig,
    rules,
    placeholderCredits: stored.placeholderCredits ?? fileConfig.placeholderCredits,
  });
}

/** Where each rule's setting and the placeholder list come from, for the settings page. */
export function settingOrigins(
  fileConfig: GuardConfig,
  stored: StoredSettings,
): { rules: Record<RuleId, SettingOrigin>; placeholderCredits: SettingOrigin } {
  const rules = {} as Record<RuleId, SettingOrigin>;
  for (const id of RULE_IDS) {
    const patch = stored.rules?.[id];
    const fromAdmin = patch && (patch.enabled !== undefined || patch.severity !== undefined);
    const fromFile = JSON.stringify(fileConfig.rules[id]) !== JSON.stringify(defaultGuardConfig.rules[id]);
    rules[id] = fromAdmin ? 'admin' : fromFile ? 'file' : 'default';
  }
  const fileCredits = JSON.stringify(fileConfig.placeholderCredits) !== JSON.stringify(defaultGuardConfig.placeholderCredits);
  return { rules, placeholderCredits: stored.placeholderCredits ? 'admin' : fileCredits ? 'file' : 'default' };
}
