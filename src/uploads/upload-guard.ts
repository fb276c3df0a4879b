import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { detectBytes, readHead } from './detect';
import { renamed, verdictFor } from './rules';
import { uploadService, type ReplaceArgs, type UploadArgs, type UploadFile } from './upload-service';

/** Checks one file's bytes; on success makes its name and MIME type say what it really is. */
async function vet(file: UploadFile): Promise<string | null> {
  const name = file.originalFilename ?? file.name ?? 'file';
  const filepath = file.filepath ?? file.path;
  if (!filepath) return `"${name}" could not be read.`;
  const head = await readHead(filepath);
  const verdict = verdictFor(name, await detectBytes(new Uint8Array(head)), head.toString('utf8'));
  if (!verdict.ok) return verdict.message;
  const fixed = renamed(name, verdict.ext);
  if (file.originalFilename !== undefined) file.originalFilename = fixed;
  if (file.name !== undefined) file.name = fixed;
  if (file.mimetype !== undefined || file.type === undefined) file.mimetype = verdict.mime;
  if (file.type !== undefined) file.type = verdict.mime;
  // Strapi's upload service prefers this over the client's MIME type when it stores the file.
  file.detectedMimeType = verdict.mime;
  return null;
}

/** Every file of the request is checked before any is stored: one refusal stores none. */
async function vetAll(files: UploadFile[]): Promise<void> {
  const problems = (await Promise.all(files.map(vet))).filter((m): m is string => m !== null);
  if (problems.length) throw new errors.ValidationError(problems.join(' '), { files: problems });
}

/**
 * Wraps the upload service's upload and replace, which every upload route (admin, content API,
 * upload from URL) goes through. Installed after the photo-credit hook so it runs first:
 * a refused file is never stored and never credited.
 */
export function refuseNonImages(strapi: Core.Strapi): void {
  const service = uploadService(strapi);
  const upload = service.upload;
  service.upload = async (args: UploadArgs, ...rest: unknown[]) => {
    await vetAll(Array.isArray(args.files) ? args.files : [args.files]);
    return upload.call(service, args, ...rest);
  };
  const replace = service.replace;
  service.replace = async (id: number, args: ReplaceArgs, ...rest: unknown[]) => {
    await vetAll([args.file]);
    return replace.call(service, id, args, ...rest);
  };
}
