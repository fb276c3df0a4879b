import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, AUTHOR_UID, DEFAULT_LOCALE, PULL_QUOTE_UID, SOURCE_UID } from '../lib/content-types';
import { convertBlocks, convertOptional, createConverter, type TextConverter, type TraditionalVariant } from './convert';
import { machineConvertedNote, reviewReasonMessage } from './notes';
import type { EditionResult, FieldChange, LinkedRecordReport, LinkedRole, ReviewReason } from './contract';
import type { Row } from '../lib/row';
import { draftDiffers } from '../plugins/attribution-guard/shared/draft-changes';
import { documentData } from '../lib/document-data';
import { assertAdminCanEntry } from '../lib/admin-can';
import { getBodyText } from '../plugins/attribution-guard/shared/text/blocks-text';
import type { BlocksNode } from '../plugins/attribution-guard/shared/contracts/findings';
import { nextSnapshot, planFields, type ConversionSnapshot, type FieldPlan, type TextFields } from './plan';
import { quoteReviewReasons, textReviewReasons } from './review';
import { sourceDiff } from './diff';

export const ZH_HANS = 'zh-Hans';
export type { EditionResult } from './contract';

export interface EditionOptions {
  from?: TraditionalVariant;
  actor?: { id: number } | null;
  /** The admin request: every write is checked against its user's permissions. Without it (scripts, tests) all is allowed. */
  access?: { state?: { userAbility?: unknown; user?: { id: number; roles?: unknown[] } } } | null;
  /** Apply a refresh whose preview listed changes or hand edits. */
  confirm?: boolean;
  /** Keys of hand-edited fields to overwrite with the new conversion (`FieldChange.key`), or `all`. */
  overwrite?: readonly string[] | 'all';
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const store = (strapi: Core.Strapi) => strapi.store({ type: 'core', name: 'newsroom' });
const snapshotKey = (uid: string, documentId: string) => `zh-hans-conversion:${uid}:${documentId}`;

/** Names never converted: every author's and source's name, short name and aliases, the story's speakers and their organisations, and the configured list. */
export async function protectedNames(strapi: Core.Strapi, speakers: readonly Row[] = []): Promise<string[]> {
  const sources: Row[] = await strapi.db.query(SOURCE_UID).findMany({ select: ['name', 'shortName', 'aliases'] });
  const authors: Row[] = await strapi.db.query(AUTHOR_UID).findMany({ select: ['name', 'displayName', 'aliases'] });
  const configured = list(strapi.config.get('editions.zhHans.protectedNames', []));
  const names = [
    ...sources.flatMap((s) => [s.name, s.shortName, ...list(s.aliases)]),
    ...authors.flatMap((a) => [a.name, a.displayName, ...list(a.aliases)]),
    ...speakers.flatMap((q) => [q.speaker, q.speakerOrg]),
    ...configured,
  ];
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n.trim() !== ''))];
}

// ---- the converted fields of each kind of record --------------------------------------------------

/**
 * Where a photo's caption and alt text are kept between conversions: by its file (and which use of that
 * file), not by its position, so a reordered gallery or a replaced cover keeps each hand edit with its photo.
 */
function imageSlots(images: readonly Row[]): string[] {
  const uses = new Map<string, number>();
  return images.map((image, i) => {
    const file = image?.image?.id;
    const base = file === undefined || file === null ? `p${i}` : `f${String(file)}`;
    const n = uses.get(base) ?? 0;
    uses.set(base, n + 1);
    return n === 0 ? base : `${base}-${n}`;
  });
}

/** The story's photos with their field prefixes (`cover.f12`, `gallery.f7`) and the names an editor reads (`cover`, `gallery.0`). */
function photosOf(row: Row): Array<{ image: Row; prefix: string; shown: string }> {
  const cover = row.cover ? [{ image: row.cover as Row, prefix: `cover.${imageSlots([row.cover])[0]}`, shown: 'cover' }] : [];
  const gallery: Row[] = row.gallery ?? [];
  const slots = imageSlots(gallery);
  return [...cover, ...gallery.map((image, i) => ({ image, prefix: `gallery.${slots[i]}`, shown: `gallery.${i}` }))];
}

