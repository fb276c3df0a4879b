import { RULE_IDS } from '../../../shared/contracts/findings';
import { defaultGuardConfig, defaultPlaceholderCredits } from './defaults';
import { validateGuardConfig } from './validate-config';

describe('validateGuardConfig', () => {
  it('returns the defaults for no config', () => {
    expect(validateGuardConfig(undefined)).toEqual(defaultGuardConfig);
    expect(validateGuardConfig({})).toEqual(defaultGuardConfig);
  });

  it('ships the documented defaults', () => {
    const config = validateGuardConfig({});
    const warnings = RULE_IDS.filter((id) => config.rules[id].severity === 'warning');
    const overridable = RULE_IDS.filter((id) => config.rules[id].overridable);
    expect(warnings).toEqual(['image.agency-known']);
    expect(overridable).toEqual(['syndication.license-valid', 'attribution.line-consistent', 'image.agency-known']);
    expect(config.requiredRepublishers).toEqual([]);
    expect(config.contentTypes).toEqual(['api::article.article']);
    expect(config.placeholderCredits).toEqual(
      expect.arrayContaining(['網路', '网络', '來源網絡', '图片来源网络', 'internet', 'unknown', '未知', 'Google', '百度', 'N/A', '轉載']),
    );
    expect(config.placeholderAuthors).toEqual(expect.arrayContaining(['佚名', '匿名', '小編', '小编', 'admin', 'anonymous', 'staff']));
  });

  it('names a mistyped rule id, and suggests the right one', () => {
    expect(() => validateGuardConfig({ rules: { 'image.credit-requried': { severity: 'warning' } } })).toThrow(
      'attribution-guard: unknown rule "image.credit-requried" in config.rules (did you mean "image.credit-required"?)',
    );
  });

  it('names the key of a bad severity', () => {
    expect(() => validateGuardConfig({ rules: { 'image.agency-known': { severity: 'fatal' } } })).toThrow(
      'attribution-guard: config.rules["image.agency-known"].severity must be "error" or "warning", got "fatal"',
    );
    expect(() => validateGuardConfig({ rules: { 'image.agency-known': 'fatal' } })).toThrow(
      /config\.rules\["image\.agency-known"\] must be true, false, "error", "warning" or \{ enabled, severity, overridable \}, got "fatal"/u,
    );
  });

  it('names fields of the wrong type and unknown keys', () => {
    expect(() => validateGuardConfig({ placeholderCredits: '網路' })).toThrow(
      'attribution-guard: config.placeholderCredits must be array, got string',
    );
    expect(() => validateGuardConfig({ requiredRepublishers: ['钛媒體', 3] })).toThrow(
      'attribution-guard: config.requiredRepublishers[1] must be string, got number',
    );
    expect(() => validateGuardConfig({ rules: { 'pull-quote.verbatim': { enabled: 'yes' } } })).toThrow(
      'attribution-guard: config.rules["pull-quote.verbatim"].enabled must be boolean, got string',
    );
    expect(() => validateGuardConfig({ rules: { 'pull-quote.verbatim': { enable: false } } })).toThrow(
      'attribution-guard: unknown key "enable" in config.rules["pull-quote.verbatim"]',
    );
    expect(() => validateGuardConfig({ placeholderCredit: [] })).toThrow('attribution-guard: unknown key "placeholderCredit" in config');
    expect(() => validateGuardConfig('on')).toThrow('attribution-guard: config must be an object, got string');
    expect(() => validateGuardConfig({ placeholderAuthors: ['  '] })).toThrow('config.placeholderAuthors[0] must not be empty');
  });

  it('merges rule settings field by field over the defaults', () => {
    const config = validateGuardConfig({
      rules: { 'image.agency-known': { severity: 'error' }, 'pull-quote.verbatim': false, 'outlet.required': 'warning' },
    });
    expect(config.rules['image.agency-known']).toEqual({ enabled: true, severity: 'error', overridable: true });
    expect(config.rules['pull-quote.verbatim']).toEqual({ enabled: false, severity: 'error', overridable: false });
    expect(config.rules['outlet.required']).toEqual({ enabled: true, severity: 'warning', overridable: false });
    expect(config.rules['byline.author-required']).toEqual(defaultGuardConfig.rules['byline.author-required']);
  });

  it('replaces lists rather than appending to them', () => {
    const config = validateGuardConfig({ placeholderCredits: ['stock'], requiredRepublishers: ['钛媒體'] });
    expect(config.placeholderCredits).toEqual(['stock']);
    expect(config.requiredRepublishers).toEqual(['钛媒體']);
    expect(validateGuardConfig({}).placeholderCredits).toEqual([...defaultPlaceholderCredits]);
  });

  it('never hands out the shared defaults for mutation', () => {
    const config = validateGuardConfig({});
    config.rules['pull-quote.verbatim'].enabled = false;
    expect(defaultGuardConfig.rules['pull-quote.verbatim'].enabled).toBe(true);
  });
});
