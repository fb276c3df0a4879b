import { existsSync } from 'fs';
import { join } from 'path';
import { RULE_IDS } from '../../../shared/contracts/findings';
import { validateGuardConfig } from '../config/validate-config';
import { defaultGuardConfig, rules, runRules, summarise } from './index';
import { buildLargeArticle, LARGE_EXPECTED } from './__fixtures__/large-article';
import { buildDemoDraft, buildSeedStory, seedWith } from './__fixtures__/seed-story';

describe('rule registry', () => {
  it('has one rule per contract id, each in a file named by its id', () => {
    expect(Object.keys(rules).sort()).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS) expect(existsSync(join(__dirname, `${id}.ts`))).toBe(true);
  });

  it.each(RULE_IDS)('the seed story passes %s with zero findings', (id) => {
    expect(rules[id](buildSeedStory())).toEqual([]);
  });

  it('the seed story passes the whole registry', () => {
    expect(summarise(runRules(buildSeedStory()))).toEqual({ ok: true, findings: [], errors: 0, warnings: 0 });
  });

  it('flags exactly what the demo draft was made to show: an uncredited cover and a misquote', () => {
    const draft = buildDemoDraft();
    if (!draft) return; // The seed file may drop its demo draft; the seed story above still covers the rules.
    expect(runRules(draft).map((f) => [f.rule, f.path])).toEqual([
      ['image.credit-required', 'cover.credit'],
      ['pull-quote.verbatim', 'pullQuotes.0.text'],
    ]);
  });

  it('returns errors before warnings, in rule order within each', () => {
    const story = buildSeedStory();
    const body = [...story.article.body];
    body[0] = { type: 'paragraph', children: [{ type: 'text', text: '文|正見 TrueView,作者|koorvo,編輯|TV.' }] };
    // The line rule is an error by default; set to a warning here, as config may, to see the order.
    const config = validateGuardConfig({ rules: { 'attribution.line-consistent': { severity: 'warning' } } });
    const input = seedWith({ body, author: null, source: null }, { ...story, config });
    const findings = runRules(input);
    expect(findings.map((f) => [f.severity, f.rule])).toEqual([
      ['error', 'byline.author-required'],
      ['error', 'outlet.required'],
      ['warning', 'attribution.line-consistent'],
      ['warning', 'attribution.line-consistent'],
    ]);
    expect(summarise(findings)).toMatchObject({ ok: false, errors: 2, warnings: 2 });
  });

  it('puts an error of a later rule before a warning of an earlier one', () => {
    // Rule order alone would list the byline warning first; the severity order must move the error up.
    const story = buildSeedStory();
    const config = validateGuardConfig({
      rules: { 'byline.author-required': { severity: 'warning' }, 'attribution.line-consistent': false },
    });
    const pullQuotes = story.article.pullQuotes.map((q, i) => (i === 0 ? { ...q, text: q.text.replace('判斷', '判断') } : q));
    const findings = runRules(seedWith({ author: null, pullQuotes }, { ...story, config }));
    expect(findings.map((f) => [f.severity, f.rule])).toEqual([
      ['error', 'pull-quote.verbatim'],
      ['warning', 'byline.author-required'],
    ]);
  });

  /** The seed story with pull-quote 1 one character off, so only pull-quote.verbatim fires. */
  function misquoted(config: unknown) {
    const story = buildSeedStory();
    const pullQuotes = story.article.pullQuotes.map((q, i) => (i === 0 ? { ...q, text: q.text.replace('判斷', '判断') } : q));
    return seedWith({ pullQuotes }, { ...story, config: validateGuardConfig(config) });
  }

  it('skips a rule switched off in config', () => {
    expect(runRules(misquoted({}))).toEqual([expect.objectContaining({ rule: 'pull-quote.verbatim', severity: 'error' })]);
    expect(runRules(misquoted({ rules: { 'pull-quote.verbatim': { enabled: false } } }))).toEqual([]);
    expect(runRules(misquoted({ rules: { 'pull-quote.verbatim': false } }))).toEqual([]);
  });

  it('reports the severity set in config', () => {
    const findings = runRules(misquoted({ rules: { 'pull-quote.verbatim': { severity: 'warning' } } }));
    expect(findings).toEqual([expect.objectContaining({ rule: 'pull-quote.verbatim', severity: 'warning', path: 'pullQuotes.0.text' })]);
    expect(summarise(findings)).toMatchObject({ ok: true, errors: 0, warnings: 1 });
  });

  it('ships defaults with every rule on', () => {
    for (const id of RULE_IDS) expect(defaultGuardConfig.rules[id].enabled).toBe(true);
    expect(Object.isFrozen(defaultGuardConfig.rules)).toBe(true);
  });

  it('runs over a large article (100 images, 50 quotes, 100k characters) and finds exactly the planted faults', () => {
    const input = buildLargeArticle();
    const bodyChars = input.article.body.reduce((n, block) => n + (block.children?.[0]?.text?.length ?? 0), 0);
    expect(bodyChars).toBeGreaterThanOrEqual(100_000);
    expect(input.article.images).toHaveLength(100);
    expect(input.article.pullQuotes).toHaveLength(50);

    const findings = runRules(input);
    const count = (rule: string) => findings.filter((f) => f.rule === rule).length;
    expect(count('image.credit-placeholder')).toBe(LARGE_EXPECTED.placeholderCredits);
    expect(count('pull-quote.verbatim')).toBe(LARGE_EXPECTED.misquotes);
    expect(findings).toHaveLength(LARGE_EXPECTED.placeholderCredits + LARGE_EXPECTED.misquotes);
    // A second run on the same snapshot must agree (the body text is cached by reference).
    expect(runRules(input)).toEqual(findings);
  });
});
