import type { Core } from '@strapi/strapi';
import type { ArticleSnapshot, Finding, SourceRecord } from '../../../shared/contracts/findings';
import type { ArticlePreview, CheckResponse, FileRights } from '../../../shared/contracts/admin-api';
import { renderByline } from '../../../shared/byline';
import { FILE_UID, MEDIA_CREDIT_UID } from '../constants';
import { getService } from '../utils/get-service';
import { getBodyText } from '../../../shared/text/blocks-text';
import { closestSentence } from '../../../shared/text/closest-sentence';
import { id as VERBATIM_RULE } from '../rules/pull-quote.verbatim';
import type { Row } from '../utils/row';

/** Findings about one thing on the form: the path itself or anything under it (`cover`, `cover.credit`). */
const findingsUnder = (findings: Finding[], path: string): Finding[] =>
  findings.filter((f) => f.path === path || f.path.startsWith(`${path}.`));

/**
 * What the side panel shows next to the findings: the byline as readers see it, every image with its
 * credit, every pull-quote. Built from the same snapshot the rules read, so the two always agree.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function thumbnails(fileIds: number[]): Promise<Map<number, string | null>> {
    if (fileIds.length === 0) return new Map();
    const rows: Row[] = await strapi.db
      .query(FILE_UID)
      .findMany({ where: { id: { $in: [...new Set(fileIds)] } }, select: ['id', 'url', 'formats'] });
    return new Map(
      rows.map((row) => [row.id as number, (row.formats?.thumbnail?.url as string | undefined) ?? (row.url as string | null) ?? null]),
    );
  }

  /** The rights each file states about itself, as read from it on upload; the rules do not need them, the editor does. */
  async function fileRights(fileIds: number[]): Promise<Map<number, FileRights>> {
    if (fileIds.length === 0) return new Map();
    const rows: Row[] = await strapi.db.query(MEDIA_CREDIT_UID).findMany({
      where: { fileId: { $in: [...new Set(fileIds)] } },
      select: ['fileId', 'copyright', 'usageTerms', 'webStatement', 'licensor', 'licensorUrl'],
    });
    return new Map(
      rows.map((row) => [
        row.fileId as number,
        {
          copyright: row.copyright ?? null,
          usageTerms: row.usageTerms ?? null,
          webStatement: row.webStatement ?? null,
          licensor: row.licensor ?? null,
          licensorUrl: row.licensorUrl ?? null,
        },
      ]),
    );
  }

  async function describe(article: ArticleSnapshot, findings: Finding[]): Promise<ArticlePreview> {
    const fileIds = article.images.map((i) => i.fileId).filter((id): id is number => id !== null);
    const [thumbs, rights] = await Promise.all([thumbnails(fileIds), fileRights(fileIds)]);
    const NO_RIGHTS: FileRights = { copyright: null, usageTerms: null, webStatement: null, licensor: null, licensorUrl: null };
    const agency = (source: SourceRecord | null) => (source ? { documentId: source.documentId, name: source.name } : null);
    // Cached per body array: the verbatim rule has read it already.
    const { paragraphs } = getBodyText(article.body);
    const linked = [
      article.author,
      ...article.coAuthors,
      article.editor,
      article.source,
      article.republisher,
      ...article.images.map((i) => i.agency),
    ];
    return {
      draftLinks: linked.filter((record) => record !== null && !record.published).length,
      byline: renderByline({
        locale: article.locale,
        outlet: article.source ? { name: article.source.name, attributionTemplate: article.source.attributionTemplate } : null,
        republisher: article.republisher,
        author: article.author,
        coAuthors: article.coAuthors,
        editor: article.editor,
      }),
      images: article.images.map((image) => ({
        path: image.path,
        fileId: image.fileId,
        name: image.name,
        url: image.url,
        thumbnailUrl: (image.fileId !== null ? thumbs.get(image.fileId) : null) ?? image.url,
        credit: image.credit,
        creditOrigin: image.creditOrigin,
        storedCreditSource: image.storedCreditSource ?? null,
        agency: agency(image.agency),
        photographer: image.photographer,
        license: image.license,
        rights: image.fileId !== null ? (rights.get(image.fileId) ?? NO_RIGHTS) : null,
        findings: findingsUnder(findings, image.path),
      })),
      pullQuotes: article.pullQuotes.map((quote) => {
        const own = findingsUnder(findings, quote.path);
        const misquoted = own.some((f) => f.rule === VERBATIM_RULE);
        return {
          documentId: quote.documentId,
          path: quote.path,
          text: quote.text,
          speaker: quote.speaker,
          published: quote.published,
          closest: misquoted ? (closestSentence(quote.text, paragraphs)?.text ?? null) : null,
          findings: own,
        };
      }),
    };
  }

  return {
    /**
     * Checks the stored draft, or the form as the editor has it (unsaved edits included, relation
     * changes applied to the stored draft). Null when there is no draft to check.
     */
    async check(
      uid: string,
      input: { documentId?: string; locale: string; data?: Record<string, unknown> },
    ): Promise<CheckResponse | null> {
      const guard = getService(strapi, 'guard');
      const snapshots = getService(strapi, 'snapshot');
      await guard.refresh();
      let snapshot: Awaited<ReturnType<typeof snapshots.fromData>> | null;
      if (input.data) {
        const data = await getService(strapi, 'form-data').resolve(uid, input.data, input.locale, input.documentId);
        snapshot = await snapshots.fromData(uid, data, input.locale, input.documentId);
      } else {
        snapshot = input.documentId ? await snapshots.fromDraft(uid, input.documentId, input.locale) : null;
      }
      if (!snapshot) return null;
      const result = guard.evaluate(snapshot);
      const rules = guard.config().rules;
      const overridable = result.findings.every((f) => f.severity !== 'error' || rules[f.rule].overridable);
      const gates = await getService(strapi, 'publish-conditions').evaluate({
        uid,
        documentId: input.documentId ?? null,
        locale: input.locale,
      });
      return { ...result, title: snapshot.article.title, overridable, preview: await describe(snapshot.article, result.findings), gates };
    },
  };
};
