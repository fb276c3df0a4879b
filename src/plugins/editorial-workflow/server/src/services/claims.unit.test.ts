import { errors } from '@strapi/utils';
import { lockKey } from './entries';
import { findingsOf } from './scheduler';

describe('lockKey', () => {
  it('is a stable signed 32-bit key per entry and locale', () => {
    const key = lockKey('api::article.article', 'abc123', 'zh-Hant');
    expect(key).toBe(lockKey('api::article.article', 'abc123', 'zh-Hant'));
    expect(Number.isInteger(key) && key >= -(2 ** 31) && key < 2 ** 31).toBe(true);
  });

  it('differs between locales and documents, so each translation is claimed on its own', () => {
    const keys = new Set(
      ['zh-Hant', 'zh-Hans', 'en'].flatMap((locale) => ['a1', 'a2', 'a3'].map((id) => lockKey('api::article.article', id, locale))),
    );
    expect(keys.size).toBe(9);
  });
});

describe('findingsOf', () => {
  it('keeps what editors need from the guard’s refusal', () => {
    const error = new errors.ValidationError('Cannot publish', {
      errors: [
        {
          rule: 'byline.author-required',
          path: ['author'],
          message: 'No byline',
          messages: { en: 'No byline', 'zh-Hant': '沒有署名', 'zh-Hans': '没有署名' },
          locale: 'en',
          severity: 'error',
          overridable: false,
          name: 'ValidationError',
        },
      ],
    });
    expect(findingsOf(error)).toEqual([
      {
        rule: 'byline.author-required',
        path: ['author'],
        message: 'No byline',
        messages: { en: 'No byline', 'zh-Hant': '沒有署名', 'zh-Hans': '没有署名' },
        locale: 'en',
        severity: 'error',
      },
    ]);
  });

  it('returns nothing for an error without details', () => {
    expect(findingsOf(new Error('boom'))).toEqual([]);
  });
});
