import * as React from 'react';
import { Box, Button, Dialog, Field, Flex, SingleSelect, SingleSelectOption, Textarea, TextInput, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { unstable_useDocument, useFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { buildValidParams } from '@strapi/content-manager/strapi-admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import type { AssigneeInfo, EntryState, Stage, StoredFinding, WorkflowLocalizedMessage } from '../../../shared/contracts/workflow';
import { PLUGIN_ID, t } from '../pluginId';
import { entryPath, errorMessage, useEntryState } from '../utils/api';
import { StageBadge, StageLabel } from './StageBadge';
import { TimezonePicker } from './TimezonePicker';
import { publishVerdict } from '../../../../attribution-guard/shared/contracts/gates';

/** The guard's event: a publish attempt or a workflow change, after which both panels re-read. */
const PUBLISH_ATTEMPT_EVENT = 'newsroom:publish-attempt';

/** The viewer's own IANA zone: the history is shown there, and labelled so. */
const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Publishing goes through the Content Manager's own Publish button, which runs every check first: one way to publish. */
const PANEL_HIDDEN_TARGETS = new Set<Stage>(['published']);

/** Admin locale → the key of a finding's message (`zh` is Traditional Chinese in the admin). */
const messageKey = (locale: string) => (locale === 'zh' ? 'zh-Hant' : locale === 'zh-Hans' ? 'zh-Hans' : 'en');

/** What a history line says: the system's note in the admin's language, else the comment as a person typed it. */
export const noteText = (entry: { note?: WorkflowLocalizedMessage | null; comment?: string | null }, locale: string): string | null => {
  const said = entry.note?.[messageKey(locale)] || null;
  // A person's comment beside the system's note (the note's English copy is not a comment).
  const typed = entry.comment && entry.comment !== entry.note?.en ? entry.comment : null;
  return [said, typed].filter(Boolean).join(' — ') || null;
};

export const FindingList = ({ findings }: { findings: StoredFinding[] }) => {
  const { locale } = useIntl();
  if (findings.length === 0) return null;
  return (
    <Box tag="ul" paddingLeft={4}>
      {findings.map((f, i) => (
        <li key={`${f.rule}-${i}`}>
          <Typography variant="pi" textColor={f.severity === 'warning' ? 'warning700' : 'danger700'}>
            {f.messages?.[messageKey(locale)] ?? f.message}
          </Typography>
        </li>
      ))}
    </Box>
  );
};

const VerdictText = ({ state }: { state: EntryState }) => {
  const { formatMessage } = useIntl();
  const verdict = publishVerdict(state.guard?.errors ?? 0, state.gates);
  const text =
    verdict.kind === 'fix'
      ? formatMessage(
          {
            id: t('verdict.fix'),
            defaultMessage:
              '{count, plural, one {# attribution problem} other {# attribution problems}} to fix (see Attribution & credits)',
          },
          { count: verdict.errors },
        )
      : verdict.kind === 'scheduled' || verdict.kind === 'embargoed'
        ? formatMessage(
            {
              id: t(`verdict.${verdict.kind}`),
              defaultMessage: verdict.kind === 'scheduled' ? 'Scheduled for {when}' : 'Ready · under embargo until {when}',
            },
            { when: verdict.detail ?? '' },
          )
        : formatMessage({ id: t(`verdict.${verdict.kind}`), defaultMessage: verdict.kind });
  const color =
    verdict.kind === 'fix'
      ? 'danger700'
      : verdict.kind === 'needs-review' || verdict.kind === 'needs-approval'
        ? 'warning700'
        : 'success700';
  return (
    <Typography variant="pi" fontWeight="bold" textColor={color} data-testid="wf-verdict" data-verdict={verdict.kind}>
      {text}
    </Typography>
  );
};

const WorkflowPanelContent = ({
  model,
  documentId,
  locale,
  reloadKey,
  onDocumentChanged,
}: {
  model: string;
  documentId: string;
  locale?: string;
  reloadKey: unknown;
  onDocumentChanged: () => void;
}) => {
  const { formatMessage, formatDate, locale: adminLocale } = useIntl();
  const { post, put, get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { state, setState, error, reload } = useEntryState(model, documentId, locale, reloadKey);
  const [confirmUnpublish, setConfirmUnpublish] = React.useState(false);

  React.useEffect(() => {
    window.addEventListener(PUBLISH_ATTEMPT_EVENT, reload);
    return () => window.removeEventListener(PUBLISH_ATTEMPT_EVENT, reload);
  }, [reload]);
  const [comment, setComment] = React.useState('');
  const [publishAt, setPublishAt] = React.useState('');
  const [unpublishAt, setUnpublishAt] = React.useState('');
  const [embargoUntil, setEmbargoUntil] = React.useState('');
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
  if (!state)
    return <Typography textColor="neutral600">{formatMessage({ id: t('panel.loading'), defaultMessage: 'Loading…' })}</Typography>;

  const run = async (request: () => Promise<{ data: { data: EntryState } }>) => {
    setBusy(true);
    try {
      const res = await request();
      setState(res.data.data);
      setComment('');
      toggleNotification({ type: 'success', message: formatMessage({ id: t('panel.saved'), defaultMessage: 'Workflow updated' }) });
      // The header's status (published / draft) and the attribution panel's verdict follow at once.
      onDocumentChanged();
      window.dispatchEvent(new CustomEvent(PUBLISH_ATTEMPT_EVENT));
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  const path = entryPath(model, documentId);
  const moveTo = (to: Stage) =>
    run(() =>
      post(`${path}/transition`, {
        locale: state.locale,
        to,
        comment: comment || null,
        ...(to === 'scheduled' ? { publishAt, timezone } : {}),
      }),
    );
  const saveSchedule = (body: Record<string, unknown>) => run(() => put(`${path}/schedule`, { locale: state.locale, timezone, ...body }));
  const saveEmbargo = (until: string | null) =>
    run(() => put(`${path}/embargo`, { locale: state.locale, timezone, until, comment: comment || null }));
  const assign = (value: string | number) =>
    run(() => put(`${path}/assignee`, { locale: state.locale, assignee: value === '' ? null : Number(value) }));

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="wf-panel" data-stage={state.stage}>
      <Flex gap={2} alignItems="center" wrap="wrap">
        <StageBadge stage={state.stage} />
      </Flex>
      <VerdictText state={state} />
      {state.unpublishAtLocal && (
        <Typography variant="pi">
          {formatMessage({ id: t('panel.unpublishAt'), defaultMessage: 'Comes down {when}' }, { when: state.unpublishAtLocal })}
        </Typography>
      )}

      {state.lastFailure && (
        <Box background="danger100" padding={3} hasRadius>
          <Typography variant="omega" fontWeight="bold" textColor="danger700">
            {formatMessage({ id: t(`history.${state.lastFailure.kind}`), defaultMessage: state.lastFailure.kind })}
          </Typography>
          {noteText(state.lastFailure, adminLocale) && (
            <Typography variant="pi" tag="p">
              {noteText(state.lastFailure, adminLocale)}
            </Typography>
          )}
          <FindingList findings={state.lastFailure.findings} />
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
                <Field.Label>
                  {formatMessage({ id: t('panel.when'), defaultMessage: 'Publish at (time in {zone})' }, { zone: timezone })}
                </Field.Label>
                <TextInput
                  type="datetime-local"
                  value={publishAt}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPublishAt(e.target.value)}
                />
              </Field.Root>
              <TimezonePicker value={timezone} onChange={setTimezone} disabled={busy} />
              {state.stage === 'scheduled' && (
                <Button variant="secondary" disabled={busy || !publishAt} onClick={() => saveSchedule({ publishAt })}>
                  {formatMessage({ id: t('panel.reschedule'), defaultMessage: 'Reschedule' })}
                </Button>
              )}
            </Flex>
          )}
          <Flex gap={2} wrap="wrap">
            {state.allowedTargets
              .filter((to) => !PANEL_HIDDEN_TARGETS.has(to))
              .map((to) => {
                const unpublish = state.stage === 'published' && to === 'draft';
                return (
                  <Button
                    key={to}
                    size="S"
                    variant={unpublish ? 'danger-light' : to === 'changes-requested' || to === 'draft' ? 'secondary' : 'default'}
                    disabled={busy || (to === 'scheduled' && !publishAt)}
                    onClick={() => (unpublish ? setConfirmUnpublish(true) : moveTo(to))}
                  >
                    {formatMessage({ id: t(`action.${state.stage}.${to}`), defaultMessage: '' }) || <StageLabel stage={to} />}
                  </Button>
                );
              })}
          </Flex>
        </>
      )}

      {state.canSchedule && state.hasPublishedVersion && (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Field.Root name="unpublishAt">
            <Field.Label>
              {formatMessage({ id: t('panel.expiry'), defaultMessage: 'Unpublish at (time in {zone})' }, { zone: timezone })}
            </Field.Label>
            <TextInput
              type="datetime-local"
              value={unpublishAt}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setUnpublishAt(e.target.value)}
            />
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

      {state.stage !== 'published' && (state.canSchedule || state.embargoUntilLocal) && (
        <Flex
          direction="column"
          alignItems="stretch"
          gap={2}
          data-testid="wf-embargo"
          data-embargoed={state.embargoUntilLocal ? 'true' : 'false'}
        >
          {state.embargoUntilLocal ? (
            <Typography variant="omega" fontWeight="bold" textColor="warning700">
              {formatMessage(
                { id: t('panel.embargo.active'), defaultMessage: 'Under embargo until {when}: nothing publishes it before then.' },
                { when: state.embargoUntilLocal },
              )}
            </Typography>
          ) : null}
          {state.canSchedule && (
            <>
              <Field.Root
                name="embargoUntil"
                hint={formatMessage({ id: t('panel.embargo.hint'), defaultMessage: 'Not to be published before this time, by any route.' })}
              >
                <Field.Label>
                  {formatMessage({ id: t('panel.embargo'), defaultMessage: 'Embargo until (time in {zone})' }, { zone: timezone })}
                </Field.Label>
                <TextInput
                  type="datetime-local"
                  value={embargoUntil}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => setEmbargoUntil(e.target.value)}
                />
                <Field.Hint />
              </Field.Root>
              <Flex gap={2}>
                <Button size="S" variant="secondary" disabled={busy || !embargoUntil} onClick={() => saveEmbargo(embargoUntil)}>
                  {formatMessage({ id: t('panel.embargo.set'), defaultMessage: 'Set embargo' })}
                </Button>
                {state.embargoUntil && (
                  <Button size="S" variant="tertiary" disabled={busy} onClick={() => saveEmbargo(null)}>
                    {formatMessage({ id: t('panel.embargo.lift'), defaultMessage: 'Lift embargo' })}
                  </Button>
                )}
              </Flex>
            </>
          )}
        </Flex>
      )}

      <UnpublishDialog
        open={confirmUnpublish}
        title={state.title}
        onCancel={() => setConfirmUnpublish(false)}
        onConfirm={async () => {
          setConfirmUnpublish(false);
          await moveTo('draft');
        }}
      />

      {state.history.length > 0 && (
        <Box data-testid="wf-history">
          <Typography variant="sigma" textColor="neutral600">
            {formatMessage({ id: t('panel.history'), defaultMessage: 'History' })}
          </Typography>
          <Typography variant="pi" textColor="neutral500" tag="p">
            {formatMessage({ id: t('panel.history.zone'), defaultMessage: 'Times in your zone: {zone}' }, { zone: viewerZone() })}
          </Typography>
          <Box tag="ol" paddingTop={1}>
            {/* The latest ten, and every correction however far back: corrections are the story's public record. */}
            {[...state.history.slice(0, 10), ...state.history.slice(10).filter((h) => h.kind === 'corrected')].map((h) => (
              <li key={h.id}>
                <Typography variant="pi">
                  {formatDate(h.at, {
                    year: 'numeric',
                    month: 'short',
                    day: 'numeric',
                    hour: '2-digit',
                    minute: '2-digit',
                    timeZone: viewerZone(),
                    timeZoneName: 'short',
                  })}{' '}
                  · {h.actor ?? h.actorType} · {formatMessage({ id: t(`history.${h.kind}`), defaultMessage: h.kind })}
                  {h.fromStage && h.toStage && h.fromStage !== h.toStage ? (
                    <>
                      {' ('}
                      <StageLabel stage={h.fromStage} />
                      {' → '}
                      <StageLabel stage={h.toStage} />
                      {')'}
                    </>
                  ) : null}
                  {noteText(h, adminLocale) ? ` — ${noteText(h, adminLocale)}` : ''}
                </Typography>
              </li>
            ))}
          </Box>
        </Box>
      )}
    </Flex>
  );
};

/** Unpublishing asks first: readers and partners lose the story at once. */
const UnpublishDialog = ({
  open,
  title,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  title: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}) => {
  const { formatMessage } = useIntl();
  return (
    <Dialog.Root open={open} onOpenChange={(next: boolean) => !next && onCancel()}>
      <Dialog.Content>
        <Dialog.Header>
          {formatMessage({ id: t('unpublish.title'), defaultMessage: 'Unpublish “{title}”?' }, { title: title ?? '' })}
        </Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>
          <Typography data-testid="wf-unpublish-warning">
            {formatMessage({ id: t('unpublish.body'), defaultMessage: 'This takes the story off the site and the API.' })}
          </Typography>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary" onClick={onCancel}>
              {formatMessage({ id: t('unpublish.cancel'), defaultMessage: 'Keep it published' })}
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button variant="danger" onClick={onConfirm}>
              {formatMessage({ id: t('unpublish.confirm'), defaultMessage: 'Unpublish' })}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};

const WorkflowPanelWithDocument = (props: {
  model: string;
  documentId: string;
  collectionType: string;
  locale?: string;
  reloadKey: unknown;
}) => {
  const [{ query }] = useQueryParams();
  const params = React.useMemo(() => buildValidParams(query), [query]);
  const { refetch } = unstable_useDocument({
    collectionType: props.collectionType,
    model: props.model,
    documentId: props.documentId,
    params,
  });
  return <WorkflowPanelContent {...props} onDocumentChanged={() => void refetch()} />;
};

/** The edit view's side panel: stage, the one verdict, assignee, schedule, and the history. */
export const WorkflowPanel: PanelComponent = ({ model, documentId, document, collectionType }: PanelComponentProps) => {
  const { formatMessage } = useIntl();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale;
  if (collectionType !== 'collection-types' || !documentId || documentId === 'create') return null;
  return {
    title: formatMessage({ id: t('panel.title'), defaultMessage: 'Editorial workflow' }),
    content: (
      <WorkflowPanelWithDocument
        model={model}
        documentId={documentId}
        collectionType={collectionType}
        locale={locale}
        reloadKey={document?.updatedAt}
      />
    ),
  };
};
