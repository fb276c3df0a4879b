import { isStoreFailure, storeUnavailable } from './store-errors';

describe('isStoreFailure', () => {
  it('recognises the AWS SDK’s errors and network failures, however deep the cause', () => {
    expect(isStoreFailure(Object.assign(new Error('Access Denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }))).toBe(
      true,
    );
    expect(isStoreFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9000'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isStoreFailure(new Error('fetch failed', { cause: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }) }))).toBe(true);
    expect(isStoreFailure(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))).toBe(true);
  });
  it('leaves every other error alone: a refused file is the file’s problem', () => {
    expect(isStoreFailure(new Error('SVG files cannot be uploaded'))).toBe(false);
    expect(isStoreFailure(Object.assign(new Error('x'), { code: 'E_VALIDATION' }))).toBe(false);
    expect(isStoreFailure(null)).toBe(false);
    expect(isStoreFailure('ECONNREFUSED')).toBe(false);
  });
});

describe('storeUnavailable', () => {
  it('is a 503 that says nothing was saved and names the store’s answer', () => {
    const error = storeUnavailable({ $metadata: { httpStatusCode: 500 } });
    expect(error.status).toBe(503);
    expect(error.message).toMatch(/^The file could not be stored: .*\(the store answered HTTP 500\)\. Nothing was saved/);
    expect(storeUnavailable(new Error('x')).message).not.toMatch(/answered/);
  });
});
