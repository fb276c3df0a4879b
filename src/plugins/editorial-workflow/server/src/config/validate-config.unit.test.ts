import { validateWorkflowConfig } from './validate-config';

describe('validateWorkflowConfig', () => {
  it('ships the documented defaults', () => {
    expect(validateWorkflowConfig(undefined)).toEqual({
      contentTypes: ['api::article.article'],
      requireApproval: true,
      allowSelfApproval: false,
      defaultTimezone: 'Asia/Shanghai',
      maxLatenessMinutes: 60,
      sweep: { cron: true, rule: '0 * * * * *', runOnStart: true, batchSize: 20, concurrency: 4, maxDurationSeconds: 50 },
    });
  });

  it('merges the sweep settings key by key', () => {
    const config = validateWorkflowConfig({ sweep: { cron: false }, maxLatenessMinutes: 15 });
    expect(config.sweep).toMatchObject({ cron: false, rule: '0 * * * * *', concurrency: 4 });
    expect(config.maxLatenessMinutes).toBe(15);
  });

  it('names bad keys and values', () => {
    expect(() => validateWorkflowConfig({ defaultTimezone: 'Asia/Beijing' })).toThrow(
      'editorial-workflow: config.defaultTimezone must be an IANA time zone such as Asia/Shanghai',
    );
    expect(() => validateWorkflowConfig({ sweep: { crom: false } })).toThrow('editorial-workflow: unknown key "crom" in config.sweep');
    expect(() => validateWorkflowConfig({ allowSelfApproval: 1 })).toThrow('config.allowSelfApproval');
    expect(() => validateWorkflowConfig({ requireApproval: 'yes' })).toThrow('config.requireApproval');
    expect(() => validateWorkflowConfig({ contentTypes: ['article'] })).toThrow('config.contentTypes[0] must be a content-type uid');
    expect(() => validateWorkflowConfig({ maxLatenessMinutes: -1 })).toThrow('config.maxLatenessMinutes');
  });
});
