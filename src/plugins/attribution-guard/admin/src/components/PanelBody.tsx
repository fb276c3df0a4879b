import { Box, Button, Divider, Flex, Loader, Typography } from '@strapi/design-system';
import { ArrowClockwise, CrossCircle } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { CheckResponse, HistoryRecord, ImagePreview, MediaCreditUpdate, QuotePreview } from '../../../shared/contracts/admin-api';
import { groupFindings } from '../utils/locale';
import { getTrad } from '../utils/translations';
import { FindingGroup } from './FindingList';
import { ImageList, type AgencyOption } from './ImageList';
import { HistoryList } from './HistoryList';
import { QuoteList, type QuoteSave } from './QuoteList';
import { VerdictLine } from './VerdictLine';
import { publishVerdict } from '../../../shared/contracts/gates';

export type CheckStatus = 'loading' | 'error' | 'ready';

export interface PanelBodyProps {
  status: CheckStatus;
  result: CheckResponse | null;
  /** The server's message when the check failed. */
  error: string | null;
  /** A newer check is running while the last result is still shown. */
  refreshing?: boolean;
  onRetry: () => void;
  onJump?: (path: string) => void;
  agencies?: AgencyOption[];
  onSaveCredit?: (image: ImagePreview, credit: MediaCreditUpdate) => Promise<void>;
  onSaveQuote?: (quote: QuotePreview, change: QuoteSave) => Promise<void>;
  canPublishQuotes?: boolean;
  /** Undefined hides the history (a new, unsaved article has none). */
  history?: { records: HistoryRecord[] | null; error: string | null };
}

const Section = ({ children }: { children: React.ReactNode }) => (
  <>
    <Divider />
    <Box paddingTop={1}>{children}</Box>
  </>
);

/**
 * What the side panel shows: whether the article is ready, the byline readers will see, what to fix
 * grouped by severity, every image with its credit, the pull-quotes and the publish history. Pure
 * presentation: data and actions come in through props.
 */
export const PanelBody = ({
  status,
  result,
  error,
  refreshing = false,
  onRetry,
  onJump,
  agencies = [],
  onSaveCredit,
  onSaveQuote,
  canPublishQuotes = false,
  history,
}: PanelBodyProps) => {
  const { formatMessage, formatList } = useIntl();

  if (status === 'loading' && !result) {
    return (
      <Flex data-testid="ag-panel" data-state="loading" direction="column" alignItems="stretch" gap={2} width="100%">
        <Loader small>{formatMessage({ id: getTrad('panel.checking'), defaultMessage: 'Checking attribution…' })}</Loader>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: getTrad('panel.checking'), defaultMessage: 'Checking attribution…' })}
        </Typography>
      </Flex>
    );
  }

  if (status === 'error' && !result) {
    return (
      <Flex data-testid="ag-panel" data-state="error" direction="column" alignItems="flex-start" gap={2} width="100%">
        <Flex gap={2} alignItems="flex-start">
          <CrossCircle fill="danger600" width="1.6rem" height="1.6rem" aria-hidden />
          <Typography variant="omega" textColor="danger600" role="alert">
            {formatMessage({ id: getTrad('panel.error'), defaultMessage: 'The checks could not run: {message}' }, { message: error ?? '' })}
          </Typography>
        </Flex>
        <Button variant="secondary" size="S" startIcon={<ArrowClockwise />} onClick={onRetry}>
          {formatMessage({ id: getTrad('panel.retry'), defaultMessage: 'Try again' })}
        </Button>
      </Flex>
    );
  }

  if (!result) return null;
  const { errors, warnings } = groupFindings(result.findings);
  const ready = errors.length === 0;
  const verdict = publishVerdict(errors.length, result.gates);
  const missing = result.preview.byline.missing;

  return (
    <Flex
      data-testid="ag-panel"
      data-state={ready ? 'ready' : 'blocked'}
      data-verdict={verdict.kind}
      direction="column"
      alignItems="stretch"
      gap={3}
      width="100%"
    >
      <VerdictLine
        verdict={verdict}
        reasons={result.gates.reasons}
        hint={
          ready && warnings.length === 0
            ? formatMessage({ id: getTrad('panel.ready.hint'), defaultMessage: 'No attribution problems found.' })
            : warnings.length > 0
              ? formatMessage(
                  {
                    id: getTrad('panel.ready.warnings'),
                    defaultMessage: '{count, plural, one {# warning} other {# warnings}} worth a look',
                  },
                  { count: warnings.length },
                )
              : null
        }
      />
      {refreshing ? (
        <Typography variant="pi" textColor="neutral500" data-testid="ag-refreshing">
          {formatMessage({ id: getTrad('panel.updating'), defaultMessage: 'Updating…' })}
        </Typography>
      ) : null}
      {status === 'error' ? (
        <Flex gap={2} wrap="wrap">
          <Typography variant="pi" textColor="danger600" role="alert">
            {formatMessage({ id: getTrad('panel.error'), defaultMessage: 'The checks could not run: {message}' }, { message: error ?? '' })}
          </Typography>
          <Button variant="tertiary" size="S" startIcon={<ArrowClockwise />} onClick={onRetry}>
            {formatMessage({ id: getTrad('panel.retry'), defaultMessage: 'Try again' })}
          </Button>
        </Flex>
      ) : null}

      <Box data-testid="ag-byline">
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {formatMessage({ id: getTrad('panel.byline'), defaultMessage: 'Byline as readers see it' })}
        </Typography>
        <Box background="neutral100" padding={2} hasRadius marginTop={1}>
          <Typography variant="omega" textColor={result.preview.byline.text ? 'neutral800' : 'neutral500'} data-testid="ag-byline-text">
            {result.preview.byline.text ?? formatMessage({ id: getTrad('panel.byline.none'), defaultMessage: 'No byline yet' })}
          </Typography>
        </Box>
        {missing.length > 0 ? (
          <Typography variant="pi" textColor="warning600">
            {formatMessage(
              { id: getTrad('panel.byline.missing'), defaultMessage: 'Not named yet: {parts}' },
              {
                parts: formatList(
                  missing.map((role) => formatMessage({ id: getTrad(`byline.role.${role}`), defaultMessage: role })),
                  { type: 'conjunction' },
                ),
              },
            )}
          </Typography>
        ) : null}
      </Box>

      {errors.length + warnings.length > 0 ? (
        <Section>
          <Flex direction="column" alignItems="stretch" gap={3}>
            <FindingGroup findings={errors} severity="error" onJump={onJump} />
            <FindingGroup findings={warnings} severity="warning" onJump={onJump} />
          </Flex>
        </Section>
      ) : null}

      <Section>
        <ImageList images={result.preview.images} agencies={agencies} onSaveCredit={onSaveCredit} onJump={onJump} />
      </Section>

      {result.preview.pullQuotes.length > 0 ? (
        <Section>
          <QuoteList quotes={result.preview.pullQuotes} onSave={onSaveQuote} canPublish={canPublishQuotes} onJump={onJump} />
        </Section>
      ) : null}

      {history ? (
        <Section>
          <HistoryList records={history.records} error={history.error} />
        </Section>
      ) : null}
    </Flex>
  );
};
