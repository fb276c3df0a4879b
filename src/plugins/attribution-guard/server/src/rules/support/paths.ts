import type { ImageUsage } from '../../../../shared/contracts/findings';

/** Form path of an image's credit: `cover.credit`, `gallery.2.credit`; a body image is its block, `body.5`. */
export function creditPath(usage: ImageUsage): string {
  return usage.path.startsWith('body.') ? usage.path : `${usage.path}.credit`;
}

/** Form path of an image's agency relation: `cover.agency`, `gallery.2.agency`; a body image is its block. */
export function agencyPath(usage: ImageUsage): string {
  return usage.path.startsWith('body.') ? usage.path : `${usage.path}.agency`;
}
