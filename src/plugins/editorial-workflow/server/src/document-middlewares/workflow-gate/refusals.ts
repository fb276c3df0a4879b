import { errors } from '@strapi/utils';
import type { Stage } from '../../../../shared/contracts/workflow';
import { FIELDS } from '../../constants';
import { approvalMessage } from '../../domain/publish-condition';
import { EMBARGO_RULE, embargoMessage } from '../../domain/embargo';

/** Refuses a publish of any locale not yet approved (with `requireApproval`). */
export const approvalError = (blocked: Array<{ locale: string; stage: Stage }>, title: string | null) => {
  const details = blocked.map(({ locale, stage }) => ({
    rule: 'workflow.approval-required',
    path: [FIELDS.stage],
    message: `The ${locale} version is "${stage}": it must be approved before it is published.`,
    messages: approvalMessage(stage),
    locale,
    name: 'ValidationError',
  }));
  return new errors.ValidationError(
    `Cannot publish${title ? ` "${title}"` : ''} (${blocked.map((b) => b.locale).join(', ')}): it has not been approved. Send it to review and have an editor approve it first.`,
    { errors: details },
  );
};

/** Refuses a publish of any locale under an embargo still in force. Not overridable: no route, no permission, lets it out early. */
export const embargoError = (blocked: Array<{ locale: string; when: string }>, title: string | null) => {
  const details = blocked.map(({ locale, when }) => ({
    rule: EMBARGO_RULE,
    path: [FIELDS.embargoUntil],
    message: embargoMessage(when).en,
    messages: embargoMessage(when),
    locale,
    overridable: false,
    name: 'ValidationError',
  }));
  return new errors.ValidationError(
    `Cannot publish${title ? ` "${title}"` : ''} (${blocked.map((b) => b.locale).join(', ')}): it is under embargo until ${blocked[0]?.when ?? ''}.`,
    { errors: details },
  );
};
