import { Flex, Typography } from '@strapi/design-system';
import { CheckCircle, Clock, CrossCircle, WarningCircle } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { GateReason, Verdict } from '../../../shared/contracts/gates';
import { localized } from '../utils/locale';
import { getTrad } from '../utils/translations';

const ICON = {
  fix: CrossCircle,
  'needs-review': WarningCircle,
  'needs-approval': WarningCircle,
  embargoed: Clock,
  ready: CheckCircle,
  scheduled: Clock,
  published: CheckCircle,
} as const;
const COLOR = {
  fix: 'danger',
  'needs-review': 'warning',
  'needs-approval': 'warning',
  embargoed: 'warning',
  ready: 'success',
  scheduled: 'secondary',
  published: 'success',
} as const;

/** The one verdict: what must be fixed, what the workflow still needs, or where the story stands. */
export function useVerdictText(): (verdict: Verdict) => string {
  const { formatMessage } = useIntl();
  return (verdict) => {
    switch (verdict.kind) {
      case 'fix':
        return formatMessage(
          { id: getTrad('panel.notReady'), defaultMessage: '{count, plural, one {# problem} other {# problems}} to fix before publishing' },
          { count: verdict.errors },
        );
      case 'needs-review':
        return formatMessage({
          id: getTrad('verdict.needs-review'),
          defaultMessage: 'Checks pass · needs review before it can be published',
        });
      case 'embargoed':
        return formatMessage(
          { id: getTrad('verdict.embargoed'), defaultMessage: 'Checks pass · under embargo until {when}' },
          { when: verdict.detail ?? '' },
        );
      case 'needs-approval':
        return formatMessage({ id: getTrad('verdict.needs-approval'), defaultMessage: 'Checks pass · waiting for an editor’s approval' });
      case 'scheduled':
        return formatMessage({ id: getTrad('verdict.scheduled'), defaultMessage: 'Scheduled for {when}' }, { when: verdict.detail ?? '' });
      case 'published':
        return formatMessage({ id: getTrad('verdict.published'), defaultMessage: 'Published · the draft passes the checks' });
      default:
        return formatMessage({ id: getTrad('panel.ready'), defaultMessage: 'Ready to publish' });
    }
  };
}

export const VerdictLine = ({ verdict, hint, reasons = [] }: { verdict: Verdict; hint?: string | null; reasons?: GateReason[] }) => {
  const { locale } = useIntl();
  const text = useVerdictText();
  const Icon = ICON[verdict.kind];
  const color = COLOR[verdict.kind];
  return (
    <Flex gap={2} alignItems="flex-start" data-testid="ag-status" data-verdict={verdict.kind}>
      <Icon fill={`${color}600`} width="1.6rem" height="1.6rem" aria-hidden />
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="omega" fontWeight="bold" textColor={`${color}700`} data-testid="ag-verdict">
          {text(verdict)}
        </Typography>
        {verdict.kind !== 'fix'
          ? reasons.map((reason) => (
              <Typography key={reason.rule} variant="pi" textColor="neutral700" data-testid="ag-gate-reason" data-rule={reason.rule}>
                {localized(reason.message, locale)}
              </Typography>
            ))
          : null}
        {hint ? (
          <Typography variant="pi" textColor="neutral600">
            {hint}
          </Typography>
        ) : null}
      </Flex>
    </Flex>
  );
};
