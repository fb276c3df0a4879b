import type { Core } from '@strapi/strapi';
import type { SourceRecord } from '../plugins/attribution-guard/shared/contracts/findings';
import { SOURCE_UID } from '../lib/content-types';
import { creditFromMetadata } from './credit';
import { readPhotoMetadata, type PhotoMetadata } from './read';

type Row = Record<string, any>;
type UploadFile = { filepath?: string; path?: string; mimetype?: string; type?: string };
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

async function agencies(strapi: Core.Strapi): Promise<SourceRecord[]> {
  const rows: Row[] = await strapi.db.query(SOURCE_UID as any).findMany({ where: { kind: { $in: ['agency', 'wire'] } } });
  const byId = new Map<string, SourceRecord>();
  for (const row of rows) {
    if (byId.has(row.documentId) && row.publishedAt === null) continue;
    byId.set(row.documentId, {
      documentId: row.documentId, name: row.name ?? '', shortName: row.shortName ?? null, kind: row.kind ?? null, aliases: list(row.aliases),
      website: null, attributionTemplate: null, agreementId: null, licenseValidFrom: null, licenseValidUntil: null, allowedLocales: [], published: row.publishedAt !== null,
    });
  }
  return [...byId.values()];
}

async function metadataOf(file: UploadFile): Promise<PhotoMetadata | null> {
  const filepath = file.filepath ?? file.path;
  const mime = file.mimetype ?? file.type ?? '';
  if (!filepath || !/^image\/(jpeg|tiff|png|heic|heif|webp)$/u.test(mime)) return null;
  return readPhotoMetadata(filepath);
}

/**
 * Reads the credit and rights a photo carries in its IPTC/XMP/EXIF metadata while the uploaded
 * original is still on disk, before Strapi's image optimisation re-encodes it without metadata, and
 * stores them with the file (origin `file-metadata`). A replacing file's metadata replaces the old
 * file's, all of it — what the old photo said is not true of the new one — but what an editor typed
 * (origin `typed`) stays.
 */
export function readCreditsOnUpload(strapi: Core.Strapi): void {
  const uploadService = strapi.plugin('upload').service('upload') as Record<string, any>;
  const credits = strapi.plugin('attribution-guard').service('media-credits');
  const placeholders = (): string[] => strapi.plugin('attribution-guard').service('guard').config().placeholderCredits;

  const store = async (fileId: number, meta: PhotoMetadata | null) => {
    const credit = meta ? creditFromMetadata(meta, await agencies(strapi), placeholders()) : null;
    await credits.fromFile(fileId, credit);
  };

  const upload = uploadService.upload as (args: { data: unknown; files: UploadFile | UploadFile[] }, opts?: unknown) => Promise<Row[]>;
  uploadService.upload = async (args: { data: unknown; files: UploadFile | UploadFile[] }, opts?: unknown) => {
    const files = Array.isArray(args.files) ? args.files : [args.files];
    const metas = await Promise.all(files.map((file) => metadataOf(file).catch(() => null)));
    const uploaded = await upload.call(uploadService, args, opts);
    for (const [i, file] of uploaded.entries()) await store(file.id as number, metas[i] ?? null);
    return uploaded;
  };

  const replace = uploadService.replace as (id: number, args: { data: unknown; file: UploadFile }, opts?: unknown) => Promise<Row>;
  uploadService.replace = async (id: number, args: { data: unknown; file: UploadFile }, opts?: unknown) => {
    const meta = await metadataOf(args.file).catch(() => null);
    const replaced = await replace.call(uploadService, id, args, opts);
    await store(replaced.id as number, meta);
    return replaced;
  };
}
