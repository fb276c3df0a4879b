import * as React from 'react';
import { Box, Button, Checkbox, Flex, Modal, Typography } from '@strapi/design-system';
import { useFetchClient, useQueryParams } from '@strapi/strapi/admin';
import type { DocumentActionComponent, DocumentActionProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { ARTICLE_UID, errorMessage, t } from './types';
import type { EditionMessage, EditionResult, LinkedRecordReport } from '../../zh-hans/contract';

type Localized = EditionMessage;
type EditionRecord = LinkedRecordReport;

/** The admin's language to the content language its messages are kept in. */
const messageLocale = (adminLocale: string): keyof Localized =>
  adminLocale === 'zh' ? 'zh-Hant' : adminLocale === 'zh-Hans' ? 'zh-Hans' : 'en';

const lineColour = (line: string): string | undefined => (line.startsWith('+') ? '#2f6846' : line.startsWith('-') ? '#b72b1a' : undefined);

const DiffBlock = ({ diff }: { diff: string }) => (
  <Box background="neutral100" padding={2} hasRadius style={{ overflowX: 'auto' }}>
    <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }} data-testid="zh-hans-diff">
      {diff.split('\n').map((line, i) => (
        // The diff comes without file headers (see sourceDiff), so a line's first character alone says what it is.
        <span key={i} style={{ color: lineColour(line), display: 'block' }}>
          {line}
        </span>
      ))}
    </pre>
  </Box>
);

/**
 * The dialog behind "Create/refresh Simplified Chinese edition": converts, then says what happened to
 * the story and each record it links (published, or a draft and why). A refresh the zh-Hant story
 * changed, or that meets hand edits in zh-Hans, first shows the zh-Hant diff and the hand-edited
 * fields; each hand edit is kept unless its box is ticked.
 */
