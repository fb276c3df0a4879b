import type { Core } from '@strapi/strapi';
import type {
  ArticleSnapshot,
  AuthorRecord,
  BlocksNode,
  ImageUsage,
  License,
  PullQuoteRecord,
  SourceRecord,
} from '../../../shared/contracts/findings';
import { AUTHOR_UID, FILE_UID, MEDIA_CREDIT_UID, PULL_QUOTE_UID, SOURCE_UID } from '../constants';
import { authorRecordOf, sourceRecordOf, str } from '../../../shared/records';
import { isLocalized } from '../utils/localized';
import type { Row } from '../utils/row';

/* Rows as the database layer returns them (only the fields read here). */
type Ref = string | { documentId?: string; id?: number } | null | undefined;

const refId = (ref: Ref): string | null => (typeof ref === 'string' ? ref : (ref?.documentId ?? null));
const fileRefId = (ref: unknown): number | null =>
  typeof ref === 'number' ? ref : ref && typeof ref === 'object' && typeof (ref as Row).id === 'number' ? (ref as Row).id : null;

const ARTICLE_POPULATE = {
  author: { populate: { outlet: { select: ['documentId'] } } },
  coAuthors: { populate: { outlet: { select: ['documentId'] } } },
  editor: { populate: { outlet: { select: ['documentId'] } } },
  source: true,
  republisher: true,
  pullQuotes: true,
  cover: { populate: { image: true, agency: true } },
  gallery: { populate: { image: true, agency: true } },
} as const;

