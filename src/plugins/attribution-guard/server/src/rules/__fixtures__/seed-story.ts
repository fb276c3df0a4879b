/**
 * The demo story as a rule input, built from the same files the app seeds from
 * (`database/seed/seed-article.zh-Hant.txt`, `database/seed/demo-story.json`), so the rules are
 * tested against the text editors will really see. Every call returns fresh objects: tests may
 * change what they get without affecting each other (the body text cache is keyed by array).
 */
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { z } from 'zod';
import type {
  ArticleSnapshot,
  AuthorRecord,
  BlocksNode,
  ImageUsage,
  PullQuoteRecord,
  RuleInput,
  SourceRecord,
} from '../../../../shared/contracts/findings';
import { createDefaultGuardConfig } from '../../config/defaults';

export const SEED_NOW = new Date('2026-11-28T12:00:00Z');

const SEED_DIR = join('database', 'seed');

/** The repository root, found by walking up to the seed folder (tests may run from any cwd). */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, SEED_DIR, 'seed-article.zh-Hant.txt'))) return dir;
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error(`seed-story: no ${SEED_DIR}/seed-article.zh-Hant.txt above ${__dirname}`);
    dir = parent;
  }
}

export function readSeedLines(): string[] {
  return readFileSync(join(repoRoot(), SEED_DIR, 'seed-article.zh-Hant.txt'), 'utf8')
    .replace(/\r\n?/gu, '\n')
    .replace(/\n+$/u, '')
    .split('\n');
}

const sourceKind = z.enum(['outlet', 'republisher', 'agency', 'wire']);

/** The parts of the app's seed file the rules need; other keys (cover, draft …) are ignored here or read below. */
const demoStorySchema = z.object({
  title: z.string(),
  dek: z.string(),
  originalUrl: z.string(),
  locale: z.string().default('zh-Hant'),
  pullQuotes: z.array(quoteSchema()),
  sources: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      shortName: z.string().nullable().default(null),
      kind: sourceKind,
      aliases: z.array(z.string()).default([]),
      website: z.string().nullable().default(null),
      attributionTemplate: z.string().nullable().default(null),
      agreementId: z.string().nullable().default(null),
      licenseValidFrom: z.string().nullable().default(null),
      licenseValidUntil: z.string().nullable().default(null),
      allowedLocales: z.array(z.string()).default([]),
    }),
  ),
  authors: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      displayName: z.string().nullable().default(null),
      role: z.enum(['writer', 'editor', 'photographer', 'contributor']).nullable().default(null),
      aliases: z.array(z.string()).default([]),
      outlet: z.string().nullable().default(null),
    }),
  ),
  draft: z
    .object({
      title: z.string(),
      paragraphs: z.array(z.string()),
      cover: z.object({ file: z.string(), license: z.string().nullable().default(null) }).passthrough(),
      pullQuotes: z.array(quoteSchema()),
    })
    .optional(),
});

function quoteSchema() {
  return z.object({
    speaker: z.string(),
    speakerOrg: z.string().nullable().default(null),
    speakerTitle: z.string().nullable().default(null),
    text: z.string(),
  });
}

export type DemoStory = z.infer<typeof demoStorySchema>;

/** The app's seed data (`database/seed/demo-story.json`): the same records the demo database gets. */
export function readDemoStory(): DemoStory {
  const raw: unknown = JSON.parse(readFileSync(join(repoRoot(), SEED_DIR, 'demo-story.json'), 'utf8'));
  return demoStorySchema.parse(raw);
}

export function paragraph(text: string): BlocksNode {
  return { type: 'paragraph', children: [{ type: 'text', text }] };
}

export function imageBlock(name: string, id = 900): BlocksNode {
  return {
    type: 'image',
    image: { id, url: `/uploads/${name}`, name, alternativeText: null, caption: null },
    children: [{ type: 'text', text: '' }],
  };
}

export function source(patch: Partial<SourceRecord> & Pick<SourceRecord, 'documentId' | 'name'>): SourceRecord {
  return {
    shortName: null,
    kind: null,
    aliases: [],
    website: null,
    attributionTemplate: null,
    agreementId: null,
    licenseValidFrom: null,
    licenseValidUntil: null,
    allowedLocales: [],
    published: true,
    ...patch,
  };
}

export function author(patch: Partial<AuthorRecord> & Pick<AuthorRecord, 'documentId' | 'name'>): AuthorRecord {
  return { displayName: null, role: 'writer', aliases: [], outletDocumentId: null, published: true, ...patch };
}

export function imageUsage(patch: Partial<ImageUsage> & Pick<ImageUsage, 'path'>): ImageUsage {
  return {
    fileId: 1,
    url: null,
    name: null,
    credit: null,
    agency: null,
    photographer: null,
    license: null,
    creditOrigin: 'usage',
    ...patch,
  };
}

