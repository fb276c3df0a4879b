import type { Context } from 'koa';
import { extname } from 'node:path';

// Served inline only when the name says image; whatever else is on disk (files from before the
// upload check included) is a download in a sandbox, so it can never run script on this origin.
const INLINE: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
};

export default () => async (ctx: Context, next: () => Promise<void>) => {
  if (!ctx.path.startsWith('/uploads/')) return next();
  await next();
  ctx.set('X-Content-Type-Options', 'nosniff');
  const inline = INLINE[extname(ctx.path).toLowerCase()];
  if (inline) {
    if (ctx.status === 200) ctx.type = inline;
    return;
  }
  ctx.set('Content-Security-Policy', 'sandbox');
  ctx.attachment();
  if (ctx.status === 200) ctx.type = 'application/octet-stream';
};
