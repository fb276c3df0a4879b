import { refusalReasons } from './refusal-reasons';

describe('refusalReasons', () => {
  it('reads a gate’s reasons with their translations, for the locale asked', () => {
    const error = {
      name: 'ValidationError',
      message: 'Cannot publish: it has not been approved.',
      details: {
        errors: [
          {
            rule: 'workflow.approval-required',
            path: ['editorialStage'],
            message: 'Not approved (zh-Hant).',
            messages: { en: 'Not approved.', 'zh-Hant': '尚未核准。', 'zh-Hans': '尚未核准。' },
            locale: 'zh-Hant',
          },
          { rule: 'workflow.approval-required', path: ['editorialStage'], message: 'Not approved (en).', locale: 'en' },
        ],
      },
    };
    expect(refusalReasons(error, 'zh-Hant')).toEqual([
      {
        rule: 'workflow.approval-required',
        severity: 'error',
        path: 'editorialStage',
        message: { en: 'Not approved.', 'zh-Hant': '尚未核准。', 'zh-Hans': '尚未核准。' },
      },
    ]);
    // Without translations the English message stands in for every language.
    expect(refusalReasons(error, 'en')?.[0]?.message).toEqual({
      en: 'Not approved (en).',
      'zh-Hant': 'Not approved (en).',
      'zh-Hans': 'Not approved (en).',
    });
  });

  it('keeps a validation error without details as one reason, and ignores what is not a refusal', () => {
    expect(refusalReasons({ name: 'ValidationError', message: 'credit must be defined' }, 'en')).toEqual([
      {
        rule: 'publish.refused',
        severity: 'error',
        path: '',
        message: { en: 'credit must be defined', 'zh-Hant': 'credit must be defined', 'zh-Hans': 'credit must be defined' },
      },
    ]);
    expect(refusalReasons(new Error('SQLITE_BUSY'), 'en')).toBeNull();
    expect(refusalReasons(null, 'en')).toBeNull();
  });

  it('names Strapi’s own field errors by path', () => {
    const error = {
      name: 'ValidationError',
      message: '1 error',
      details: { errors: [{ path: ['cover', 'credit'], message: 'cover.credit must be defined', name: 'ValidationError' }] },
    };
    expect(refusalReasons(error, 'en')).toEqual([
      {
        rule: 'publish.invalid',
        severity: 'error',
        path: 'cover.credit',
        message: {
          en: 'cover.credit must be defined',
          'zh-Hant': 'cover.credit must be defined',
          'zh-Hans': 'cover.credit must be defined',
        },
      },
    ]);
  });
});