/** A photo's file is what identifies it between conversions (see imageSlots). */
const WITH_FILE = { populate: { image: { fields: ['id'] } } };

function articleFields(row: Row | null): TextFields {
  if (!row) return {};
  const fields: TextFields = { title: str(row.title), dek: str(row.dek), body: JSON.stringify(row.body ?? []) };
  for (const { image, prefix } of photosOf(row))
    Object.assign(fields, { [`${prefix}.caption`]: str(image.caption), [`${prefix}.alt`]: str(image.alt) });
  return fields;
}

/** The story's photo fields as the editor reads them: `gallery.f7.alt` is shown as `gallery.2.alt` when that photo is third. */
function articleFieldNames(row: Row): (field: string) => string {
  const names = new Map<string, string>();
  for (const { prefix, shown } of photosOf(row)) for (const part of ['caption', 'alt']) names.set(`${prefix}.${part}`, `${shown}.${part}`);
  return (field) => names.get(field) ?? field;
}

const AUTHOR_TEXT = ['displayName', 'bio'] as const;
const QUOTE_TEXT = ['text', 'speakerTitle'] as const;
const pick = (row: Row | null, keys: readonly string[]): TextFields => (row ? Object.fromEntries(keys.map((k) => [k, str(row[k])])) : {});

function convertFields(fields: TextFields, convert: TextConverter): TextFields {
  return Object.fromEntries(
    Object.entries(fields).map(([field, value]) => [
      field,
      field === 'body' ? JSON.stringify(convertBlocks(JSON.parse(value ?? '[]'), convert)) : convertOptional(value, convert),
    ]),
  );
}

/** The value a field gets: the new conversion, or the zh-Hans text kept. */
const chosen = (plans: FieldPlan[], converted: TextFields, current: TextFields | null) => (field: string) => {
  const plan = plans.find((p) => p.field === field);
  return plan && !plan.write ? (current?.[field] ?? null) : (converted[field] ?? null);
};

function imageData(image: Row | null | undefined, value: (field: string) => string | null, prefix: string): Row | null {
  if (!image) return null;
  return {
    image: image.image?.id ?? null,
    credit: image.credit ?? null,
    agency: image.agency?.documentId ?? null,
    photographer: image.photographer ?? null,
    license: image.license ?? null,
    caption: value(`${prefix}.caption`),
    alt: value(`${prefix}.alt`),
  };
}

// ---- what one record of the edition is made of ------------------------------------------------------

interface Target {
  kind: 'article' | 'author' | 'pull-quote';
  uid: string;
  documentId: string;
  label: string;
  name: string;
  source: TextFields;
  converted: TextFields;
  current: TextFields | null;
  snapshot: ConversionSnapshot | null;
  plans: FieldPlan[];
  /** The name an editor reads for a field (the photos' fields are kept by file). */
  shown: (field: string) => string;
}

async function loadSnapshot(strapi: Core.Strapi, uid: string, documentId: string): Promise<ConversionSnapshot | null> {
  return ((await store(strapi).get({ key: snapshotKey(uid, documentId) })) as ConversionSnapshot | null) ?? null;
}

function target(
  kind: Target['kind'],
  uid: string,
  documentId: string,
  [label, name]: [string, string],
  source: TextFields,
  converted: TextFields,
  current: TextFields | null,
  snapshot: ConversionSnapshot | null,
  overwrite: EditionOptions['overwrite'],
  shown: Target['shown'] = (field) => field,
): Target {
  const prefix = `${kind}:${documentId}:`;
  const plans = planFields({
    source,
    converted,
    current,
    snapshot,
    overwrite: (field) => overwrite === 'all' || (overwrite ?? []).includes(`${prefix}${field}`),
  });
  return { kind, uid, documentId, label, name, source, converted, current, snapshot, plans, shown };
}

