import * as React from 'react';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Textarea, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import type { AssigneeInfo, EntryState, Stage, StoredFinding } from '../../../shared/contracts/workflow';
import { PLUGIN_ID, t } from '../pluginId';
import { entryPath, errorMessage, useEntryState } from '../utils/api';
import { StageBadge, StageLabel } from './StageBadge';

/** Admin locale → the key of a finding's message (`zh` is Traditional Chinese in the admin). */
const messageKey = (locale: string) => (locale === 'zh' ? 'zh-Hant' : locale === 'zh-Hans' ? 'zh-Hans' : 'en');

export const FindingList = ({ findings }: { findings: StoredFinding[] }) => {
  const { locale } = useIntl();
  if (findings.length === 0) return null;
  return (
    <Box tag="ul" paddingLeft={4}>
      {findings.map((f, i) => (
        <li key={`${f.rule}-${i}`}>
          <Typography variant="pi" textColor={f.severity === 'warning' ? 'warning700' : 'danger700'}>
            {f.messages?.[messageKey(locale)] ?? f.message} <Typography variant="pi" textColor="neutral500">({f.rule}{f.path.length ? ` · ${f.path.join('.')}` : ''})</Typography>
          </Typography>
        </li>
      ))}
    </Box>
  );
};

const WorkflowPanelContent = ({ model, documentId, locale, reloadKey }: { model: string; documentId: string; locale?: string; reloadKey: unknown }) => {
  const { formatMessage, formatDate } = useIntl();
  const { post, put, get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { state, setState, error } = useEntryState(model, documentId, locale, reloadKey);
  const [comment, setComment] = React.useState('');
  const [publishAt, setPublishAt] = React.useState('');
  const [unpublishAt, setUnpublishAt] = React.useState('');
  const [timezone, setTimezone] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [assignees, setAssignees] = React.useState<AssigneeInfo[]>([]);

  React.useEffect(() => {
    if (state && !timezone) setTimezone(state.timezone);
  }, [state, timezone]);

  React.useEffect(() => {
    if (!state?.canAssign) return;
    get<{ data: AssigneeInfo[] }>(`/${PLUGIN_ID}/assignees`)
      .then((res) => setAssignees(res.data.data))
      .catch(() => setAssignees([]));
  }, [get, state?.canAssign]);

  if (error) return <Typography textColor="danger700">{error}</Typography>;
  if (!state) return <Typography textColor="neutral600">{formatMessage({ id: t('panel.loading'), defaultMessage: 'Loading…' })}</Typography>;

  const run = async (request: () => Promise<{ data: { data: EntryState } }>) => {
    setBusy(true);
    try {
      const res = await request();
      setState(res.data.data);
      setComment('');
      toggleNotification({ type: 'success', message: formatMessage({ id: t('panel.saved'), defaultMessage: 'Workflow updated' }) });
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  const path = entryPath(model, documentId);
  const moveTo = (to: Stage) =>
    run(() => post(`${path}/transition`, { locale: state.locale, to, comment: comment || null, ...(to === 'scheduled' ? { publishAt, timezone } : {}) }));
  const saveSchedule = (body: Record<string, unknown>) => run(() => put(`${path}/schedule`, { locale: state.locale, timezone, ...body }));
  const assign = (value: string | number) => run(() => put(`${path}/assignee`, { locale: state.locale, assignee: value === '' ? null : Number(value) }));

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Flex justifyContent="space-between" alignItems="center">
        <StageBadge stage={state.stage} />
        {state.publishAtLocal && <Typography variant="pi">{formatMessage({ id: t('panel.publishAt'), defaultMessage: 'Publishes {when}' }, { when: state.publishAtLocal })}</Typography>}
      </Flex>
      {state.unpublishAtLocal && <Typography variant="pi">{formatMessage({ id: t('panel.unpublishAt'), defaultMessage: 'Comes down {when}' }, { when: state.unpublishAtLocal })}</Typography>}

      {state.lastFailure && (
        <Box background="danger100" padding={3} hasRadius>
          <Typography variant="omega" fontWeight="bold" textColor="danger700">
            {formatMessage({ id: t(`history.${state.lastFailure.kind}`), defaultMessage: state.lastFailure.kind })}
          </Typography>
          {state.lastFailure.comment && <Typography variant="pi" tag="p">{state.lastFailure.comment}</Typography>}
          <FindingList findings={state.lastFailure.findings} />
        </Box>
      )}

      {state.guard && (
        <Box background={state.guard.ok ? 'success100' : 'warning100'} padding={3} hasRadius>
          <Typography variant="pi" fontWeight="bold">
            {state.guard.ok
              ? formatMessage({ id: t('panel.guard.ok'), defaultMessage: 'The attribution checks pass: it can go out.' })
              : formatMessage({ id: t('panel.guard.blocked'), defaultMessage: 'The attribution checks would refuse it now ({count} errors).' }, { count: state.guard.errors })}
          </Typography>
          <FindingList findings={state.guard.findings} />
        </Box>
      )}

      <Field.Root name="assignee">
        <Field.Label>{formatMessage({ id: t('panel.assignee'), defaultMessage: 'Assignee' })}</Field.Label>
        {state.canAssign ? (
          <SingleSelect value={state.assignee?.id ?? ''} onChange={(value: string | number) => assign(value)} disabled={busy}>
            <SingleSelectOption value="">{formatMessage({ id: t('panel.unassigned'), defaultMessage: 'Nobody' })}</SingleSelectOption>
            {assignees.map((u) => (
              <SingleSelectOption key={u.id} value={u.id}>
                {u.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        ) : (
          <Typography>{state.assignee?.name ?? formatMessage({ id: t('panel.unassigned'), defaultMessage: 'Nobody' })}</Typography>
        )}
      </Field.Root>

      {state.selfApprovalBlocked && (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: t('panel.selfApproval'), defaultMessage: 'You created this story, so another editor approves it.' })}
        </Typography>
      )}

      {state.allowedTargets.length > 0 && (
        <>
          <Field.Root name="comment">
            <Field.Label>{formatMessage({ id: t('panel.comment'), defaultMessage: 'Comment (kept in the history)' })}</Field.Label>
            <Textarea value={comment} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setComment(e.target.value)} />
          </Field.Root>
          {(state.allowedTargets.includes('scheduled') || state.stage === 'scheduled') && (
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Field.Root name="publishAt">
                <Field.Label>{formatMessage({ id: t('panel.when'), defaultMessage: 'Publish at (wall-clock time in the zone below)' })}</Field.Label>
                <TextInput type="datetime-local" value={publishAt} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPublishAt(e.target.value)} />
              </Field.Root>
              <Field.Root name="timezone">
                <Field.Label>{formatMessage({ id: t('panel.timezone'), defaultMessage: 'Time zone (IANA)' })}</Field.Label>
                <TextInput value={timezone} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTimezone(e.target.value)} />
              </Field.Root>
              {state.stage === 'scheduled' && (
                <Button variant="secondary" disabled={busy || !publishAt} onClick={() => saveSchedule({ publishAt })}>
                  {formatMessage({ id: t('panel.reschedule'), defaultMessage: 'Reschedule' })}
                </Button>
              )}
            </Flex>
          )}
          <Flex gap={2} wrap="wrap">
            {state.allowedTargets.map((to) => (
              <Button key={to} size="S" variant={to === 'changes-requested' || to === 'draft' ? 'secondary' : 'default'} disabled={busy || (to === 'scheduled' && !publishAt)} onClick={() => moveTo(to)}>
                {formatMessage({ id: t(`action.${state.stage}.${to}`), defaultMessage: '' }) || <StageLabel stage={to} />}
              </Button>
            ))}
          </Flex>
        </>
      )}

      {state.canSchedule && state.hasPublishedVersion && (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Field.Root name="unpublishAt">
            <Field.Label>{formatMessage({ id: t('panel.expiry'), defaultMessage: 'Unpublish at' })}</Field.Label>
            <TextInput type="datetime-local" value={unpublishAt} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setUnpublishAt(e.target.value)} />
          </Field.Root>
          <Flex gap={2}>
            <Button size="S" variant="secondary" disabled={busy || !unpublishAt} onClick={() => saveSchedule({ unpublishAt })}>
              {formatMessage({ id: t('panel.expiry.set'), defaultMessage: 'Set' })}
            </Button>
            {state.unpublishAt && (
              <Button size="S" variant="tertiary" disabled={busy} onClick={() => saveSchedule({ unpublishAt: null })}>
                {formatMessage({ id: t('panel.expiry.clear'), defaultMessage: 'Clear' })}
              </Button>
            )}
          </Flex>
        </Flex>
      )}

      {state.history.length > 0 && (
        <Box>
          <Typography variant="sigma" textColor="neutral600">
            {formatMessage({ id: t('panel.history'), defaultMessage: 'History' })}
          </Typography>
          <Box tag="ol" paddingTop={1}>
            {state.history.slice(0, 10).map((h) => (
              <li key={h.id}>
                <Typography variant="pi">
                  {formatDate(h.at, { dateStyle: 'short', timeStyle: 'short' })} · {h.actor ?? h.actorType} ·{' '}
                  {formatMessage({ id: t(`history.${h.kind}`), defaultMessage: h.kind })}
                  {h.fromStage && h.toStage && h.fromStage !== h.toStage ? ` (${h.fromStage} → ${h.toStage})` : ''}
                  {h.comment ? ` — ${h.comment}` : ''}
                </Typography>
              </li>
            ))}
          </Box>
        </Box>
      )}
    </Flex>
  );
};

/** The edit view's side panel: stage, assignee, schedule, the guard's verdict, and the history. */
export const WorkflowPanel: PanelComponent = ({ model, documentId, document, collectionType }: PanelComponentProps) => {
  const { formatMessage } = useIntl();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale;
  if (collectionType !== 'collection-types' || !documentId || documentId === 'create') return null;
  return {
    title: formatMessage({ id: t('panel.title'), defaultMessage: 'Editorial workflow' }),
    content: <WorkflowPanelContent model={model} documentId={documentId} locale={locale} reloadKey={document?.updatedAt} />,
  };
};
