import { readUploadStorage, securityMiddleware } from '../src/uploads/storage-config';

export default () => [
  'strapi::logger',
  'strapi::errors',
  'global::validation-paths',
  'strapi::cors',
  'strapi::poweredBy',
  // Warm delivery responses are answered here, with CORS and the security headers of any other response.
  'global::delivery-cache',
  // With an S3 bucket, its public origin is allowed for images and media, so the admin shows the files.
  securityMiddleware(readUploadStorage(process.env)),
  'strapi::query',
  'strapi::body',
  // Deeply nested bodies and query strings are a 400 before any handler walks them.
  'global::input-depth',
  'strapi::session',
  'strapi::favicon',
  // Before strapi::public: /uploads answers carry nosniff, and non-images download sandboxed.
  'global::upload-headers',
  'strapi::public',
];
