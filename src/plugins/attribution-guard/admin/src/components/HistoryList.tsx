import { Badge, Box, Flex, Loader, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { HistoryRecord } from '../../../shared/contracts/admin-api';
import { getTrad } from '../utils/translations';
import { localized } from '../utils/locale';

// `credit-changed`: a photo's credit changed while the story was live. `dependency-removed`: a record the live story showed was unpublished or deleted on override, and the story re-checked.
const OUTCOME_VARIANT = {
  blocked: 'danger',
  overridden: 'warning',
  published: 'success',
  'credit-changed': 'secondary',
  'dependency-removed': 'danger',
} as const;

/** The viewer's own IANA zone: history times are shown there, and labelled so. */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const errorsOf = (record: HistoryRecord) => record.findings.filter((f) => f.severity === 'error');

interface HistoryListProps {
  records: HistoryRecord[] | null;
  error: string | null;
}

/** Every publish of this article the guard blocked, let through on override, or allowed, newest first. */
export const HistoryList = ({ records, error }: HistoryListProps) => {
  const { formatMessage, formatDate, locale } = useIntl();
  const zone = viewerZone();
  return (
    <Box data-testid="ag-history">
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {formatMessage({ id: getTrad('panel.history'), defaultMessage: 'History' })}
      </Typography>
      <Typography variant="pi" textColor="neutral500" tag="p" data-testid="ag-history-zone">
        {formatMessage({ id: getTrad('history.zone'), defaultMessage: 'Times in your zone: {zone}' }, { zone })}
      </Typography>
      {error ? (
        <Typography variant="pi" textColor="danger600" tag="p">
          {formatMessage({ id: getTrad('panel.error'), defaultMessage: 'The checks could not run: {message}' }, { message: error })}
        </Typography>
      ) : records === null ? (
        <Loader small>{formatMessage({ id: getTrad('panel.checking'), defaultMessage: 'Checking attribution…' })}</Loader>
      ) : records.length === 0 ? (
        <Typography variant="pi" textColor="neutral600" tag="p">
          {formatMessage({ id: getTrad('history.none'), defaultMessage: 'No publish attempts yet.' })}
        </Typography>
      ) : (
        <Box tag="ul">
          {records.map((record) => (
            <Box tag="li" key={record.id} data-testid="ag-history-record" data-outcome={record.outcome} paddingTop={2} paddingBottom={2}>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Flex gap={2} wrap="wrap">
                  <Badge variant={OUTCOME_VARIANT[record.outcome]} size="S">
                    {formatMessage({ id: getTrad(`history.${record.outcome}`), defaultMessage: record.outcome })}
                  </Badge>
                  {errorsOf(record).length > 0 ? (
                    <Typography variant="pi" textColor="neutral600">
                      {formatMessage(
                        { id: getTrad('history.findings'), defaultMessage: '{count, plural, one {# reason} other {# reasons}}' },
                        { count: errorsOf(record).length },
                      )}
                    </Typography>
                  ) : null}
                </Flex>
                <Typography variant="pi" textColor="neutral600">
                  {`${record.actor ?? record.actorType} · ${formatDate(record.checkedAt, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone, timeZoneName: 'short' })}${record.locale ? ` · ${record.locale}` : ''}`}
                </Typography>
                {record.outcome === 'blocked' ? (
                  <Box tag="ul" data-testid="ag-history-reasons">
                    {errorsOf(record)
                      .slice(0, 3)
                      .map((finding, i) => (
                        <Typography key={`${finding.rule}:${i}`} tag="li" variant="pi" textColor="neutral700" data-rule={finding.rule}>
                          {localized(finding.message, locale)}
                        </Typography>
                      ))}
                  </Box>
                ) : null}
                {record.outcome === 'credit-changed' && record.change ? (
                  <Typography variant="pi" textColor="neutral700" data-testid="ag-history-credit-change">
                    {formatMessage(
                      { id: getTrad('history.creditChange'), defaultMessage: '{file}: credit “{before}” → “{after}”' },
                      {
                        file: record.change.fileName ?? `#${record.change.fileId}`,
                        before: record.change.before.credit ?? '—',
                        after: record.change.after.credit ?? '—',
                      },
                    )}
                  </Typography>
                ) : record.reason ? (
                  <Typography variant="pi" textColor="neutral700">
                    {formatMessage({ id: getTrad('history.reason'), defaultMessage: 'Reason: {reason}' }, { reason: record.reason })}
                  </Typography>
                ) : null}
              </Flex>
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
};
