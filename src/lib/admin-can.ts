import { errors } from '@strapi/utils';

/** Refuses an admin request whose user may not perform a Content Manager action on a content type. */
export function assertAdminCan(ctx: { state?: { userAbility?: { can: (action: string, subject?: string) => boolean } } }, action: string, uid: string): void {
  const ability = ctx.state?.userAbility;
  if (!ability || !ability.can(action, uid)) throw new errors.ForbiddenError(`You may not ${action.split('.').pop()} ${uid.split('.').pop()}s.`);
}
