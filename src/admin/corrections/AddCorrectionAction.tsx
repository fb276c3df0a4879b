import * as React from 'react';
import { Button, Field, Flex, Modal, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { unstable_useDocument, useFetchClient, useForm, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { buildValidParams } from '@strapi/content-manager/strapi-admin';
import type { DocumentActionComponent, DocumentActionProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { ARTICLE_UID, errorMessage } from '../import/types';

const KINDS = ['correction', 'clarification', 'update'] as const;
type Kind = (typeof KINDS)[number];
const MAX_TEXT = 2000;

/** The panels of the edit view re-read the verdict and the history on this event (see the plugins' admin code). */
const PUBLISH_ATTEMPT_EVENT = 'newsroom:publish-attempt';

interface DialogInputs {
  documentId: string;
  locale: string;
  /** The saved draft holds edits readers have not seen: they go out with the correction. */
  pendingEdits: boolean;
  /** The form holds edits that are not saved: save first, the server publishes the saved story. */
  unsaved: boolean;
  onPublished: () => void;
}

/** The dialog owns what is being typed, so keystrokes stay local instead of recomputing the action. */
const AddCorrectionDialog = ({ inputs, onClose }: { inputs: DialogInputs; onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [kind, setKind] = React.useState<Kind>('correction');
  const [text, setText] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const kindLabel = (k: Kind) => formatMessage({ id: `newsroom-corrections.kind.${k}`, defaultMessage: k });

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await post('/newsroom/corrections', { documentId: inputs.documentId, locale: inputs.locale, kind, text: text.trim() });
      toggleNotification({
        type: 'success',
        message: formatMessage({
          id: 'newsroom-corrections.done',
          defaultMessage: 'Correction published: the story went out again with it.',
        }),
      });
      inputs.onPublished();
      window.dispatchEvent(new CustomEvent(PUBLISH_ATTEMPT_EVENT));
      onClose();
    } catch (err) {
      // The gate's or the rules' own words: they say what to fix.
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography variant="omega">
            {formatMessage(
              {
                id: 'newsroom-corrections.dialog.intro',
                defaultMessage:
                  'Readers see it with the story ({locale}), newest first. Once published it cannot be changed or removed; a later correction can supersede it.',
              },
              { locale: inputs.locale },
            )}
          </Typography>
          {inputs.pendingEdits && (
            <Typography variant="pi" textColor="warning700" data-testid="correction-pending">
              {formatMessage({
                id: 'newsroom-corrections.dialog.pending',
                defaultMessage: 'The saved draft has changes readers have not seen yet: they are published with the correction.',
              })}
            </Typography>
          )}
          {inputs.unsaved && (
            <Typography variant="pi" textColor="danger700" data-testid="correction-unsaved">
              {formatMessage({
                id: 'newsroom-corrections.dialog.unsaved',
                defaultMessage: 'Save your changes first: the correction is published with the saved story.',
              })}
            </Typography>
          )}
          <Field.Root name="correction-kind" required>
            <Field.Label>{formatMessage({ id: 'newsroom-corrections.dialog.kind', defaultMessage: 'Kind' })}</Field.Label>
            <SingleSelect
              value={kind}
              onChange={(value: string | number) => setKind(KINDS.find((k) => k === value) ?? 'correction')}
              disabled={busy}
            >
              {KINDS.map((k) => (
                <SingleSelectOption key={k} value={k}>
                  {kindLabel(k)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root
            name="correction-text"
            required
            error={error ?? undefined}
            hint={formatMessage(
              {
                id: 'newsroom-corrections.dialog.hint',
                defaultMessage: 'Say what was wrong and what is right. Plain text, at most {max} characters.',
              },
              { max: MAX_TEXT },
            )}
          >
            <Field.Label>{formatMessage({ id: 'newsroom-corrections.dialog.text', defaultMessage: 'Text' })}</Field.Label>
            <Textarea
              value={text}
              maxLength={MAX_TEXT}
              disabled={busy}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>
          {formatMessage({ id: 'newsroom-corrections.dialog.cancel', defaultMessage: 'Cancel' })}
        </Button>
        <Button loading={busy} disabled={inputs.unsaved || text.trim() === ''} onClick={() => void submit()}>
          {formatMessage({ id: 'newsroom-corrections.dialog.submit', defaultMessage: 'Publish correction' })}
        </Button>
      </Modal.Footer>
    </>
  );
};

/**
 * **Add correction** on a published article: a small dialog (kind and text) that adds the
 * correction and publishes the story again through every publish check (`POST /newsroom/corrections`).
 * Offered only where there is a published version; the server decides the rest.
 */
export const AddCorrectionAction: DocumentActionComponent = (props: DocumentActionProps) => {
  const { formatMessage } = useIntl();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const modified = useForm('AddCorrectionAction', (state) => state.modified);
  const params = React.useMemo(() => buildValidParams(query), [query]);
  const saved = props.documentId && props.documentId !== 'create' ? props.documentId : undefined;
  const { refetch } = unstable_useDocument(
    { collectionType: props.collectionType, model: props.model, documentId: saved, params },
    { skip: !saved || props.model !== ARTICLE_UID },
  );
  const status = (props.document as { status?: string } | undefined)?.status;
  const locale = query.plugins?.i18n?.locale ?? (props.document as { locale?: string } | undefined)?.locale ?? 'zh-Hant';

  const inputs = React.useRef<DialogInputs | null>(null);
  if (saved)
    inputs.current = {
      documentId: saved,
      locale,
      pendingEdits: status === 'modified',
      unsaved: modified,
      onPublished: () => void refetch(),
    };
  // A stable component type: the dialog keeps what is typed while this description is recomputed.
  const Content = React.useMemo(
    () =>
      function AddCorrectionContent({ onClose }: { onClose: () => void }) {
        return inputs.current ? <AddCorrectionDialog inputs={inputs.current} onClose={onClose} /> : null;
      },
    [],
  );

  if (props.model !== ARTICLE_UID || !saved || props.activeTab === 'published') return null;
  return {
    label: formatMessage({ id: 'newsroom-corrections.action', defaultMessage: 'Add correction' }),
    position: 'panel',
    // Only a published story gets corrections; a draft that was never published has nothing to correct.
    disabled: status !== 'published' && status !== 'modified',
    dialog: {
      type: 'modal',
      title: formatMessage({ id: 'newsroom-corrections.dialog.title', defaultMessage: 'Add a correction' }),
      content: Content,
    },
  };
};
