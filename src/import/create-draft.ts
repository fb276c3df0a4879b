import type { Core } from '@strapi/strapi';
import type { AuthorRecord, Finding, SourceRecord } from '../plugins/attribution-guard/shared/contracts/findings';
import { ARTICLE_UID, AUTHOR_UID, DEFAULT_LOCALE, PULL_QUOTE_UID, SOURCE_UID } from '../lib/content-types';
import { slugFromTitle, SLUG_MAX_LENGTH } from '../lib/slug';
import { toBlocks } from '../seed/story-text';
import { decodeStoryFile, MAX_IMPORT_BYTES, type ImportEncoding } from './decode';
import { ImportInputError } from './errors';
import { matchRecords, recordLookup, type AuthorMatch, type SourceMatch } from './match';
import { parseStory, type ParsedStory } from './parse';
import type { Row } from '../lib/row';
import { documentData } from '../lib/document-data';
import { noteText, type ImportNote } from './notes';

export interface ImportOptions {
  locale?: string;
  /** Parse, match and check, but create nothing. */
  dryRun?: boolean;
  title?: string;
}

export interface ImportQuote {
  text: string;
  speaker: string | null;
  speakerTitle: string | null;
  speakerOrg: string | null;
  /** How the speaker was found (see `attributeQuotes`); null when the text does not say who spoke. */
  speakerFrom: string | null;
  paragraph: number;
}

/** The photo credit as the text gives it, with the agency record it names. */
export interface PhotoCreditMatch {
  name: string;
  record: SourceRecord | null;
  photographer: string | null;
}

/** Adds what could not be decided to the report, as data and as its English sentence. */
function note(report: ImportReport, item: ImportNote): void {
  report.notes.push(item);
  report.undecided.push(noteText(item));
}

export interface ImportReport {
  dryRun: boolean;
  locale: string;
  encoding: ImportEncoding | null;
  title: string;
  titleFrom: ParsedStory['titleFrom'];
  paragraphs: number;
  /** The first credit line as typed, if any. */
  bylineLine: string | null;
  boilerplate: string[];
  outlet: SourceMatch | null;
  /** Lead author first; the others become the article's co-authors, in this order. */
  authors: AuthorMatch[];
  editor: AuthorMatch | null;
  republisher: SourceMatch | null;
  photoCredit: PhotoCreditMatch | null;
  originalTitle: string | null;
  quotes: ImportQuote[];
  /** What could not be decided, as data (the admin words it in its language)… */
  notes: ImportNote[];
  /** …and in English, one sentence a note (the CLI prints these). */
  undecided: string[];
  /** What was created (nothing on a dry run). */
  created: { article: string | null; sources: string[]; authors: string[]; pullQuotes: string[] };
  /** The attribution checks on the draft as created (or, on a dry run, as it would be created). */
  findings: Finding[];
}

/** Thrown inside the import's transaction on a dry run, so everything it wrote is rolled back. */
class DryRunRollback extends Error {}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

async function loadRecords(strapi: Core.Strapi): Promise<{ sources: SourceRecord[]; authors: AuthorRecord[] }> {
  const sourceRows: Row[] = await strapi.db.query(SOURCE_UID).findMany({});
  const authorRows: Row[] = await strapi.db.query(AUTHOR_UID).findMany({ populate: { outlet: { select: ['documentId'] } } });
  const sources = new Map<string, SourceRecord>();
  for (const row of sourceRows) {
    const known = sources.get(row.documentId);
    if (known && (known.published || row.publishedAt === null)) continue;
    sources.set(row.documentId, {
      documentId: row.documentId,
      name: row.name ?? '',
      shortName: row.shortName ?? null,
      kind: row.kind ?? null,
      aliases: list(row.aliases),
      website: row.website ?? null,
      attributionTemplate: row.attributionTemplate ?? null,
      agreementId: row.agreementId ?? null,
      licenseValidFrom: null,
      licenseValidUntil: null,
      allowedLocales: list(row.allowedLocales),
      published: row.publishedAt !== null,
    });
  }
  const authors = new Map<string, AuthorRecord>();
  for (const row of authorRows) {
    const known = authors.get(row.documentId);
    if (known && (known.published || row.publishedAt === null)) continue;
    authors.set(row.documentId, {
      documentId: row.documentId,
      name: row.name ?? '',
      displayName: row.displayName ?? null,
      role: row.role ?? null,
      aliases: list(row.aliases),
      outletDocumentId: row.outlet?.documentId ?? null,
      published: row.publishedAt !== null,
    });
  }
  return { sources: [...sources.values()], authors: [...authors.values()] };
}

/**
 * Imports a syndicated story as a draft article: decodes and parses it, matches its outlet, people,
 * republisher and photo agency to existing records (proposing unknown outlets and people as draft
 * records), creates the draft with its co-authors and the pull-quote candidates that have a speaker,
 * and runs the attribution checks on it. Everything happens in one transaction; bad input creates
 * nothing. A dry run does all of it and rolls the transaction back, so it reports exactly what the
 * import would: the same findings, the same numbered slug, the same records proposed.
 */
