import * as React from 'react';
import { Badge, Box, Button, EmptyStateLayout, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { errorMessage } from '../import/types';
import type { DeliveriesAnswer, DeliveryView, FailureReason } from '../../outbox/contract';

const when = (iso: string | null, formatDate: ReturnType<typeof useIntl>['formatDate']) =>
  iso ? formatDate(new Date(iso), { dateStyle: 'medium', timeStyle: 'medium' }) : '';

/** Why the last attempt failed, in the admin's language (the stored English sentence when its shape is not known). */
const useReasonText = () => {
  const { formatMessage } = useIntl();
  return (reason: FailureReason | null): string => {
    if (!reason) return '';
    switch (reason.code) {
      case 'http-status':
        return formatMessage(
          { id: 'newsroom-outbox.reason.http-status', defaultMessage: 'The receiver answered HTTP {status}{statusText}.' },
          { status: reason.status, statusText: reason.statusText ? ` ${reason.statusText}` : '' },
        );
      case 'timeout':
        return formatMessage(
          { id: 'newsroom-outbox.reason.timeout', defaultMessage: 'The receiver did not answer within {seconds} s.' },
          { seconds: Math.round(reason.ms / 100) / 10 },
        );
      case 'unreachable':
        return formatMessage(
          { id: 'newsroom-outbox.reason.unreachable', defaultMessage: 'Could not reach the receiver ({detail}).' },
          { detail: reason.detail },
        );
      case 'webhook-deleted':
        return formatMessage({
          id: 'newsroom-outbox.reason.webhook-deleted',
          defaultMessage: 'The webhook was deleted before the event could be delivered.',
        });
      case 'webhook-disabled':
        return formatMessage({
          id: 'newsroom-outbox.reason.webhook-disabled',
          defaultMessage: 'The webhook was disabled before the event could be delivered.',
        });
      case 'other':
        return reason.text;
    }
  };
};

/** One failed or retrying delivery, with its receiver, the last error and a Retry button. */
const DeliveryRow = ({ delivery, onRetry, busy }: { delivery: DeliveryView; onRetry: (id: number) => void; busy: boolean }) => {
  const { formatMessage, formatDate } = useIntl();
  const reasonText = useReasonText();
  const failed = delivery.status === 'failed';
  return (
    <Tr>
      <Td>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography fontWeight="semiBold">{delivery.event}</Typography>
          <Typography variant="pi" textColor="neutral600">
            {delivery.documentId ? `${delivery.documentId}${delivery.locale ? ` (${delivery.locale})` : ''}` : '—'}
          </Typography>
        </Flex>
      </Td>
      <Td>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography>
            {delivery.webhook.name ?? formatMessage({ id: 'newsroom-outbox.webhook.deleted', defaultMessage: 'Deleted webhook' })}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {delivery.webhook.url ?? ''}
          </Typography>
        </Flex>
      </Td>
      <Td>
        <Badge active={!failed}>
          {failed
            ? formatMessage({ id: 'newsroom-outbox.status.failed', defaultMessage: 'Failed' })
            : formatMessage({ id: 'newsroom-outbox.status.retrying', defaultMessage: 'Retrying' })}
        </Badge>
      </Td>
      <Td>
        <Typography>
          {formatMessage(
            { id: 'newsroom-outbox.attempts', defaultMessage: '{count, plural, one {# attempt} other {# attempts}}' },
            { count: delivery.attempts },
          )}
        </Typography>
      </Td>
      <Td style={{ whiteSpace: 'normal', maxWidth: '28rem' }}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography>{reasonText(delivery.reason)}</Typography>
          {delivery.nextAttemptAt ? (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(
                { id: 'newsroom-outbox.nextAttempt', defaultMessage: 'Next attempt {time}' },
                { time: when(delivery.nextAttemptAt, formatDate) },
              )}
            </Typography>
          ) : null}
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(
              { id: 'newsroom-outbox.created', defaultMessage: 'Event of {time}' },
              { time: when(delivery.createdAt, formatDate) },
            )}
          </Typography>
        </Flex>
      </Td>
      <Td>
        <Button
          variant="secondary"
          size="S"
          startIcon={<ArrowClockwise />}
          loading={busy}
          disabled={busy}
          onClick={() => onRetry(delivery.id)}
        >
          {formatMessage({ id: 'newsroom-outbox.retry', defaultMessage: 'Retry now' })}
        </Button>
      </Td>
    </Tr>
  );
};

