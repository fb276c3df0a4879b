import * as React from 'react';
import { Box, Button, Field, Flex, Modal, Textarea, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Finding } from '../../../shared/contracts/findings';
import type { GateReason } from '../../../shared/contracts/gates';
import { localized } from '../utils/locale';
import { groupFindings } from '../utils/locale';
import { getTrad } from '../utils/translations';
import { FindingGroup } from './FindingList';

export interface BlockedState {
  title: string | null;
  /** What stops the publish, and any warnings, in the guard's words. */
  findings: Finding[];
  /** What other gates (the workflow's approval) still need; never overridable. */
  reasons: GateReason[];
  /** Every blocking error comes from a rule that may be overridden, and no other gate refuses. */
  overridable: boolean;
}

export const MIN_REASON_LENGTH = 10;

interface BlockedPublishBodyProps {
  blocked: BlockedState;
  onJump?: (path: string) => void;
  /** Whether "Publish anyway" is offered at all: the user holds the override permission and every error may be overridden. */
  canOverride: boolean;
  /** Unsaved changes: the override publishes the saved draft, so it waits for a save. */
  unsaved: boolean;
  reason: string;
  onReasonChange: (reason: string) => void;
  overrideError: string | null;
}

/** The guard's message and the list of what to fix, shown when Publish is pressed on a failing article. */
export const BlockedPublishBody = ({
  blocked,
  onJump,
  canOverride,
  unsaved,
  reason,
  onReasonChange,
  overrideError,
}: BlockedPublishBodyProps) => {
  const { formatMessage, locale } = useIntl();
  const { errors, warnings } = groupFindings(blocked.findings);
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="ag-blocked">
      <Typography variant="omega" fontWeight="bold" textColor="danger700" data-testid="ag-blocked-message">
        {formatMessage(
          {
            id: getTrad('publish.blocked.message'),
            defaultMessage: 'Cannot publish “{title}” yet: {count, plural, one {# thing stops it} other {# things stop it}}.',
          },
          { title: blocked.title ?? '', count: errors.length + blocked.reasons.length },
        )}
      </Typography>
      <Typography variant="omega" textColor="neutral700">
        {formatMessage({ id: getTrad('publish.blocked.fix'), defaultMessage: 'Fix these, then publish again:' })}
      </Typography>
      {blocked.reasons.length > 0 ? (
        <Box data-testid="ag-gate-reasons">
          <Typography variant="sigma" textColor="danger600" tag="h3">
            {formatMessage(
              { id: getTrad('publish.blocked.workflow'), defaultMessage: 'Approval ({count})' },
              { count: blocked.reasons.length },
            )}
          </Typography>
          <Box tag="ul">
            {blocked.reasons.map((reason) => (
              <Box
                tag="li"
                key={reason.rule}
                data-testid="ag-finding"
                data-rule={reason.rule}
                data-severity="error"
                paddingTop={2}
                paddingBottom={2}
              >
                <Typography variant="omega" textColor="neutral800">
                  {localized(reason.message, locale)}
                </Typography>
              </Box>
            ))}
          </Box>
        </Box>
      ) : null}
      <FindingGroup findings={errors} severity="error" onJump={onJump} />
      <FindingGroup findings={warnings} severity="warning" onJump={onJump} />
      {canOverride ? (
        <Box background="neutral100" padding={3} hasRadius>
          {unsaved ? (
            <Typography variant="pi" textColor="neutral700">
              {formatMessage({
                id: getTrad('publish.anyway.saveFirst'),
                defaultMessage: 'Save the draft first: “Publish anyway” publishes the saved draft.',
              })}
            </Typography>
          ) : (
            <Field.Root
              name="ag-override-reason"
              error={overrideError ?? undefined}
              hint={formatMessage({
                id: getTrad('publish.anyway.hint'),
                defaultMessage: 'At least 10 characters. Recorded in the article’s history.',
              })}
            >
              <Field.Label>
                {formatMessage({ id: getTrad('publish.anyway.reason'), defaultMessage: 'Reason for publishing anyway' })}
              </Field.Label>
              <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onReasonChange(e.target.value)} />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          )}
        </Box>
      ) : !blocked.overridable ? null : (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: getTrad('publish.anyway.noPermission'),
            defaultMessage: 'Only editors with the override permission may publish past these.',
          })}
        </Typography>
      )}
    </Flex>
  );
};

interface BlockedPublishFooterProps {
  onClose: () => void;
  canOverride: boolean;
  unsaved: boolean;
  reason: string;
  publishing: boolean;
  onPublishAnyway: () => Promise<boolean>;
}

export const BlockedPublishFooter = ({ onClose, canOverride, unsaved, reason, publishing, onPublishAnyway }: BlockedPublishFooterProps) => {
  const { formatMessage } = useIntl();
  return (
    <Modal.Footer>
      <Button variant="tertiary" onClick={onClose}>
        {formatMessage({ id: getTrad('publish.close'), defaultMessage: 'Close' })}
      </Button>
      {canOverride ? (
        <Button
          variant="danger"
          loading={publishing}
          disabled={unsaved || reason.trim().length < MIN_REASON_LENGTH}
          onClick={async () => {
            if (await onPublishAnyway()) onClose();
          }}
        >
          {formatMessage({ id: getTrad('publish.anyway'), defaultMessage: 'Publish anyway' })}
        </Button>
      ) : null}
    </Modal.Footer>
  );
};
