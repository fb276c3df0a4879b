import * as React from 'react';
import { Box, Flex, TextButton, Typography } from '@strapi/design-system';
import { ArrowRight, CrossCircle, WarningCircle } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { Finding } from '../../../shared/contracts/findings';
import { describePath } from '../utils/fields';
import { localized } from '../utils/locale';
import { getTrad } from '../utils/translations';

/** `Cover › Credit`, `Gallery #3 › Agency`, `Pull-quote #1 › Quote text` in the admin's language. */
export function useFieldLabel(): (path: string) => string {
  const { formatMessage } = useIntl();
  return React.useCallback(
    (path: string) =>
      describePath(path)
        .map((part) => {
          const name = formatMessage({ id: getTrad(`field.${part.key}`), defaultMessage: part.key });
          return part.position === undefined
            ? name
            : formatMessage(
                { id: getTrad('field.position'), defaultMessage: '{field} #{position}' },
                { field: name, position: part.position },
              );
        })
        .join(' › '),
    [formatMessage],
  );
}

interface FindingItemProps {
  finding: Finding;
  onJump?: (path: string) => void;
}

export const FindingItem = ({ finding, onJump }: FindingItemProps) => {
  const { formatMessage, locale } = useIntl();
  const fieldLabel = useFieldLabel();
  const field = fieldLabel(finding.path);
  const Icon = finding.severity === 'error' ? CrossCircle : WarningCircle;
  return (
    <Box tag="li" data-testid="ag-finding" data-rule={finding.rule} data-severity={finding.severity} paddingTop={2} paddingBottom={2}>
      <Flex gap={2} alignItems="flex-start">
        <Box paddingTop={1} shrink={0}>
          <Icon fill={finding.severity === 'error' ? 'danger600' : 'warning600'} width="1.2rem" height="1.2rem" aria-hidden />
        </Box>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="omega" textColor="neutral800">
            {localized(finding.message, locale)}
          </Typography>
          {onJump ? (
            <TextButton endIcon={<ArrowRight />} onClick={() => onJump(finding.path)}>
              {formatMessage({ id: getTrad('panel.goTo'), defaultMessage: 'Go to {field}' }, { field })}
            </TextButton>
          ) : (
            <Typography variant="pi" textColor="neutral600">
              {field}
            </Typography>
          )}
        </Flex>
      </Flex>
    </Box>
  );
};

interface FindingGroupProps {
  findings: Finding[];
  severity: 'error' | 'warning';
  onJump?: (path: string) => void;
}

/** One severity's findings under a heading that says how many there are. */
export const FindingGroup = ({ findings, severity, onJump }: FindingGroupProps) => {
  const { formatMessage } = useIntl();
  if (findings.length === 0) return null;
  const heading =
    severity === 'error'
      ? formatMessage({ id: getTrad('panel.errors'), defaultMessage: 'Must fix ({count})' }, { count: findings.length })
      : formatMessage({ id: getTrad('panel.warnings'), defaultMessage: 'Worth a look ({count})' }, { count: findings.length });
  return (
    <Box data-testid={`ag-${severity}s`}>
      <Typography variant="sigma" textColor={severity === 'error' ? 'danger600' : 'warning600'} tag="h3">
        {heading}
      </Typography>
      <Box tag="ul">
        {findings.map((finding, index) => (
          <FindingItem key={`${finding.rule}:${finding.path}:${index}`} finding={finding} onJump={onJump} />
        ))}
      </Box>
    </Box>
  );
};
