import { CSP_DEFAULTS } from '@strapi/utils';
import { httpUrlProblem } from '../lib/http-url';

/**
 * Where uploaded files are stored. Local disk (`public/uploads`) is the default and is right for one
 * instance; with several instances every one must see every file, so they share an S3-compatible
 * bucket (`UPLOAD_PROVIDER=s3`). Read once from the environment by config/plugins.ts,
 * config/middlewares.ts and config/delivery.ts, so the three always agree.
 */
export type UploadStorage =
  | { kind: 'local' }
  | {
      kind: 's3';
      bucket: string;
      /** Empty for AWS itself (the SDK derives the endpoint from the region). */
      endpoint: string;
      region: string;
      /** Both empty: the SDK's default credential chain (instance role, AWS_* variables). */
      accessKeyId: string;
      secretAccessKey: string;
      /** Where readers and the admin load files from (a CDN, a bucket website), without a trailing slash. */
      publicUrl: string;
      forcePathStyle: boolean;
      /** The canned ACL sent with each object; null for buckets that refuse ACLs (objects public by bucket policy). */
      acl: string | null;
    };

type Env = Record<string, string | undefined>;

const HTTP_URL = /^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/iu;
/** A base URL files are addressed under: a web address the app accepts anywhere (parsable, no credentials), with no query or fragment. */
const isBaseUrl = (value: string) => HTTP_URL.test(value) && httpUrlProblem(value) === null;
const BOOLEAN: Record<string, boolean> = { true: true, '1': true, yes: true, false: false, '0': false, no: false, '': false };

/** The storage the environment asks for; a wrong or missing setting stops start-up with its name. */
export function readUploadStorage(env: Env): UploadStorage {
  const provider = (env.UPLOAD_PROVIDER ?? 'local').trim().toLowerCase() || 'local';
  if (provider === 'local') return { kind: 'local' };
  if (provider !== 's3') throw new Error(`UPLOAD_PROVIDER must be "local" (the default) or "s3", got "${env.UPLOAD_PROVIDER}".`);

  const value = (name: string) => (env[name] ?? '').trim();
  const missing = ['S3_BUCKET', 'S3_PUBLIC_URL'].filter((name) => value(name) === '');
  if (missing.length > 0) throw new Error(`UPLOAD_PROVIDER=s3 needs ${missing.join(' and ')}.`);
  const problems: string[] = [];
  const publicUrl = value('S3_PUBLIC_URL').replace(/\/+$/u, '');
  if (!isBaseUrl(publicUrl))
    problems.push(`S3_PUBLIC_URL must be an absolute http(s) URL (the files' public base URL), got "${value('S3_PUBLIC_URL')}".`);
  const endpoint = value('S3_ENDPOINT');
  if (endpoint !== '' && !isBaseUrl(endpoint)) problems.push(`S3_ENDPOINT must be an http(s) URL, got "${endpoint}".`);
  const forcePathStyle = BOOLEAN[value('S3_FORCE_PATH_STYLE').toLowerCase()];
  if (forcePathStyle === undefined) problems.push(`S3_FORCE_PATH_STYLE must be true or false, got "${value('S3_FORCE_PATH_STYLE')}".`);
  const [accessKeyId, secretAccessKey] = [value('S3_ACCESS_KEY_ID'), value('S3_SECRET_ACCESS_KEY')];
  if ((accessKeyId === '') !== (secretAccessKey === ''))
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the default AWS credential chain.');
  if (problems.length > 0) throw new Error(problems.join(' '));

  const acl = value('S3_ACL') || 'public-read';
  return {
    kind: 's3',
    bucket: value('S3_BUCKET'),
    endpoint,
    region: value('S3_REGION') || 'us-east-1',
    accessKeyId,
    secretAccessKey,
    publicUrl,
    forcePathStyle: forcePathStyle ?? false,
    acl: acl === 'none' ? null : acl,
  };
}

/** The upload plugin's config (`@strapi/provider-upload-aws-s3`), or null to keep Strapi's local provider. */
export function uploadPluginConfig(storage: UploadStorage): Record<string, unknown> | null {
  if (storage.kind === 'local') return null;
  return {
    provider: 'aws-s3',
    providerOptions: {
      // File URLs are built from the public base URL, never from the endpoint the app writes to.
      baseUrl: storage.publicUrl,
      s3Options: {
        region: storage.region,
        ...(storage.endpoint ? { endpoint: storage.endpoint } : {}),
        forcePathStyle: storage.forcePathStyle,
        ...(storage.accessKeyId ? { credentials: { accessKeyId: storage.accessKeyId, secretAccessKey: storage.secretAccessKey } } : {}),
        // An ACL key left undefined tells the provider to send no ACL header at all (it adds public-read otherwise).
        params: { Bucket: storage.bucket, ACL: storage.acl ?? undefined },
      },
    },
  };
}

/** The origin (scheme, host, port) files are served from, for the admin's Content-Security-Policy. */
const publicOrigin = (storage: UploadStorage): string | null => (storage.kind === 's3' ? new URL(storage.publicUrl).origin : null);

/**
 * `strapi::security` with the bucket's origin allowed for images and media, so the Media Library and
 * the editors' panels show the files. Strapi's own defaults are repeated because a directive given
 * here replaces the default list rather than adding to it.
 */
export function securityMiddleware(storage: UploadStorage): string | { name: string; config: Record<string, unknown> } {
  const origin = publicOrigin(storage);
  if (!origin) return 'strapi::security';
  return {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          ...CSP_DEFAULTS,
          'img-src': [...CSP_DEFAULTS['img-src'], origin],
          'media-src': [...CSP_DEFAULTS['media-src'], origin],
          upgradeInsecureRequests: null,
        },
      },
    },
  };
}

/** The URL prefixes of media-library files: `/uploads/` always (files stored before a move), and the bucket's. */
export function mediaUrlPrefixes(storage: UploadStorage): string[] {
  return storage.kind === 's3' ? ['/uploads/', `${storage.publicUrl}/`] : ['/uploads/'];
}