function fieldChanges(t: Target): FieldChange[] {
  return t.plans
    .filter((p) => p.sourceChanged || p.handEdited)
    .map((p) => ({
      key: `${t.kind}:${t.documentId}:${p.field}`,
      kind: t.kind,
      uid: t.uid,
      name: t.name,
      record: t.label,
      field: t.shown(p.field),
      sourceChanged: p.sourceChanged,
      handEdited: p.handEdited,
      write: p.write,
      diff: p.sourceChanged ? sourceDiff(t.shown(p.field), p.sourceBefore, p.sourceNow) : null,
    }));
}

const reason = (r: ReviewReason) => ({ ...r, message: reviewReasonMessage(r.code, r.field, r.detail) });
const published = (strapi: Core.Strapi, uid: string, documentId: string, locale: string | null, populate?: Row) =>
  strapi.db.query(uid as UID.ContentType).findOne({
    where: { documentId, ...(locale ? { locale } : {}), publishedAt: { $notNull: true } },
    ...(populate ? { populate } : {}),
  }) as Promise<Row | null>;
const draftOf = (strapi: Core.Strapi, uid: string, documentId: string, locale: string, populate?: Row) =>
  strapi
    .documents(uid as UID.ContentType)
    .findOne({ documentId, locale, status: 'draft', ...(populate ? { populate } : {}) } as never) as Promise<Row | null>;

/**
 * What readers see of an author, compared between a draft and its published version: the converted
 * text, the facts every locale shares (Strapi copies them from one locale's draft to the others') and
 * the outlet. Publishing the zh-Hans version while the zh-Hant draft differs in any of them would put
 * an unpublished zh-Hant change live.
 */
const AUTHOR_SHOWN = [...AUTHOR_TEXT, 'name', 'role', 'aliases', 'url', 'sameAs', 'outlet'] as const;
const WITH_OUTLET = { outlet: { select: ['documentId'] } };
/** The same for the Document Service, which names the columns `fields`. */
const WITH_OUTLET_FIELDS = { outlet: { fields: ['documentId'] } };

/**
 * Creates or refreshes the zh-Hans edition of a zh-Hant article: the article and every record it
 * links. Title, dek, body, captions, authors' display names and bios and pull-quotes are converted
 * with OpenCC (Traditional → mainland Simplified, phrases included), names of people and outlets
 * kept. Authors get a zh-Hans version linked from the story (a localized relation links within one
 * locale), published at once when their zh-Hant version is published and nothing in the conversion
 * needs a person (numbers and names verified); pull-quotes are verified word for word against the
 * converted body and go out with the story, as every story's quotes do. Sources (outlets,
 * republishers, agencies) are one record in every locale and are linked as they are.
 *
 * A refresh of an existing edition whose zh-Hant text changed since the last conversion, or whose
 * zh-Hans text was edited by hand, writes nothing and answers the diff and the hand edits; with
 * `confirm` it applies, keeping every hand edit that `overwrite` does not name. One transaction.
 */
