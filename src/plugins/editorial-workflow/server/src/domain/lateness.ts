/**
 * What the sweep does with an entry whose time has come. A publish more than `maxLatenessMs`
 * overdue (every instance was down, say) is held for an editor: a story published hours late can
 * be wrong (an embargo, a live event) and a person should decide. An expiry is applied however
 * late it is: taking a piece down late is better than leaving it up.
 */
export type PublishDecision = 'wait' | 'publish' | 'hold';
export type ExpiryDecision = 'wait' | 'unpublish';

export function decidePublish(publishAt: Date, now: Date, maxLatenessMs: number): PublishDecision {
  const lateness = now.getTime() - publishAt.getTime();
  if (lateness < 0) return 'wait';
  return lateness > maxLatenessMs ? 'hold' : 'publish';
}

export function decideExpiry(unpublishAt: Date, now: Date): ExpiryDecision {
  return unpublishAt.getTime() <= now.getTime() ? 'unpublish' : 'wait';
}

/** How late, in whole minutes, for messages. */
export function minutesLate(at: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - at.getTime()) / 60000));
}