/**
 * Settings → Webhook deliveries: the newsroom's webhook events a receiver has not accepted — given up
 * after the last attempt, or still being retried — with the reason and a Retry button. Super Admins
 * only; the server checks it on every request.
 */
const DeliveriesList = () => {
  const { formatMessage } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [answer, setAnswer] = React.useState<DeliveriesAnswer | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [retrying, setRetrying] = React.useState<number | null>(null);

  const load = React.useCallback(async () => {
    try {
      const res = await get<DeliveriesAnswer>('/newsroom/outbox/deliveries');
      setAnswer(res.data);
      setError(null);
    } catch (err) {
      // The server refuses anyone but a Super Admin; say so in the admin's language.
      const status =
        (err as { status?: number; response?: { status?: number } } | null)?.status ??
        (err as { response?: { status?: number } } | null)?.response?.status;
      setError(
        status === 403
          ? formatMessage({ id: 'newsroom-outbox.forbidden', defaultMessage: 'Only a Super Admin may see and retry webhook deliveries.' })
          : errorMessage(err),
      );
    }
  }, [get, formatMessage]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const retry = async (id: number) => {
    setRetrying(id);
    try {
      await post(`/newsroom/outbox/deliveries/${id}/retry`);
      toggleNotification({
        type: 'success',
        message: formatMessage({
          id: 'newsroom-outbox.retried',
          defaultMessage: 'Sent again. The list shows it until the receiver accepts it.',
        }),
      });
    } catch (err) {
      toggleNotification({ type: 'danger', message: errorMessage(err) });
    } finally {
      setRetrying(null);
      await load();
    }
  };

  if (error) {
    return (
      <Box background="danger100" padding={4} hasRadius>
        <Typography textColor="danger700">{error}</Typography>
      </Box>
    );
  }
  if (!answer) return <Typography>{formatMessage({ id: 'newsroom-outbox.loading', defaultMessage: 'Loading…' })}</Typography>;
  if (answer.data.length === 0) {
    return (
      <EmptyStateLayout
        content={formatMessage({ id: 'newsroom-outbox.empty', defaultMessage: 'Every webhook event has been delivered.' })}
      />
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography>
        {formatMessage(
          {
            id: 'newsroom-outbox.summary',
            defaultMessage:
              '{failed, plural, one {# delivery failed} other {# deliveries failed}}; {retrying, plural, one {# is being retried} other {# are being retried}}.',
          },
          { failed: answer.meta.failed, retrying: answer.meta.retrying },
        )}
      </Typography>
      <Table colCount={6} rowCount={answer.data.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{formatMessage({ id: 'newsroom-outbox.column.event', defaultMessage: 'Event' })}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{formatMessage({ id: 'newsroom-outbox.column.webhook', defaultMessage: 'Receiver' })}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{formatMessage({ id: 'newsroom-outbox.column.status', defaultMessage: 'Status' })}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">
                {formatMessage({ id: 'newsroom-outbox.column.attempts', defaultMessage: 'Attempts' })}
              </Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{formatMessage({ id: 'newsroom-outbox.column.error', defaultMessage: 'Last error' })}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{formatMessage({ id: 'newsroom-outbox.column.actions', defaultMessage: 'Actions' })}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {answer.data.map((delivery) => (
            <DeliveryRow key={delivery.id} delivery={delivery} onRetry={(id) => void retry(id)} busy={retrying === delivery.id} />
          ))}
        </Tbody>
      </Table>
    </Flex>
  );
};

const DeliveriesPage = () => {
  const { formatMessage } = useIntl();
  const title = formatMessage({ id: 'newsroom-outbox.title', defaultMessage: 'Webhook deliveries' });
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: 'newsroom-outbox.subtitle',
          defaultMessage:
            'Newsroom events a receiver has not accepted. Each is retried with growing delays; after the last attempt it waits here.',
        })}
      />
      <Layouts.Content>
        <DeliveriesList />
      </Layouts.Content>
    </Page.Main>
  );
};

export default DeliveriesPage;
