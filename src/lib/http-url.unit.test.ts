import fs from 'node:fs';
import path from 'node:path';
import { httpUrlProblem } from './http-url';

const fixtures = path.resolve(__dirname, '../../tests/fixtures/xss');
const URL_VECTORS = fs
  .readFileSync(path.join(fixtures, 'xss-urls.txt'), 'utf8')
  .split('\n')
  .filter((line) => line !== '');
const CONTROL_VECTORS = (
  JSON.parse(fs.readFileSync(path.join(fixtures, 'xss-urls-controls.json'), 'utf8')) as { items: Array<{ value: string }> }
).items.map((i) => i.value);

describe('httpUrlProblem', () => {
  it.each(['https://www.tmtpost.com/7012345.html', 'http://example.com', 'https://例子.中国/路径?q=1#x', 'https://example.com:8443/a%20b'])(
    'accepts %s',
    (url) => {
      expect(httpUrlProblem(url)).toBeNull();
    },
  );

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '/relative/path',
    'example.com',
    'ftp://example.com/file',
    'https://user:pw@example.com/',
    ' https://example.com',
    'https://exa mple.com',
    'java\tscript:alert(1)',
    'https:\\\\evil.example',
    'https:/evil.example',
    '',
  ])('refuses %j', (url) => {
    expect(httpUrlProblem(url)).not.toBeNull();
  });

  it(`refuses every one of the ${URL_VECTORS.length + CONTROL_VECTORS.length} URL-style vectors of the corpus`, () => {
    const accepted = [...URL_VECTORS, ...CONTROL_VECTORS].filter((vector) => httpUrlProblem(vector) === null);
    expect(URL_VECTORS.length).toBe(118);
    expect(accepted).toEqual([]);
  });
});
