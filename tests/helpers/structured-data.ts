import { spawn } from 'node:child_process';
import path from 'node:path';
import { appDir } from './database';

/** One finding of @adobe/structured-data-validator (errors and warnings alike count as issues). */
export interface StructuredDataIssue {
  issueMessage: string;
  severity: 'ERROR' | 'WARNING';
  rootType?: string;
  path?: unknown[];
  fieldNames?: string[];
}

/** The schema.org vocabulary, release 30.0 (tests/fixtures/schemaorg/SOURCES.md). */
export const SCHEMA_ORG_VOCABULARY = path.join(appDir, 'tests/fixtures/schemaorg/schemaorg-current-https-30.0.jsonld');

/** Validates JSON-LD items as a page's `<script type="application/ld+json">` blocks, against schema.org and Google's rich-result rules. */
export function validateStructuredData(items: Array<Record<string, unknown>>): Promise<StructuredDataIssue[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'validate-structured-data.mjs')], {
      cwd: appDir,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`structured-data validator exited ${code}: ${Buffer.concat(err).toString('utf8')}`));
      resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as StructuredDataIssue[]);
    });
    child.stdin.end(JSON.stringify({ vocabulary: SCHEMA_ORG_VOCABULARY, items }));
  });
}

type Thing = Record<string, unknown>;

/** Properties whose values are web addresses in our JSON-LD. */
const URL_PROPERTIES = new Set([
  'url',
  'contentUrl',
  'thumbnailUrl',
  'mainEntityOfPage',
  'isBasedOn',
  'license',
  'acquireLicensePage',
  'sameAs',
  '@id',
]);
/** ISO 8601 with a time and a zone (Google: "in ISO 8601 format … with timezone information"). */
const DATE_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/u;

const isAbsoluteHttp = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/**
 * What Google's Article structured-data guidelines ask of our NewsArticle that a vocabulary check
 * does not see: absolute URLs everywhere, dates with their zone, images with their size and one at
 * least 1200 px wide when an original is, and authors as Persons with a page. Empty when all hold.
 */
export function articleGuidelineProblems(article: Thing, options: { widestOriginal: number }): string[] {
  const problems: string[] = [];
  const walk = (value: unknown, where: string) => {
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${where}[${i}]`));
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value as Thing)) {
      const at = `${where}.${key}`;
      if (URL_PROPERTIES.has(key)) {
        for (const url of Array.isArray(inner) ? inner : [inner]) {
          if (typeof url === 'string' && !isAbsoluteHttp(url)) problems.push(`${at} is not an absolute http(s) URL: ${url}`);
        }
      }
      if ((key === 'datePublished' || key === 'dateModified') && (typeof inner !== 'string' || !DATE_WITH_ZONE.test(inner)))
        problems.push(`${at} is not ISO 8601 with a zone: ${String(inner)}`);
      walk(inner, at);
    }
  };
  walk(article, '$');

  if (!['NewsArticle', 'Article', 'BlogPosting'].includes(String(article['@type']))) problems.push(`@type is ${String(article['@type'])}`);
  if (typeof article.headline !== 'string' || article.headline.trim() === '') problems.push('headline is missing');
  for (const key of ['datePublished', 'dateModified']) if (!(key in article)) problems.push(`${key} is missing`);
  if (
    typeof article.datePublished === 'string' &&
    typeof article.dateModified === 'string' &&
    Date.parse(article.dateModified) < Date.parse(article.datePublished)
  )
    problems.push('dateModified is before datePublished');

  const images = (Array.isArray(article.image) ? article.image : article.image ? [article.image] : []) as Thing[];
  if (images.length === 0) problems.push('image is missing');
  for (const [i, image] of images.entries()) {
    if (image['@type'] !== 'ImageObject') problems.push(`image[${i}] is not an ImageObject`);
    if (typeof image.width !== 'number' || typeof image.height !== 'number') problems.push(`image[${i}] has no width and height`);
  }
  if (options.widestOriginal >= 1200 && !images.some((image) => typeof image.width === 'number' && image.width >= 1200))
    problems.push('no image is at least 1200 px wide, though an original is');

  const authors = (Array.isArray(article.author) ? article.author : article.author ? [article.author] : []) as Thing[];
  if (authors.length === 0) problems.push('author is missing');
  for (const [i, author] of authors.entries()) {
    if (author['@type'] !== 'Person') problems.push(`author[${i}] is not a Person`);
    if (typeof author.name !== 'string' || author.name === '') problems.push(`author[${i}] has no name`);
    if (typeof author.url !== 'string') problems.push(`author[${i}] (${String(author.name)}) has no url`);
  }
  const publisher = article.publisher as Thing | undefined;
  if (!publisher || publisher['@type'] !== 'Organization' || typeof publisher.name !== 'string')
    problems.push('publisher is not an Organization with a name');
  return problems;
}
