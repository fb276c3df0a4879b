import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Switch,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { RuleId, Severity } from '../../../shared/contracts/findings';
import type { AgencyView, SettingsUpdate, SettingsView } from '../../../shared/contracts/admin-api';
import { PERMISSIONS, PLUGIN_ID } from '../pluginId';
import { apiError, type FetchClient } from '../utils/api';
import { getTrad } from '../utils/translations';

type RuleDraft = Record<RuleId, { enabled: boolean; severity: Severity }>;

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

interface Problem {
  path: string[];
  message: string;
}

const AgencyRow = ({
  agency,
  canUpdate,
  onSave,
}: {
  agency: AgencyView;
  canUpdate: boolean;
  onSave: (agency: AgencyView, aliases: string[]) => Promise<void>;
}) => {
  const { formatMessage } = useIntl();
  const [text, setText] = React.useState(agency.aliases.join('\n'));
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const changed = text.trim() !== agency.aliases.join('\n').trim();
  return (
    <Box data-testid="ag-agency" data-agency={agency.name} paddingBottom={4}>
      <Field.Root name={`agency-${agency.documentId}`} error={error ?? undefined}>
        <Field.Label>{`${agency.name}${agency.shortName ? ` (${agency.shortName})` : ''}`}</Field.Label>
        <Textarea value={text} disabled={!canUpdate} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)} />
        <Field.Error />
      </Field.Root>
      {canUpdate ? (
        <Box paddingTop={2}>
          <Button
            size="S"
            variant="secondary"
            disabled={!changed}
            loading={saving}
            onClick={async () => {
              setSaving(true);
              setError(null);
              try {
                await onSave(agency, lines(text));
              } catch (err) {
                setError(err instanceof Error ? err.message : String(err));
              } finally {
                setSaving(false);
              }
            }}
          >
            {formatMessage({ id: getTrad('settings.agencies.save'), defaultMessage: 'Save aliases' })}
          </Button>
        </Box>
      ) : null}
    </Box>
  );
};