const ZhHansEditionDialog = ({ documentId, onClose }: { documentId: string; onClose: () => void }) => {
  const { formatMessage, locale } = useIntl();
  const { post } = useFetchClient();
  const [result, setResult] = React.useState<EditionResult | null>(null);
  const [overwrite, setOverwrite] = React.useState<Set<string>>(new Set());
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const lang = messageLocale(locale);
  const m = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: t(id), defaultMessage }, values);

  const run = async (confirm: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const res = await post<{ data: EditionResult }>('/newsroom/zh-hans-edition', {
        documentId,
        ...(confirm ? { confirm: true, overwrite: [...overwrite] } : {}),
      });
      setResult(res.data.data);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const toggle = (key: string) =>
    setOverwrite((previous) => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const statusLabel = (r: EditionRecord) =>
    r.action === 'unlinked'
      ? m('zhHans.status.unlinked', 'unlinked: the zh-Hant story no longer has it')
      : r.status === 'published'
        ? m('zhHans.status.published', 'published')
        : r.status === 'missing'
          ? m('zhHans.status.missing', 'no zh-Hans version')
          : m('zhHans.status.draft', 'draft');
  const roleLabel = (role: string) => m(`zhHans.role.${role}`, role);
  // The Content Manager's own field labels (`cover.caption`: the cover's caption; `gallery.0.alt`: the first gallery image's alt text).
  const fieldLabel = (uid: string, field: string) => {
    const [top = field, index, last] = field.split('.');
    const topLabel = formatMessage({ id: `content-manager.content-types.${uid}.${top}`, defaultMessage: top });
    const part = last ?? index;
    if (part === undefined) return topLabel;
    const partLabel = formatMessage({ id: `content-manager.components.media.credited-image.${part}`, defaultMessage: part });
    return last === undefined ? `${topLabel} · ${partLabel}` : `${topLabel} ${Number(index) + 1} · ${partLabel}`;
  };

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4} data-testid="zh-hans-dialog">
          {!result && (
            <Typography variant="omega">
              {m(
                'zhHans.intro',
                'Converts the zh-Hant story and every record it links (authors, editor, pull-quotes) to Simplified Chinese; names stay as written. Records published in zh-Hant whose conversion needs no check are published in zh-Hans; the story stays a draft for review.',
              )}
            </Typography>
          )}
          {error && (
            <Typography variant="pi" textColor="danger700" data-testid="zh-hans-error">
              {error}
            </Typography>
          )}
          {result?.needsConfirmation && (
            <Flex direction="column" alignItems="stretch" gap={3} data-testid="zh-hans-preview">
              <Typography variant="omega" fontWeight="bold">
                {m('zhHans.preview.title', 'Nothing is written yet. Since the last conversion:')}
              </Typography>
              {result.changes.some((c) => c.diff) && (
                <Typography variant="pi">
                  {m('zhHans.preview.legend', '− the zh-Hant text at the last conversion; + the zh-Hant text now')}
                </Typography>
              )}
              {result.changes.map((change) => (
                <Flex key={change.key} direction="column" alignItems="stretch" gap={1} data-testid="zh-hans-change" data-key={change.key}>
                  <Typography variant="pi" fontWeight="bold">
                    {roleLabel(change.kind)} {change.name} · {fieldLabel(change.uid, change.field)}
                  </Typography>
                  {change.sourceChanged && change.diff && <DiffBlock diff={change.diff} />}
                  {change.handEdited && (
                    <Checkbox
                      checked={overwrite.has(change.key)}
                      onCheckedChange={() => toggle(change.key)}
                      data-testid="zh-hans-overwrite"
                    >
                      {m('zhHans.preview.overwrite', 'Edited by hand in zh-Hans (kept unless ticked): replace it with the new conversion')}
                    </Checkbox>
                  )}
                </Flex>
              ))}
              {result.records
                .filter((r) => r.action === 'unlinked')
                .map((r) => (
                  <Typography key={r.documentId} variant="pi">
                    {m(
                      'zhHans.preview.unlink',
                      'The pull-quote of {name} is no longer in the zh-Hant story: it leaves the zh-Hans story.',
                      { name: r.name },
                    )}
                  </Typography>
                ))}
            </Flex>
          )}
          {result?.applied && (
            <Flex direction="column" alignItems="stretch" gap={2} data-testid="zh-hans-result">
              <Typography variant="omega" fontWeight="bold">
                {result.created
                  ? m('zhHans.created', 'Simplified Chinese draft created; review it before publishing.')
                  : m('zhHans.refreshed', 'Simplified Chinese draft refreshed; review it before publishing.')}
              </Typography>
              {result.changes.some((c) => !c.write) && (
                <Typography variant="pi">
                  {m('zhHans.result.kept', 'Hand edits kept: {fields}', {
                    fields: result.changes
                      .filter((c) => !c.write)
                      .map((c) => `${roleLabel(c.kind)} ${c.name} · ${fieldLabel(c.uid, c.field)}`.replace(/\s+/gu, ' '))
                      .join(', '),
                  })}
                </Typography>
              )}
              {result.records.map((r) => (
                <Box key={`${r.role}-${r.documentId}`} data-testid="zh-hans-record" data-role={r.role} data-status={r.status}>
                  <Typography variant="pi">
                    {roleLabel(r.role)} {r.name}: {statusLabel(r)}
                    {!r.localized ? ` (${m('zhHans.status.shared', 'one record in every language')})` : ''}
                  </Typography>
                  {r.reasons.map((reason, i) => (
                    <Typography
                      key={i}
                      variant="pi"
                      textColor={reason.code === 'publishes-with-story' ? 'neutral600' : 'warning700'}
                      tag="p"
                    >
                      {reason.message[lang]}
                    </Typography>
                  ))}
                </Box>
              ))}
            </Flex>
          )}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>
          {m('zhHans.close', 'Close')}
        </Button>
        {!result && (
          <Button loading={busy} onClick={() => void run(false)}>
            {m('zhHans.convert', 'Convert')}
          </Button>
        )}
        {result?.needsConfirmation && (
          <Button loading={busy} onClick={() => void run(true)}>
            {m('zhHans.confirm', 'Refresh')}
          </Button>
        )}
      </Modal.Footer>
    </>
  );
};

/** On a saved zh-Hant article: create or refresh its machine-converted zh-Hans edition (`POST /newsroom/zh-hans-edition`). */
export const ZhHansEditionAction: DocumentActionComponent = ({ model, documentId }: DocumentActionProps) => {
  const { formatMessage } = useIntl();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale ?? 'zh-Hant';
  const saved = React.useRef<string | null>(null);
  saved.current = documentId && documentId !== 'create' ? documentId : null;
  // A stable component type, so the dialog keeps its state while the action is recomputed.
  const Content = React.useMemo(
    () =>
      function ZhHansEditionContent({ onClose }: { onClose: () => void }) {
        return saved.current ? <ZhHansEditionDialog documentId={saved.current} onClose={onClose} /> : null;
      },
    [],
  );
  if (model !== ARTICLE_UID || !saved.current || locale !== 'zh-Hant') return null;
  return {
    label: formatMessage({ id: t('zhHans.action'), defaultMessage: 'Create/refresh Simplified Chinese edition' }),
    position: 'header',
    dialog: {
      type: 'modal',
      title: formatMessage({ id: t('zhHans.title'), defaultMessage: 'Simplified Chinese edition' }),
      content: Content,
    },
  };
};
// No `type`: Strapi's typing reserves it for its own actions.
