import { createDefaultGuardConfig } from './defaults';
import { checkSettingsUpdate, effectiveConfig, mergeStoredSettings, settingOrigins } from './admin-settings';
import { validateGuardConfig } from './validate-config';

describe('admin settings', () => {
  it('accepts severities, on/off and a placeholder list', () => {
    const { update, problems } = checkSettingsUpdate({
      rules: { 'image.agency-known': { severity: 'error' }, 'pull-quote.verbatim': { enabled: false } },
      placeholderCredits: [' 網路 ', '網路', 'stock'],
    });
    expect(problems).toEqual([]);
    expect(update).toEqual({
      rules: { 'image.agency-known': { severity: 'error' }, 'pull-quote.verbatim': { enabled: false } },
      placeholderCredits: ['網路', 'stock'],
    });
  });

  it('refuses bad values with the messages config/plugins.ts gets, each naming its field', () => {
    const { problems } = checkSettingsUpdate({
      rules: { 'image.agency-known': { severity: 'fatal' }, 'image.credit-requried': { enabled: false } },
      placeholderCredits: ['ok', ''],
    });
    expect(problems).toEqual([
      {
        path: ['rules', 'image.agency-known'],
        message: 'config.rules["image.agency-known"].severity must be "error" or "warning", got "fatal"',
      },
      {
        path: ['rules', 'image.credit-requried'],
        message: 'unknown rule "image.credit-requried" in config.rules (did you mean "image.credit-required"?)',
      },
      { path: ['placeholderCredits'], message: 'config.placeholderCredits[1] must not be empty' },
    ]);
  });

  it('keeps the override policy out of the admin panel, and unknown keys out of the store', () => {
    expect(checkSettingsUpdate({ rules: { 'pull-quote.verbatim': { overridable: true } } }).problems).toEqual([
      { path: ['rules', 'pull-quote.verbatim', 'overridable'], message: expect.stringContaining('config/plugins.ts') },
    ]);
    expect(checkSettingsUpdate({ contentTypes: [] }).problems).toEqual([{ path: [], message: 'unknown key "contentTypes" in settings' }]);
    expect(checkSettingsUpdate('on').problems).toEqual([{ path: [], message: 'settings must be an object' }]);
  });

  it('lays the stored settings over the file config, rule by rule', () => {
    const file = validateGuardConfig({ rules: { 'outlet.required': 'warning' }, placeholderCredits: ['網路'] });
    const stored = mergeStoredSettings(
      { rules: { 'image.agency-known': { severity: 'error' } } },
      { rules: { 'image.agency-known': { enabled: false } }, placeholderCredits: ['未知'] },
    );
    const config = effectiveConfig(file, stored);
    expect(config.rules['image.agency-known']).toEqual({ enabled: false, severity: 'error', overridable: true });
    expect(config.rules['outlet.required']).toEqual({ enabled: true, severity: 'warning', overridable: false });
    expect(config.placeholderCredits).toEqual(['未知']);
    expect(effectiveConfig(file, {}).placeholderCredits).toEqual(['網路']);
  });

  it('skips stored rules a later version no longer knows', () => {
    const config = effectiveConfig(createDefaultGuardConfig(), { rules: { 'old.rule': { enabled: false } } as never });
    expect(config).toEqual(createDefaultGuardConfig());
  });

  it('says where each setting comes from', () => {
    const file = validateGuardConfig({ rules: { 'outlet.required': 'warning' } });
    const origins = settingOrigins(file, { rules: { 'image.agency-known': { severity: 'error' } } });
    expect(origins.rules['outlet.required']).toBe('file');
    expect(origins.rules['image.agency-known']).toBe('admin');
    expect(origins.rules['pull-quote.verbatim']).toBe('default');
    expect(origins.placeholderCredits).toBe('default');
  });
});
