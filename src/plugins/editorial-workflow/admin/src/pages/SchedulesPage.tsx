import * as React from 'react';
import { Box, Flex, Link, Tabs, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ScheduleRow, ScheduleView } from '../../../shared/contracts/workflow';
import { FindingList, noteText } from '../components/WorkflowPanel';
import { StageBadge } from '../components/StageBadge';
import { PLUGIN_ID, t } from '../pluginId';
import { errorMessage } from '../utils/api';

const VIEWS: ScheduleView[] = ['upcoming', 'embargoed', 'failed', 'recent'];

/** Failure rows carry whole sentences and finding lists: let them wrap and grow instead of clipping. */
const WRAP: React.CSSProperties = { whiteSpace: 'normal', verticalAlign: 'top', height: 'auto', overflowWrap: 'anywhere' };

const ScheduleTable = ({ view }: { view: ScheduleView }) => {
  const { formatMessage, locale } = useIntl();
  const { get } = useFetchClient();
  const [rows, setRows] = React.useState<ScheduleRow[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    let cancelled = false;
    get<{ data: ScheduleRow[] }>(`/${PLUGIN_ID}/schedules`, { params: { view, limit: 100 } })
      .then((res) => !cancelled && setRows(res.data.data))
      .catch((e: unknown) => !cancelled && setError(errorMessage(e)));
    return () => {
      cancelled = true;
    };
  }, [get, view]);

  if (error) return <Typography textColor="danger700">{error}</Typography>;
  if (!rows) return <Page.Loading />;
  if (rows.length === 0)
    return (
      <Typography textColor="neutral600">{formatMessage({ id: t(`schedules.${view}.empty`), defaultMessage: 'Nothing here.' })}</Typography>
    );

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: t('schedules.zone'), defaultMessage: 'Times in the zone each was scheduled in' })}
      </Typography>
      <Table colCount={5} rowCount={rows.length}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{formatMessage({ id: t('schedules.when'), defaultMessage: 'When' })}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{formatMessage({ id: t('schedules.entry'), defaultMessage: 'Entry' })}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{formatMessage({ id: t('schedules.action'), defaultMessage: 'Action' })}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{formatMessage({ id: t('schedules.stage'), defaultMessage: 'Stage now' })}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{formatMessage({ id: t('schedules.details'), defaultMessage: 'Details' })}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row, i) => (
            <Tr key={`${row.documentId}-${row.locale}-${row.action}-${i}`}>
              <Td style={WRAP}>
                <Typography data-testid="wf-schedule-when">{row.atLocal ?? row.at}</Typography>
              </Td>
              <Td style={WRAP}>
                <Link
                  href={`/admin/content-manager/collection-types/${row.contentType}/${row.documentId}?plugins[i18n][locale]=${row.locale}`}
                  isExternal={false}
                >
                  {row.title ?? row.documentId} ({row.locale})
                </Link>
              </Td>
              <Td>
                <Typography>{formatMessage({ id: t(`schedules.action.${row.action}`), defaultMessage: row.action })}</Typography>
              </Td>
              <Td style={WRAP}>{row.stage ? <StageBadge stage={row.stage} /> : '-'}</Td>
              <Td style={{ ...WRAP, minWidth: '32rem' }}>
                <Flex direction="column" alignItems="start" gap={1} paddingTop={2} paddingBottom={2}>
                  {row.kind && (
                    <Typography variant="pi" fontWeight="bold">
                      {formatMessage({ id: t(`history.${row.kind}`), defaultMessage: row.kind })}
                    </Typography>
                  )}
                  {row.guardOk === false && (
                    <Typography variant="pi" textColor="warning700">
                      {formatMessage({ id: t('schedules.guard.blocked'), defaultMessage: 'The attribution checks would refuse it now' })}
                    </Typography>
                  )}
                  {noteText(row, locale) && <Typography variant="pi">{noteText(row, locale)}</Typography>}
                  {row.findings && <FindingList findings={row.findings} />}
                </Flex>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Flex>
  );
};

/** Upcoming, failed and recently executed schedules. */
export const SchedulesPage = () => {
  const { formatMessage } = useIntl();
  return (
    <Layouts.Root>
      <Page.Title>{formatMessage({ id: t('schedules.title'), defaultMessage: 'Schedules' })}</Page.Title>
      <Page.Main>
        <Layouts.Header
          title={formatMessage({ id: t('schedules.title'), defaultMessage: 'Schedules' })}
          subtitle={formatMessage({
            id: t('schedules.subtitle'),
            defaultMessage: 'What goes out next, what could not, and what the scheduler did.',
          })}
        />
        <Layouts.Content>
          <Tabs.Root defaultValue="upcoming">
            <Tabs.List>
              {VIEWS.map((view) => (
                <Tabs.Trigger key={view} value={view}>
                  {formatMessage({ id: t(`schedules.${view}`), defaultMessage: view })}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
            {VIEWS.map((view) => (
              <Tabs.Content key={view} value={view}>
                <Box background="neutral0" padding={4} hasRadius shadow="filterShadow">
                  <ScheduleTable view={view} />
                </Box>
              </Tabs.Content>
            ))}
          </Tabs.Root>
        </Layouts.Content>
      </Page.Main>
    </Layouts.Root>
  );
};

export default SchedulesPage;