export async function importStory(strapi: Core.Strapi, input: Buffer | string, options: ImportOptions = {}): Promise<ImportReport> {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const known = (await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>;
  if (!known.some((l) => l.code === locale)) {
    throw new ImportInputError(`Unknown locale "${locale}"; the content locales are ${known.map((l) => l.code).join(', ')}.`, 'locale');
  }
  if (typeof input === 'string' && Buffer.byteLength(input, 'utf8') > MAX_IMPORT_BYTES) {
    throw new ImportInputError('The text is over 10 MB; a story to import may be at most 10 MB.', 'too-large');
  }
  const decoded = typeof input === 'string' ? { text: input, encoding: null } : decodeStoryFile(input);
  if (decoded.text.trim() === '') throw new ImportInputError('The text is empty.', 'empty');
  const { sources, authors } = await loadRecords(strapi);
  const story = parseStory(decoded.text, { title: options.title, lookup: recordLookup(sources, authors) });
  const matches = matchRecords(story, sources, authors);
  const quotes = story.quotes.filter((q) => q.speaker !== null);

  const report: ImportReport = {
    dryRun: Boolean(options.dryRun),
    locale,
    encoding: decoded.encoding,
    title: story.title,
    titleFrom: story.titleFrom,
    paragraphs: story.paragraphs.length,
    bylineLine: story.bylineLine,
    boilerplate: story.boilerplate,
    outlet: matches.outlet,
    authors: matches.authors,
    editor: matches.editor,
    republisher: matches.republisher,
    photoCredit: story.photoCredit
      ? { name: story.photoCredit.credit, record: matches.agency?.record ?? null, photographer: story.photoCredit.photographer }
      : null,
    originalTitle: story.credits.originalTitle,
    quotes: story.quotes.map(({ text, speaker, speakerTitle, speakerOrg, speakerFrom, paragraph }) => ({
      text,
      speaker,
      speakerTitle,
      speakerOrg,
      speakerFrom,
      paragraph,
    })),
    notes: [...story.notes],
    undecided: [...story.undecided],
    created: { article: null, sources: [], authors: [], pullQuotes: [] },
    findings: [],
  };
  if (matches.agency && !matches.agency.record) note(report, { code: 'unknown-agency', name: matches.agency.name });

  const cover = story.photoCredit
    ? {
        credit: story.photoCredit.credit,
        agency: matches.agency?.record?.documentId ?? null,
        photographer: story.photoCredit.photographer,
        license: matches.agency?.record ? 'agency' : story.photoCredit.handout ? 'handout' : null,
      }
    : null;
  const guard = strapi.plugin('attribution-guard').service('guard');

  try {
    await strapi.db.transaction(async () => {
      // A story imported twice, or one sharing its title with an existing article, gets a numbered slug.
      const baseSlug = slugFromTitle(story.title);
      let slug = baseSlug;
      for (let n = 2; baseSlug !== '' && (await strapi.db.query(ARTICLE_UID).count({ where: { slug, locale } })) > 0; n += 1) {
        slug = `${baseSlug.slice(0, SLUG_MAX_LENGTH - String(n).length - 1)}-${n}`;
      }
      if (slug !== baseSlug) note(report, { code: 'slug-taken', locale, slug });

      const sourceId = async (match: SourceMatch | null): Promise<string | null> => {
        if (!match) return null;
        if (match.record) return match.record.documentId;
        if (!match.proposal) return null;
        const created = await strapi
          .documents(SOURCE_UID)
          .create({ data: { name: match.proposal.name, kind: match.proposal.kind, aliases: [] } });
        report.created.sources.push(created.documentId);
        return created.documentId;
      };
      const outlet = await sourceId(matches.outlet);
      const republisher = await sourceId(matches.republisher);
      const authorId = async (match: AuthorMatch | null): Promise<string | null> => {
        if (!match) return null;
        if (match.record) return match.record.documentId;
        if (!match.proposal) return null;
        const created = await strapi.documents(AUTHOR_UID).create({
          locale,
          data: { name: match.proposal.name, displayName: match.proposal.name, role: match.proposal.role, aliases: [], outlet },
        });
        report.created.authors.push(created.documentId);
        return created.documentId;
      };
      const people: string[] = [];
      for (const match of matches.authors) {
        const id = await authorId(match);
        if (id && !people.includes(id)) people.push(id);
      }
      const article = await strapi.documents(ARTICLE_UID).create({
        locale,
        data: documentData(ARTICLE_UID, {
          title: story.title,
          ...(slug !== '' ? { slug } : {}),
          body: toBlocks(story.paragraphs),
          ...(cover ? { cover } : {}),
          author: people[0] ?? null,
          coAuthors: people.slice(1),
          editor: await authorId(matches.editor),
          source: outlet,
          republisher,
        }),
      });
      for (const [position, quote] of quotes.entries()) {
        const created = await strapi.documents(PULL_QUOTE_UID).create({
          locale,
          data: documentData(PULL_QUOTE_UID, {
            text: quote.text,
            speaker: quote.speaker,
            speakerTitle: quote.speakerTitle,
            speakerOrg: quote.speakerOrg,
            position,
            article: article.documentId,
          }),
        });
        report.created.pullQuotes.push(created.documentId);
      }
      report.created.article = article.documentId as string;
      // Checked inside the transaction, so a dry run sees the draft exactly as the import makes it.
      report.findings = (await guard.checkDraft(ARTICLE_UID, article.documentId, locale))?.findings ?? [];
      if (options.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
    report.created = { article: null, sources: [], authors: [], pullQuotes: [] };
  }
  return report;
}