export async function createZhHansEdition(strapi: Core.Strapi, documentId: string, options: EditionOptions = {}): Promise<EditionResult> {
  const from: TraditionalVariant = options.from ?? (String(strapi.config.get('editions.zhHans.from', 'tw')) === 'hk' ? 'hk' : 'tw');
  const articles = strapi.documents(ARTICLE_UID);
  const imagePopulate = { populate: { image: true, agency: true } };
  const source: Row | null = await articles.findOne({
    documentId,
    locale: DEFAULT_LOCALE,
    status: 'draft',
    populate: {
      cover: imagePopulate,
      gallery: imagePopulate,
      author: { populate: { outlet: true } },
      coAuthors: { populate: { outlet: true } },
      editor: { populate: { outlet: true } },
      source: true,
      republisher: true,
      pullQuotes: true,
    },
  });
  if (!source) throw new errors.NotFoundError(`No ${DEFAULT_LOCALE} article ${documentId} to convert.`);
  const existing: Row | null = await draftOf(strapi, ARTICLE_UID, documentId, ZH_HANS, {
    cover: WITH_FILE,
    gallery: WITH_FILE,
    pullQuotes: true,
  });

  const quotes: Row[] = [...(source.pullQuotes ?? [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const names = await protectedNames(strapi, quotes);
  const convert = createConverter(from, names);
  const overwrite = options.overwrite;
  const notes: string[] = [];
  const records: LinkedRecordReport[] = [];

  // People in byline order, each once (an editor may also be a co-author).
  const people: Array<{ role: LinkedRole; row: Row }> = [];
  const seen = new Set<string>();
  const addPerson = (role: LinkedRole, row: Row | null | undefined) => {
    if (!row || seen.has(row.documentId)) return;
    seen.add(row.documentId);
    people.push({ role, row });
  };
  addPerson('author', source.author);
  for (const person of source.coAuthors ?? []) addPerson('co-author', person);
  addPerson('editor', source.editor);

  const articleSource = articleFields(source);
  const articleTarget = target(
    'article',
    ARTICLE_UID,
    documentId,
    ['article', ''],
    articleSource,
    convertFields(articleSource, convert),
    existing ? articleFields(existing) : null,
    existing ? await loadSnapshot(strapi, ARTICLE_UID, documentId) : null,
    overwrite,
    articleFieldNames(source),
  );
  const authorTargets: Target[] = [];
  for (const { row } of people) {
    const hans = await draftOf(strapi, AUTHOR_UID, row.documentId, ZH_HANS);
    const fields = pick(row, AUTHOR_TEXT);
    authorTargets.push(
      target(
        'author',
        AUTHOR_UID,
        row.documentId,
        [`author ${row.name}`, String(row.name)],
        fields,
        convertFields(fields, convert),
        hans ? pick(hans, AUTHOR_TEXT) : null,
        hans ? await loadSnapshot(strapi, AUTHOR_UID, row.documentId) : null,
        overwrite,
      ),
    );
  }
  const quoteTargets: Target[] = [];
  for (const quote of quotes) {
    const hans = await draftOf(strapi, PULL_QUOTE_UID, quote.documentId, ZH_HANS);
    const fields = pick(quote, QUOTE_TEXT);
    quoteTargets.push(
      target(
        'pull-quote',
        PULL_QUOTE_UID,
        quote.documentId,
        [`pull-quote ${quote.position ?? 0} (${quote.speaker})`, String(quote.speaker ?? '')],
        fields,
        convertFields(fields, convert),
        hans ? pick(hans, QUOTE_TEXT) : null,
        hans ? await loadSnapshot(strapi, PULL_QUOTE_UID, quote.documentId) : null,
        overwrite,
      ),
    );
  }
  const keptQuoteIds = new Set(quotes.map((q) => q.documentId as string));
  const dropped: Row[] = (existing?.pullQuotes ?? []).filter((q: Row) => !keptQuoteIds.has(q.documentId));

  const targets = [articleTarget, ...authorTargets, ...quoteTargets];
  const changes = targets.flatMap(fieldChanges);
  const base = {
    documentId,
    locale: ZH_HANS,
    created: !existing,
    machineConverted: true,
    needsReview: true,
    from,
    convertedAt: new Date().toISOString(),
    pullQuotes: quotes.length,
  } as const;

  // A refresh that would change or keep anything an editor should know of is shown first.
  if (existing && !options.confirm && (changes.length > 0 || dropped.length > 0)) {
    for (const q of dropped)
      records.push({
        role: 'pull-quote',
        uid: PULL_QUOTE_UID,
        documentId: q.documentId,
        name: q.speaker ?? '',
        localized: true,
        action: 'unlinked',
        status: q.publishedAt ? 'published' : 'draft',
        linked: true,
        reasons: [],
      });
    return {
      ...base,
      applied: false,
      needsConfirmation: true,
      records,
      changes,
      notes: ['The zh-Hant story changed or the zh-Hans edition was edited by hand: read the changes, then refresh again with confirm.'],
    };
  }

  const access = options.access ?? null;
  const may = async (action: 'create' | 'update' | 'publish', uid: string, id: string, whenMissing?: 'create'): Promise<boolean> => {
    if (!access) return true;
    try {
      await assertAdminCanEntry(strapi, access, action, uid, { documentId: id, locale: ZH_HANS, ...(whenMissing ? { whenMissing } : {}) });
      return true;
    } catch (error) {
      if (error instanceof errors.PolicyError) return false;
      throw error;
    }
  };
  const actorFields = (exists: boolean) =>
    options.actor ? (exists ? { updatedBy: options.actor.id } : { createdBy: options.actor.id, updatedBy: options.actor.id }) : {};
  const snapshots: Array<{ uid: string; documentId: string; value: ConversionSnapshot }> = [];
  const at = base.convertedAt;

  await strapi.db.transaction(async () => {
    // 1. The people: their zh-Hans versions must exist before the story can link them.
    const linkable = new Map<string, boolean>();
    for (const [i, t] of authorTargets.entries()) {
      const { role, row } = people[i]!;
      const exists = t.current !== null;
      const report: LinkedRecordReport = {
        role,
        uid: AUTHOR_UID,
        documentId: t.documentId,
        name: row.name,
        localized: true,
        action: exists ? 'refreshed' : 'created',
        status: 'draft',
        linked: false,
        reasons: [],
      };
      records.push(report);
      if (!(await may(exists ? 'update' : 'create', AUTHOR_UID, t.documentId, 'create'))) {
        report.action = 'skipped';
        report.reasons.push(reason({ code: 'no-permission', detail: exists ? 'update' : 'create' }));
        linkable.set(t.documentId, exists);
        if (!exists)
          notes.push(`The ${role} ${row.name} has no ${ZH_HANS} profile and your role may not create one: an editor's refresh does.`);
        continue;
      }
      const value = chosen(t.plans, t.converted, t.current);
      await strapi.documents(AUTHOR_UID).update({
        documentId: t.documentId,
        locale: ZH_HANS,
        data: documentData(AUTHOR_UID, {
          displayName: value('displayName'),
          bio: value('bio'),
          name: row.name,
          role: row.role,
          aliases: row.aliases ?? [],
          url: row.url ?? null,
          sameAs: row.sameAs ?? null,
          outlet: row.outlet?.documentId ?? null,
          ...actorFields(exists),
        }),
      });
      linkable.set(t.documentId, true);
      const stored = await draftOf(strapi, AUTHOR_UID, t.documentId, ZH_HANS, WITH_OUTLET_FIELDS);
      snapshots.push({
        uid: AUTHOR_UID,
        documentId: t.documentId,
        value: nextSnapshot(t.plans, pick(stored, AUTHOR_TEXT), t.converted, t.snapshot, { from, at }),
      });

      const live = await published(strapi, AUTHOR_UID, t.documentId, DEFAULT_LOCALE, WITH_OUTLET);
      const reasons: ReviewReason[] = [];
      if (!live) reasons.push({ code: 'not-published-in-source' });
      else if (draftDiffers(row, live, AUTHOR_SHOWN)) reasons.push({ code: 'source-has-unpublished-changes' });
      reasons.push(
        ...textReviewReasons(
          AUTHOR_TEXT.map((f) => ({ field: f, before: t.source[f] ?? null, after: t.converted[f] ?? null })),
          names,
        ),
      );
      for (const p of t.plans) if (!p.write) reasons.push({ code: 'hand-edited', field: p.field });
      if (reasons.length === 0 && !(await may('publish', AUTHOR_UID, t.documentId)))
        reasons.push({ code: 'no-permission', detail: 'publish' });
      if (reasons.length === 0) {
        const hansLive = await published(strapi, AUTHOR_UID, t.documentId, ZH_HANS, WITH_OUTLET);
        if (draftDiffers(stored ?? {}, hansLive, AUTHOR_SHOWN))
          await strapi.documents(AUTHOR_UID).publish({ documentId: t.documentId, locale: ZH_HANS });
      }
      report.reasons.push(...reasons.map(reason));
    }
    const personIn = (row: Row | null | undefined): string | null =>
      row && linkable.get(row.documentId) ? (row.documentId as string) : null;

    // 2. The story.
    const value = chosen(articleTarget.plans, articleTarget.converted, articleTarget.current);
    const keep = (field: string) => articleTarget.plans.find((p) => p.field === field)?.write === false;
    const photos = photosOf(source);
    const cover = photos.find((p) => p.shown === 'cover');
    const data: Row = {
      ...(keep('title') ? {} : { title: value('title') }),
      ...(keep('dek') ? {} : { dek: value('dek') }),
      ...(keep('body') ? {} : { body: JSON.parse(value('body') ?? '[]') }),
      cover: cover ? imageData(cover.image, value, cover.prefix) : null,
      gallery: photos.filter((p) => p !== cover).map((p) => imageData(p.image, value, p.prefix)),
      author: personIn(source.author),
      coAuthors: (source.coAuthors ?? []).map(personIn).filter((id: string | null): id is string => id !== null),
      editor: personIn(source.editor),
      source: source.source?.documentId ?? null,
      republisher: source.republisher?.documentId ?? null,
      originalUrl: source.originalUrl ?? null,
      ...actorFields(existing !== null),
    };
    await articles.update({ documentId, locale: ZH_HANS, data: documentData(ARTICLE_UID, data) });
    const storedArticle = await draftOf(strapi, ARTICLE_UID, documentId, ZH_HANS, { cover: WITH_FILE, gallery: WITH_FILE });
    snapshots.push({
      uid: ARTICLE_UID,
      documentId,
      value: nextSnapshot(articleTarget.plans, articleFields(storedArticle), articleTarget.converted, articleTarget.snapshot, { from, at }),
    });
    const normalisedBody = getBodyText((storedArticle?.body ?? []) as BlocksNode[]).normalised;

    // 3. The pull-quotes, checked against the body as stored; they are published with the story.
    for (const [i, t] of quoteTargets.entries()) {
      const quote = quotes[i]!;
      const exists = t.current !== null;
      const report: LinkedRecordReport = {
        role: 'pull-quote',
        uid: PULL_QUOTE_UID,
        documentId: t.documentId,
        name: quote.speaker ?? '',
        localized: true,
        action: exists ? 'refreshed' : 'created',
        status: 'draft',
        linked: false,
        reasons: [],
      };
      records.push(report);
      if (!(await may(exists ? 'update' : 'create', PULL_QUOTE_UID, t.documentId, 'create'))) {
        report.action = 'skipped';
        report.reasons.push(reason({ code: 'no-permission', detail: exists ? 'update' : 'create' }));
        continue;
      }
      const quoteValue = chosen(t.plans, t.converted, t.current);
      await strapi.documents(PULL_QUOTE_UID).update({
        documentId: t.documentId,
        locale: ZH_HANS,
        data: documentData(PULL_QUOTE_UID, {
          text: quoteValue('text'),
          speakerTitle: quoteValue('speakerTitle'),
          speaker: quote.speaker,
          speakerOrg: quote.speakerOrg,
          position: quote.position,
          article: documentId,
          ...actorFields(exists),
        }),
      });
      report.linked = true;
      const stored = await draftOf(strapi, PULL_QUOTE_UID, t.documentId, ZH_HANS);
      snapshots.push({
        uid: PULL_QUOTE_UID,
        documentId: t.documentId,
        value: nextSnapshot(t.plans, pick(stored, QUOTE_TEXT), t.converted, t.snapshot, { from, at }),
      });
      const reasons = [
        ...quoteReviewReasons({ text: str(stored?.text), speaker: str(stored?.speaker) }, normalisedBody),
        ...textReviewReasons(
          QUOTE_TEXT.map((f) => ({ field: f, before: t.source[f] ?? null, after: t.converted[f] ?? null })),
          names,
        ),
        ...t.plans.filter((p) => !p.write).map((p): ReviewReason => ({ code: 'hand-edited', field: p.field })),
      ];
      report.reasons.push(...(reasons.length > 0 ? reasons : [{ code: 'publishes-with-story' as const }]).map(reason));
    }

    // 4. Quotes the zh-Hant story no longer has leave the zh-Hans story too (the records stay).
    for (const quote of dropped) {
      const report: LinkedRecordReport = {
        role: 'pull-quote',
        uid: PULL_QUOTE_UID,
        documentId: quote.documentId,
        name: quote.speaker ?? '',
        localized: true,
        action: 'unlinked',
        status: 'draft',
        linked: false,
        reasons: [],
      };
      records.push(report);
      if (await may('update', PULL_QUOTE_UID, quote.documentId)) {
        await strapi
          .documents(PULL_QUOTE_UID)
          .update({ documentId: quote.documentId, locale: ZH_HANS, data: documentData(PULL_QUOTE_UID, { article: null }) });
      } else {
        report.linked = true;
        report.reasons.push(reason({ code: 'no-permission', detail: 'update' }));
      }
    }

    for (const s of snapshots) await store(strapi).set({ key: snapshotKey(s.uid, s.documentId), value: s.value });
  });

  // Where each record stands now, and the shared sources as they are.
  for (const report of records) {
    if (report.uid === AUTHOR_UID)
      report.linked =
        report.linked ||
        (await strapi.db.query(ARTICLE_UID).count({
          where: {
            documentId,
            locale: ZH_HANS,
            publishedAt: null,
            $or: [
              { author: { documentId: report.documentId } },
              { coAuthors: { documentId: report.documentId } },
              { editor: { documentId: report.documentId } },
            ],
          },
        })) > 0;
    const hansDraft = await strapi.db
      .query(report.uid as UID.ContentType)
      .findOne({ where: { documentId: report.documentId, locale: ZH_HANS }, select: ['id'] });
    report.status = (await published(strapi, report.uid, report.documentId, ZH_HANS)) ? 'published' : hansDraft ? 'draft' : 'missing';
  }
  const sharedSource = async (role: LinkedRole, row: Row | null | undefined) => {
    if (!row?.documentId || records.some((r) => r.uid === SOURCE_UID && r.documentId === row.documentId && r.role === role)) return;
    const live = await published(strapi, SOURCE_UID, row.documentId, null);
    records.push({
      role,
      uid: SOURCE_UID,
      documentId: row.documentId,
      name: row.name,
      localized: false,
      action: 'shared',
      status: live ? 'published' : 'draft',
      linked: true,
      reasons: live ? [] : [reason({ code: 'not-published-in-source' })],
    });
  };
  await sharedSource('outlet', source.source);
  await sharedSource('republisher', source.republisher);
  for (const image of [source.cover, ...(source.gallery ?? [])]) await sharedSource('agency', image?.agency);

  const result: EditionResult = { ...base, applied: true, needsConfirmation: false, records, changes, notes };
  await store(strapi).set({ key: `zh-hans-edition:${documentId}`, value: result });
  const workflow = strapi.plugin('editorial-workflow');
  if (workflow) {
    await workflow
      .service('workflow')
      .setStage({ uid: ARTICLE_UID, documentId, locale: ZH_HANS }, 'in-review', machineConvertedNote(DEFAULT_LOCALE, from));
  }
  return result;
}

/** Whether the zh-Hant author's outlet in the draft is not the published one's. */
/** The machine-conversion mark of an article's zh-Hans edition, or null if it was never converted. */
export async function editionMark(strapi: Core.Strapi, documentId: string): Promise<EditionResult | null> {
  return ((await store(strapi).get({ key: `zh-hans-edition:${documentId}` })) as EditionResult | null) ?? null;
}
