import type { Core } from '@strapi/strapi';
import type { Row } from '../lib/row';

/** A file as Strapi's upload service receives it (formidable's fields, and Strapi's own after detection). */
export interface UploadFile {
  detectedMimeType?: string;
  filepath?: string;
  path?: string;
  originalFilename?: string;
  name?: string;
  mimetype?: string;
  type?: string;
}

export interface UploadArgs {
  data?: unknown;
  files: UploadFile | UploadFile[];
}

export interface ReplaceArgs {
  data?: unknown;
  file: UploadFile;
}

/**
 * The two methods of Strapi's upload service that every upload route (admin, content API, from a URL)
 * goes through, which the app wraps to vet files and read their credits. Strapi types the service as
 * a plain object; this names the part used.
 */
export interface UploadService {
  upload(args: UploadArgs, ...rest: unknown[]): Promise<Row[]>;
  replace(id: number, args: ReplaceArgs, ...rest: unknown[]): Promise<Row>;
}

export function uploadService(strapi: Core.Strapi): UploadService {
  return strapi.plugin('upload').service('upload') as UploadService;
}
