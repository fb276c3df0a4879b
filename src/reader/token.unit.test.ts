import { signPreviewToken, verifyPreviewToken, type PreviewClaims } from './token';

const SECRET = 'a-preview-secret-for-unit-tests';
const NOW = Date.UTC(2026, 11, 3, 9, 0, 0);
const claims: PreviewClaims = { documentId: 'abc123', locale: 'zh-Hant', userId: 7, sessionId: 'sess-1', expiresAt: NOW / 1000 + 600 };
const expected = { documentId: 'abc123', locale: 'zh-Hant' };

describe('preview tokens', () => {
  it('verify for the document, locale, user and session they were signed for', () => {
    expect(verifyPreviewToken(signPreviewToken(claims, SECRET), expected, SECRET, NOW)).toEqual({ ok: true, claims });
    const noSession = { ...claims, sessionId: null };
    expect(verifyPreviewToken(signPreviewToken(noSession, SECRET), expected, SECRET, NOW)).toEqual({ ok: true, claims: noSession });
  });

  it('refuse another document, another locale, and expiry to the second', () => {
    const token = signPreviewToken(claims, SECRET);
    expect(verifyPreviewToken(token, { ...expected, documentId: 'abc124' }, SECRET, NOW)).toEqual({ ok: false, reason: 'document' });
    expect(verifyPreviewToken(token, { ...expected, locale: 'zh-Hans' }, SECRET, NOW)).toEqual({ ok: false, reason: 'locale' });
    expect(verifyPreviewToken(token, expected, SECRET, claims.expiresAt * 1000 - 1).ok).toBe(true);
    expect(verifyPreviewToken(token, expected, SECRET, claims.expiresAt * 1000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse any change to the claims or the signature, and another secret', () => {
    const token = signPreviewToken(claims, SECRET);
    const [v, payload, sig] = token.split('.') as [string, string, string];
    const raised = Buffer.from(JSON.stringify({ d: 'abc123', l: 'zh-Hant', u: 1, s: 'sess-1', e: claims.expiresAt })).toString('base64url');
    expect(verifyPreviewToken(`${v}.${raised}.${sig}`, expected, SECRET, NOW)).toEqual({ ok: false, reason: 'signature' });
    for (let i = 0; i < sig.length; i += 7) {
      const changed = sig.slice(0, i) + (sig[i] === 'A' ? 'B' : 'A') + sig.slice(i + 1);
      expect(verifyPreviewToken(`${v}.${payload}.${changed}`, expected, SECRET, NOW).ok).toBe(false);
    }
    expect(verifyPreviewToken(token, expected, 'another-secret-entirely', NOW)).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuse what is not a token at all, without throwing', () => {
    for (const bad of [
      undefined,
      null,
      42,
      ['v1.a.b'],
      '',
      'v1',
      'v1..',
      'v2.eyJ9.' + 'A'.repeat(43),
      'v1.%%%.' + 'A'.repeat(43),
      'v1.abc.' + 'A'.repeat(42),
    ]) {
      expect(verifyPreviewToken(bad, expected, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    }
    // Correctly signed, but not our claims.
    const { createHmac } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const payload = Buffer.from(JSON.stringify({ d: 'abc123', l: 'zh-Hant', u: '7', e: 'later' })).toString('base64url');
    const sig = createHmac('sha256', SECRET).update(`newsroom.preview.v1.${payload}`).digest('base64url');
    expect(verifyPreviewToken(`v1.${payload}.${sig}`, expected, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyPreviewToken(signPreviewToken(claims, SECRET), expected, '', NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(() => signPreviewToken(claims, '')).toThrow(/secret/u);
  });
});
