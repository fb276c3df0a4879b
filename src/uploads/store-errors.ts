import type { Core } from '@strapi/strapi';
import createError, { type HttpError } from 'http-errors';
import { uploadService, type ReplaceArgs, type UploadArgs } from './upload-service';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/**
 * Whether an upload failed because the file store could not take the file — the bucket unreachable,
 * refusing the credentials, or answering with an error — rather than because of the file. The AWS
 * SDK marks its answers with `$metadata`; a store that cannot be reached fails with a network code.
 */
export function isStoreFailure(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { $metadata?: unknown; code?: unknown; cause?: unknown; name?: unknown };
  if (e.$metadata && typeof e.$metadata === 'object') return true;
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  if (e.name === 'TimeoutError') return true;
  return e.cause !== undefined && e.cause !== error && isStoreFailure(e.cause);
}

/** A 503 that says what happened and what to do, instead of Strapi's bare 500. */
export function storeUnavailable(error: unknown): HttpError {
  const status = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata?.httpStatusCode;
  const said = typeof status === 'number' ? ` (the store answered HTTP ${status})` : '';
  return createError(
    503,
    `The file could not be stored: the media store is not reachable or refused it${said}. Nothing was saved; try the upload again in a moment, and tell an administrator if it keeps failing.`,
  );
}

/**
 * Turns a failing file store into a clear 503 on every upload route. Wraps the upload service last,
 * so the checks of the file itself (type, credits) have spoken first.
 */
export function reportStoreFailures(strapi: Core.Strapi): void {
  const service = uploadService(strapi);
  const rethrow = (error: unknown): never => {
    if (!isStoreFailure(error)) throw error;
    strapi.log.error(`Upload: the media store failed: ${error instanceof Error ? error.message : String(error)}`);
    throw storeUnavailable(error);
  };
  const upload = service.upload;
  service.upload = (args: UploadArgs, ...rest: unknown[]) => upload.call(service, args, ...rest).catch(rethrow);
  const replace = service.replace;
  service.replace = (id: number, args: ReplaceArgs, ...rest: unknown[]) => replace.call(service, id, args, ...rest).catch(rethrow);
}