export interface SeedRecords {
  trueView: SourceRecord;
  tmtPost: SourceRecord;
  vcg: SourceRecord;
  koorvoa: AuthorRecord;
  tv: AuthorRecord;
}

function pick<T extends { key: string }>(list: readonly T[], key: string): T {
  const found = list.find((item) => item.key === key);
  if (!found) throw new Error(`seed-story: demo-story.json has no record with key "${key}"`);
  return found;
}

/** Outlet, republisher, agency, author and editor as the app seeds them, with stable fake document ids. */
export function seedRecords(demo: DemoStory = readDemoStory()): SeedRecords {
  const toSource = (key: string): SourceRecord => {
    const { key: _key, ...fields } = pick(demo.sources, key);
    return source({ ...fields, documentId: `src-${key}` });
  };
  const toAuthor = (key: string): AuthorRecord => {
    const { key: _key, outlet, ...fields } = pick(demo.authors, key);
    return author({ ...fields, documentId: `author-${key}`, outletDocumentId: outlet === null ? null : `src-${outlet}` });
  };
  return {
    trueView: toSource('outlet'),
    tmtPost: toSource('republisher'),
    vcg: toSource('agency'),
    koorvoa: toAuthor('author'),
    tv: toAuthor('editor'),
  };
}

function toPullQuote(quote: DemoStory['pullQuotes'][number], index: number): PullQuoteRecord {
  return {
    documentId: `pull-quote-${index}`,
    path: `pullQuotes.${index}`,
    text: quote.text,
    speaker: quote.speaker,
    speakerTitle: quote.speakerTitle,
    speakerOrg: quote.speakerOrg,
    published: true,
  };
}

export interface SeedStory extends RuleInput {
  records: SeedRecords;
  /** The source lines of the fixture file, unchanged. */
  lines: string[];
}

/**
 * The body is every line of the file but the first (aggregator boilerplate), the second (the photo
 * credit, which becomes the cover's) and the last (closing boilerplate); one paragraph per line.
 */
export function buildSeedStory(): SeedStory {
  const lines = readSeedLines();
  const demo = readDemoStory();
  const records = seedRecords(demo);
  const creditLine = lines[1] ?? '';
  const body = lines.slice(2, -1).map(paragraph);
  const cover = imageUsage({
    path: 'cover',
    fileId: 1,
    url: '/uploads/lead_photo.jpg',
    name: 'lead-photo.jpg',
    // `圖片來源 @視覺中國` → `視覺中國`: the label and handle mark are layout, the agency is the credit.
    credit: creditLine.replace(/^圖片來源\s*@/u, ''),
    agency: records.vcg,
    license: 'agency',
  });
  const pullQuotes = demo.pullQuotes.map(toPullQuote);
  const article: ArticleSnapshot = {
    documentId: 'article-seed',
    locale: demo.locale,
    title: demo.title,
    body,
    author: records.koorvoa,
    coAuthors: [],
    editor: records.tv,
    source: records.trueView,
    republisher: records.tmtPost,
    originalUrl: demo.originalUrl,
    images: [cover],
    pullQuotes,
  };
  return {
    article,
    sources: [records.trueView, records.tmtPost, records.vcg],
    config: createDefaultGuardConfig(),
    now: new Date(SEED_NOW.getTime()),
    records,
    lines,
  };
}

/**
 * The demo draft of `demo-story.json` (an uncredited cover, a misquote), with the seed story's byline,
 * outlet and sources; null when the seed file carries no draft.
 */
export function buildDemoDraft(): SeedStory | null {
  const base = buildSeedStory();
  const draft = readDemoStory().draft;
  if (!draft) return null;
  const cover = imageUsage({
    path: 'cover',
    fileId: 2,
    url: `/uploads/${draft.cover.file}`,
    name: draft.cover.file,
    credit: null,
    creditOrigin: 'none',
  });
  return seedWith(
    {
      documentId: 'article-draft',
      title: draft.title,
      body: draft.paragraphs.map(paragraph),
      republisher: null,
      originalUrl: null,
      images: [cover],
      pullQuotes: draft.pullQuotes.map(toPullQuote),
    },
    base,
  );
}

/** The seed story with some article fields replaced (a new article object; the rest is shared). */
export function seedWith(patch: Partial<ArticleSnapshot>, base: SeedStory = buildSeedStory()): SeedStory {
  return { ...base, article: { ...base.article, ...patch } };
}

/** Index of the body block holding the first line that contains `needle` (for expected paths). */
export function bodyIndexOf(story: SeedStory, needle: string): number {
  return story.article.body.findIndex((block) =>
    (block.children ?? []).some((child) => typeof child.text === 'string' && child.text.includes(needle)),
  );
}
