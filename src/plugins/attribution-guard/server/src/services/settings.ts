import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { GuardConfig } from '../../../shared/contracts/findings';
import { checkSettingsUpdate, effectiveConfig, mergeStoredSettings, settingOrigins, type StoredSettings } from '../config/admin-settings';
import { validateGuardConfig } from '../config/validate-config';
import { PLUGIN_ID } from '../constants';

const STORE_KEY = 'settings';

/**
 * The guard's settings as changed in the admin panel, kept in Strapi's plugin store and laid over
 * `config/plugins.ts`. Rules run synchronously, so the effective config is held in memory; `load()`
 * re-reads the store (every publish and check does, so several instances agree).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID });
  let fileConfig: GuardConfig | null = null;
  let stored: StoredSettings = {};
  let storedJson = '{}';
  let effective: GuardConfig | null = null;

  const file = (): GuardConfig => {
    fileConfig ??= validateGuardConfig(strapi.config.get(`plugin::${PLUGIN_ID}`));
    return fileConfig;
  };

  /** Re-reads the stored settings; the effective config is rebuilt only when they changed. */
  const load = async (): Promise<void> => {
    const value = ((await store().get({ key: STORE_KEY })) ?? {}) as StoredSettings;
    const json = JSON.stringify(value);
    if (json === storedJson) return;
    stored = value;
    storedJson = json;
    effective = null;
  };

  return {
    load,

    /** `config/plugins.ts` over the defaults, then the admin settings over that. */
    config(): GuardConfig {
      effective ??= effectiveConfig(file(), stored);
      return effective;
    },

    fileConfig: file,

    origins() {
      return settingOrigins(file(), stored);
    },

    /** Validates and stores a change from the admin panel; a bad value is a 400 naming the field. */
    async update(input: unknown): Promise<GuardConfig> {
      await load();
      const { update, problems } = checkSettingsUpdate(input);
      if (problems.length > 0) {
        throw new errors.ValidationError(problems.map((p) => p.message).join('; '), {
          errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError' })),
        });
      }
      const next = mergeStoredSettings(stored, update);
      // Proves the whole stays valid before anything is stored.
      const nextEffective = effectiveConfig(file(), next);
      await store().set({ key: STORE_KEY, value: next });
      stored = next;
      storedJson = JSON.stringify(next);
      effective = nextEffective;
      return nextEffective;
    },
  };
};