const SettingsForm = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const client = useFetchClient() as unknown as FetchClient;
  const {
    allowedActions: { canUpdate },
  } = useRBAC(PERMISSIONS.settingsUpdate);

  const [view, setView] = React.useState<SettingsView | null>(null);
  const [loadError, setLoadError] = React.useState<string | null>(null);
  const [rules, setRules] = React.useState<RuleDraft | null>(null);
  const [credits, setCredits] = React.useState('');
  const [problems, setProblems] = React.useState<Problem[]>([]);
  const [saving, setSaving] = React.useState(false);

  const show = React.useCallback((next: SettingsView) => {
    setView(next);
    setRules(Object.fromEntries(next.rules.map((r) => [r.id, { enabled: r.enabled, severity: r.severity }])) as RuleDraft);
    setCredits(next.placeholderCredits.join('\n'));
  }, []);

  React.useEffect(() => {
    client
      .get<{ data: SettingsView }>(`/${PLUGIN_ID}/settings`)
      .then(({ data }) => show(data.data))
      .catch((err: unknown) => setLoadError(apiError(err).message));
  }, [client, show]);

  if (loadError) return <Page.Error />;
  if (!view || !rules) return <Page.Loading />;

  const save = async () => {
    const update: SettingsUpdate = { rules: {} };
    for (const rule of view.rules) {
      const draft = rules[rule.id];
      if (draft.enabled !== rule.enabled || draft.severity !== rule.severity) update.rules![rule.id] = { ...draft };
    }
    const creditList = lines(credits);
    if (creditList.join('\n') !== view.placeholderCredits.join('\n')) update.placeholderCredits = creditList;
    setSaving(true);
    setProblems([]);
    try {
      const { data } = await client.put<{ data: SettingsView }>(`/${PLUGIN_ID}/settings`, update);
      show(data.data);
      toggleNotification({ type: 'success', message: formatMessage({ id: getTrad('settings.saved'), defaultMessage: 'Settings saved.' }) });
    } catch (err) {
      const error = apiError(err);
      const found = (error.details?.errors ?? []).map((e) => ({ path: e.path ?? [], message: e.message ?? error.message }));
      setProblems(found.length > 0 ? found : [{ path: [], message: error.message }]);
      toggleNotification({
        type: 'danger',
        message: formatMessage({ id: getTrad('settings.error'), defaultMessage: 'Not saved: {message}' }, { message: error.message }),
      });
    } finally {
      setSaving(false);
    }
  };

  const saveAgency = async (agency: AgencyView, aliases: string[]) => {
    try {
      const { data } = await client.put<{ data: SettingsView }>(`/${PLUGIN_ID}/settings/agencies/${agency.documentId}`, { aliases });
      setView(data.data);
      toggleNotification({ type: 'success', message: formatMessage({ id: getTrad('settings.saved'), defaultMessage: 'Settings saved.' }) });
    } catch (err) {
      throw new Error(apiError(err).message, { cause: err });
    }
  };

  const problemAt = (...path: string[]) => problems.find((p) => p.path.join('.') === path.join('.'))?.message;
  const origin = (value: 'default' | 'file' | 'admin') => formatMessage({ id: getTrad(`settings.origin.${value}`), defaultMessage: value });

  return (
    <Page.Main>
      <Page.Title>{formatMessage({ id: getTrad('plugin.name'), defaultMessage: 'Attribution guard' })}</Page.Title>
      <Layouts.Header
        title={formatMessage({ id: getTrad('settings.title'), defaultMessage: 'Attribution guard' })}
        subtitle={formatMessage({
          id: getTrad('settings.subtitle'),
          defaultMessage: 'Rules that check bylines, outlets and photo credits before anything is published.',
        })}
        primaryAction={
          canUpdate ? (
            <Button startIcon={<Check />} onClick={() => void save()} loading={saving} data-testid="ag-settings-save">
              {formatMessage({ id: getTrad('settings.save'), defaultMessage: 'Save' })}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {!canUpdate ? (
            <Typography variant="omega" textColor="neutral600" data-testid="ag-settings-readonly">
              {formatMessage({ id: getTrad('settings.readOnly'), defaultMessage: 'You can read these settings but not change them.' })}
            </Typography>
          ) : null}
          {problems.length > 0 ? (
            <Box background="danger100" padding={3} hasRadius role="alert" data-testid="ag-settings-problems">
              {problems.map((p, i) => (
                <Typography key={i} tag="p" textColor="danger700">
                  {p.message}
                </Typography>
              ))}
            </Box>
          ) : null}

          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Typography variant="delta" tag="h2">
              {formatMessage({ id: getTrad('settings.rules'), defaultMessage: 'Rules' })}
            </Typography>
            <Box paddingTop={4}>
              <Table colCount={4} rowCount={view.rules.length + 1}>
                <Thead>
                  <Tr>
                    <Th>
                      <Typography variant="sigma">{formatMessage({ id: getTrad('settings.rule'), defaultMessage: 'Rule' })}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{formatMessage({ id: getTrad('settings.enabled'), defaultMessage: 'On' })}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">
                        {formatMessage({ id: getTrad('settings.severity'), defaultMessage: 'Severity' })}
                      </Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">
                        {formatMessage({ id: getTrad('settings.overridable'), defaultMessage: 'Can be overridden' })}
                      </Typography>
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {view.rules.map((rule) => {
                    const draft = rules[rule.id];
                    const label = formatMessage({ id: getTrad(`rule.${rule.id}`), defaultMessage: rule.id });
                    return (
                      <Tr key={rule.id} data-testid="ag-rule" data-rule={rule.id}>
                        <Td>
                          <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={2} paddingBottom={2}>
                            <Typography textColor="neutral800">{label}</Typography>
                            <Flex gap={2}>
                              <Typography variant="pi" textColor="neutral500">
                                {rule.id}
                              </Typography>
                              <Badge size="S">{origin(rule.origin)}</Badge>
                            </Flex>
                            {problemAt('rules', rule.id) ? (
                              <Typography variant="pi" textColor="danger600">
                                {problemAt('rules', rule.id)}
                              </Typography>
                            ) : null}
                          </Flex>
                        </Td>
                        <Td>
                          <Switch
                            aria-label={formatMessage(
                              { id: getTrad('settings.enabled.label'), defaultMessage: 'Run “{rule}”' },
                              { rule: label },
                            )}
                            checked={draft.enabled}
                            disabled={!canUpdate}
                            onCheckedChange={(checked: boolean) => setRules({ ...rules, [rule.id]: { ...draft, enabled: checked } })}
                          />
                        </Td>
                        <Td>
                          <SingleSelect
                            aria-label={formatMessage(
                              { id: getTrad('settings.severity.label'), defaultMessage: 'Severity of “{rule}”' },
                              { rule: label },
                            )}
                            value={draft.severity}
                            disabled={!canUpdate}
                            onChange={(value: string | number) =>
                              setRules({ ...rules, [rule.id]: { ...draft, severity: String(value) as Severity } })
                            }
                          >
                            <SingleSelectOption value="error">
                              {formatMessage({ id: getTrad('severity.error'), defaultMessage: 'Error (blocks publishing)' })}
                            </SingleSelectOption>
                            <SingleSelectOption value="warning">
                              {formatMessage({ id: getTrad('severity.warning'), defaultMessage: 'Warning' })}
                            </SingleSelectOption>
                          </SingleSelect>
                        </Td>
                        <Td>
                          <Typography textColor="neutral600">
                            {rule.overridable
                              ? formatMessage({ id: getTrad('settings.yes'), defaultMessage: 'Yes' })
                              : formatMessage({ id: getTrad('settings.no'), defaultMessage: 'No' })}
                          </Typography>
                        </Td>
                      </Tr>
                    );
                  })}
                </Tbody>
              </Table>
            </Box>
          </Box>

          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Field.Root
              name="placeholderCredits"
              error={problemAt('placeholderCredits')}
              hint={formatMessage({
                id: getTrad('settings.placeholders.hint'),
                defaultMessage: 'One per line. A credit matching one of these names no one and blocks publishing.',
              })}
            >
              <Field.Label>
                {formatMessage({ id: getTrad('settings.placeholders'), defaultMessage: 'Placeholder credits' })} ·{' '}
                {origin(view.placeholderCreditsOrigin)}
              </Field.Label>
              <Textarea
                value={credits}
                disabled={!canUpdate}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setCredits(e.target.value)}
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Box>

          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Typography variant="delta" tag="h2">
              {formatMessage({ id: getTrad('settings.agencies'), defaultMessage: 'Agency aliases' })}
            </Typography>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {formatMessage({
                id: getTrad('settings.agencies.hint'),
                defaultMessage: 'Other names a credit may use for each agency, one per line.',
              })}
            </Typography>
            <Box paddingTop={4}>
              {view.agencies.length === 0 ? (
                <Typography textColor="neutral600">
                  {formatMessage({ id: getTrad('settings.agencies.none'), defaultMessage: 'No agencies registered yet.' })}
                </Typography>
              ) : (
                view.agencies.map((agency) => (
                  <AgencyRow
                    key={`${agency.documentId}:${agency.aliases.join('|')}`}
                    agency={agency}
                    canUpdate={canUpdate === true}
                    onSave={saveAgency}
                  />
                ))
              )}
            </Box>
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** Settings → Attribution guard: rules, placeholder credits and agency aliases. */
const SettingsPage = () => (
  <Page.Protect permissions={PERMISSIONS.settingsRead}>
    <SettingsForm />
  </Page.Protect>
);

export default SettingsPage;
