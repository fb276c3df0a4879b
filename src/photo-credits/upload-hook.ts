import type { Core } from '@strapi/strapi';
import type { SourceRecord } from '../plugins/attribution-guard/shared/contracts/findings';
import { SOURCE_UID } from '../lib/content-types';
import { creditFromMetadata } from './credit';
import { readPhotoMetadata, type PhotoMetadata } from './read';
import type { Row } from '../lib/row';
import { uploadService, type ReplaceArgs, type UploadArgs, type UploadFile } from '../uploads/upload-service';

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

async function agencies(strapi: Core.Strapi): Promise<SourceRecord[]> {
  const rows: Row[] = await strapi.db.query(SOURCE_UID).findMany({ where: { kind: { $in: ['agency', 'wire'] } } });
  const byId = new Map<string, SourceRecord>();
  for (const row of rows) {
    if (byId.has(row.documentId) && row.publishedAt === null) continue;
    byId.set(row.documentId, {
      documentId: row.documentId,
      name: row.name ?? '',
      shortName: row.shortName ?? null,
      kind: row.kind ?? null,
      aliases: list(row.aliases),
      website: null,
      attributionTemplate: null,
      agreementId: null,
      licenseValidFrom: null,
      licenseValidUntil: null,
      allowedLocales: [],
      published: row.publishedAt !== null,
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
  const service = uploadService(strapi);
  const credits = strapi.plugin('attribution-guard').service('media-credits');
  const placeholders = (): string[] => strapi.plugin('attribution-guard').service('guard').config().placeholderCredits;

  const store = async (fileId: number, meta: PhotoMetadata | null) => {
    const credit = meta ? creditFromMetadata(meta, await agencies(strapi), placeholders()) : null;
    await credits.fromFile(fileId, credit);
  };

  const upload = service.upload;
  service.upload = async (args: UploadArgs, ...rest: unknown[]) => {
    const files = Array.isArray(args.files) ? args.files : [args.files];
    const metas = await Promise.all(files.map((file) => metadataOf(file).catch(() => null)));
    const uploaded = await upload.call(service, args, ...rest);
    for (const [i, file] of uploaded.entries()) await store(file.id as number, metas[i] ?? null);
    return uploaded;
  };

  const replace = service.replace;
  service.replace = async (id: number, args: ReplaceArgs, ...rest: unknown[]) => {
    const meta = await metadataOf(args.file).catch(() => null);
    const replaced = await replace.call(service, id, args, ...rest);
    await store(replaced.id as number, meta);
    return replaced;
  };
}
