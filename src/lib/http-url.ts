/**
 * Why a value is not a web address a reader may safely follow, or null when it is one.
 * Only absolute http(s) addresses: `javascript:`, `data:`, protocol-relative `//host` and relative
 * paths are refused, and so is any control character or space, which browsers silently skip
 * (`java\tscript:`) and which would let a value read differently from what is checked here.
 */
export function httpUrlProblem(value: string): string | null {
  if (/[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\\]/u.test(value)) {
    return 'must not contain spaces or control characters';
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a full web address starting with https:// or http://';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https:// or http://';
  if (!/^https?:\/\/[^/]/iu.test(value) || url.hostname === '') return 'must name a host, as in https://example.com/…';
  if (url.username !== '' || url.password !== '') return 'must not carry a user name or password';
  return null;
}