/**
 * Builds the plain data the rules read — the article's draft with its relations, media credits and the
 * publication state of everything it links to — in a fixed, small number of queries.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** documentId (and `documentId:locale` for localized types) of every published row among `ids`. */
  async function publishedKeys(uid: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await strapi.db.query(uid).findMany({
      select: ['documentId', 'locale'],
      where: { documentId: { $in: [...new Set(ids)] }, publishedAt: { $notNull: true } },
    });
    return new Set(rows.flatMap((r: Row) => [r.documentId, `${r.documentId}:${r.locale}`]));
  }

  /** Every source as the draft (current) data, with whether a published version exists. */
  async function allSources(): Promise<Map<string, SourceRecord>> {
    const rows = await strapi.db.query(SOURCE_UID).findMany({ orderBy: { id: 'asc' } });
    const published = new Set(rows.filter((r: Row) => r.publishedAt).map((r: Row) => r.documentId));
    const byId = new Map<string, SourceRecord>();
    for (const row of rows) if (!row.publishedAt) byId.set(row.documentId, sourceRecordOf(row, published.has(row.documentId)));
    // A source only ever published (no draft row) still counts.
    for (const row of rows) if (!byId.has(row.documentId)) byId.set(row.documentId, sourceRecordOf(row, true));
    return byId;
  }

  /** Credits stored with media files, by file id. */
  async function fileCredits(fileIds: number[]): Promise<Map<number, Row>> {
    if (fileIds.length === 0) return new Map();
    const rows = await strapi.db
      .query(MEDIA_CREDIT_UID)
      .findMany({ where: { fileId: { $in: [...new Set(fileIds)] } }, populate: { agency: true } });
    return new Map(rows.map((r: Row) => [r.fileId as number, r]));
  }

  /** Blocks image nodes carry the media object; older nodes may lack its id, so those are found by URL. */
  async function bodyImageFiles(body: BlocksNode[]): Promise<Array<{ index: number; file: Row | null }>> {
    const nodes = body.flatMap((node, index) => (node?.type === 'image' ? [{ index, image: (node.image ?? null) as Row | null }] : []));
    const urls = nodes.filter((n) => n.image && typeof n.image.id !== 'number' && n.image.url).map((n) => n.image!.url as string);
    const byUrl = new Map<string, Row>();
    if (urls.length > 0) {
      const rows = await strapi.db.query(FILE_UID).findMany({ where: { url: { $in: urls } } });
      for (const row of rows) byUrl.set(row.url, row);
    }
    return nodes.map(({ index, image }) => ({
      index,
      file: image ? (typeof image.id === 'number' ? image : (byUrl.get(image.url) ?? image)) : null,
    }));
  }

  async function build(article: Row, locale: string): Promise<{ article: ArticleSnapshot; sources: SourceRecord[] }> {
    const body: BlocksNode[] = Array.isArray(article.body) ? article.body : [];
    const usages: Array<{ path: string; component: Row | null; file: Row | null }> = [];
    if (article.cover) usages.push({ path: 'cover', component: article.cover, file: article.cover.image ?? null });
    (Array.isArray(article.gallery) ? article.gallery : []).forEach((item: Row, i: number) =>
      usages.push({ path: `gallery.${i}`, component: item, file: item?.image ?? null }),
    );
    for (const { index, file } of await bodyImageFiles(body)) usages.push({ path: `body.${index}`, component: null, file });

    const coAuthorRows = (Array.isArray(article.coAuthors) ? article.coAuthors : []).filter(Boolean) as Row[];
    const authors = [article.author, article.editor, ...coAuthorRows].filter(Boolean) as Row[];
    const quotes = (Array.isArray(article.pullQuotes) ? article.pullQuotes : []) as Row[];
    const [sources, publishedAuthors, publishedQuotes, credits] = await Promise.all([
      allSources(),
      publishedKeys(
        AUTHOR_UID,
        authors.map((a) => a.documentId),
      ),
      publishedKeys(PULL_QUOTE_UID, quotes.map((q) => q.documentId).filter(Boolean)),
      fileCredits(usages.map((u) => fileRefId(u.file)).filter((id): id is number => id !== null)),
    ]);

    const source = (row: Row | null | undefined): SourceRecord | null =>
      row?.documentId ? (sources.get(row.documentId) ?? sourceRecordOf(row, false)) : null;
    const author = (row: Row | null | undefined): AuthorRecord | null =>
      row?.documentId ? authorRecordOf(row, publishedAuthors.has(row.locale ? `${row.documentId}:${row.locale}` : row.documentId)) : null;

    const images: ImageUsage[] = usages.map(({ path, component, file }) => {
      const fileId = fileRefId(file);
      const stored = fileId !== null ? credits.get(fileId) : undefined;
      const usageCredit = str(component?.credit);
      const storedCredit = str(stored?.credit);
      return {
        path,
        fileId,
        url: str(file?.url),
        name: str(file?.name),
        credit: usageCredit ?? storedCredit,
        agency: source(component?.agency) ?? (usageCredit ? null : source(stored?.agency)),
        photographer: str(component?.photographer) ?? str(stored?.photographer),
        license: ((component?.license ?? stored?.license) as License | undefined) ?? null,
        creditOrigin: usageCredit ? 'usage' : storedCredit ? 'file' : 'none',
        storedCreditSource: !usageCredit && storedCredit ? (stored?.origin === 'file-metadata' ? 'file-metadata' : 'typed') : null,
      };
    });

    const pullQuotes: PullQuoteRecord[] = [...quotes]
      .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
      .map((q, i) => ({
        documentId: q.documentId ?? null,
        path: `pullQuotes.${i}`,
        text: q.text ?? '',
        speaker: str(q.speaker),
        speakerTitle: str(q.speakerTitle),
        speakerOrg: str(q.speakerOrg),
        published: q.documentId ? publishedQuotes.has(`${q.documentId}:${q.locale ?? locale}`) : false,
      }));

    return {
      article: {
        documentId: article.documentId ?? null,
        locale,
        title: str(article.title),
        body,
        author: author(article.author),
        coAuthors: coAuthorRows.map((row) => author(row)).filter((a): a is AuthorRecord => a !== null),
        editor: author(article.editor),
        source: source(article.source),
        republisher: source(article.republisher),
        originalUrl: str(article.originalUrl),
        images,
        pullQuotes,
      },
      sources: [...sources.values()],
    };
  }

  async function loadDraft(uid: string, documentId: string, locale: string, status: 'draft' | 'published' = 'draft'): Promise<Row | null> {
    const publishedAt = status === 'draft' ? null : { $notNull: true };
    return strapi.db.query(uid).findOne({ where: { documentId, locale, publishedAt }, populate: ARTICLE_POPULATE });
  }

  /** Rows for relation references given as documentIds, in the article's locale where the target is localized. */
  async function rowsByDocumentId(uid: string, refs: Ref[], locale: string, populate?: object): Promise<Map<string, Row>> {
    const ids = refs.map(refId).filter((id): id is string => !!id);
    if (ids.length === 0) return new Map();
    const localized = isLocalized(strapi, uid);
    const rows = await strapi.db.query(uid).findMany({
      where: { documentId: { $in: ids }, publishedAt: null, ...(localized ? { locale } : {}) },
      ...(populate ? { populate } : {}),
    });
    return new Map(rows.map((r: Row) => [r.documentId as string, r]));
  }

  return {
    /** The stored draft of one locale; null when the document has no draft in that locale. */
    async fromDraft(uid: string, documentId: string, locale: string) {
      const row = await loadDraft(uid, documentId, locale);
      return row ? build(row, locale) : null;
    },

    /** The live version of one locale, as readers have it now; null when it is not published. */
    async fromPublished(uid: string, documentId: string, locale: string) {
      const row = await loadDraft(uid, documentId, locale, 'published');
      return row ? build(row, locale) : null;
    },

    /**
     * The article as an editor has it in the form, unsaved edits included: fields present in `data`
     * replace the stored draft's. Relations are given by documentId, media by file id.
     */
    async fromData(uid: string, data: Row, locale: string, documentId?: string) {
      const stored = documentId ? ((await loadDraft(uid, documentId, locale)) ?? {}) : {};
      const merged: Row = { ...stored, documentId: documentId ?? null };
      for (const key of ['title', 'body', 'originalUrl'] as const) if (key in data) merged[key] = data[key];

      const relationKeys = ['author', 'editor', 'source', 'republisher'] as const;
      const authorRefs = relationKeys
        .slice(0, 2)
        .filter((k) => k in data)
        .map((k) => data[k] as Ref);
      const sourceRefs = [
        ...relationKeys
          .slice(2)
          .filter((k) => k in data)
          .map((k) => data[k] as Ref),
        ...[data.cover, ...(Array.isArray(data.gallery) ? data.gallery : [])].map((c: Row | undefined) => c?.agency as Ref),
      ];
      const images = [data.cover, ...(Array.isArray(data.gallery) ? data.gallery : [])]
        .map((c: Row | undefined) => fileRefId(c?.image))
        .filter((id): id is number => id !== null);
      const coAuthorRefs = Array.isArray(data.coAuthors) ? (data.coAuthors as Ref[]) : [];
      const quoteRefs = Array.isArray(data.pullQuotes)
        ? data.pullQuotes.filter((q: unknown) => typeof q === 'string' || (q as Row)?.documentId)
        : [];

      const [authorRows, sourceRows, fileRows, quoteRows] = await Promise.all([
        rowsByDocumentId(AUTHOR_UID, [...authorRefs, ...coAuthorRefs], locale, { outlet: { select: ['documentId'] } }),
        rowsByDocumentId(SOURCE_UID, sourceRefs, locale),
        images.length ? strapi.db.query(FILE_UID).findMany({ where: { id: { $in: images } } }) : Promise.resolve([]),
        rowsByDocumentId(PULL_QUOTE_UID, quoteRefs, locale),
      ]);
      const files = new Map((fileRows as Row[]).map((f) => [f.id as number, f]));
      const relation = (rows: Map<string, Row>, ref: Ref) => (refId(ref) ? (rows.get(refId(ref)!) ?? { documentId: refId(ref) }) : null);

      for (const key of relationKeys) {
        if (key in data) merged[key] = relation(key === 'author' || key === 'editor' ? authorRows : sourceRows, data[key] as Ref);
      }
      const component = (c: Row | null | undefined) =>
        c
          ? {
              ...c,
              image: fileRefId(c.image) !== null ? (files.get(fileRefId(c.image)!) ?? { id: fileRefId(c.image) }) : null,
              agency: relation(sourceRows, c.agency as Ref),
            }
          : null;
      if ('coAuthors' in data) merged.coAuthors = coAuthorRefs.map((ref) => relation(authorRows, ref)).filter(Boolean);
      if ('cover' in data) merged.cover = component(data.cover);
      if ('gallery' in data) merged.gallery = (Array.isArray(data.gallery) ? data.gallery : []).map(component);
      if ('pullQuotes' in data) {
        merged.pullQuotes = (Array.isArray(data.pullQuotes) ? data.pullQuotes : []).map((q: Row | string, position: number) =>
          typeof q === 'string'
            ? { ...(quoteRows.get(q) ?? { documentId: q }), position }
            : { ...(q.documentId ? quoteRows.get(q.documentId) : {}), ...q, position: q.position ?? position },
        );
      }
      return build(merged, locale);
    },
  };
};
