import * as React from 'react';
import { Modal } from '@strapi/design-system';
import { unstable_useDocument, useFetchClient, useForm, useNotification, useQueryParams, useRBAC } from '@strapi/strapi/admin';
import { buildValidParams } from '@strapi/content-manager/strapi-admin';
import type { DocumentActionComponent, DocumentActionDescription, DocumentActionProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import type { CheckResponse } from '../../../shared/contracts/admin-api';
import { PERMISSIONS, PLUGIN_ID } from '../pluginId';
import { apiError, type FetchClient } from '../utils/api';
import { toCheckData } from '../utils/form-data';
import { getTrad } from '../utils/translations';
import { PUBLISH_ATTEMPT_EVENT } from '../utils/events';
import { useDocumentLocale, useIsGuarded, useJumpToField } from './AttributionPanel';
import { BlockedPublishBody, BlockedPublishFooter, MIN_REASON_LENGTH, type BlockedState } from './BlockedPublish';

interface ModalInputs {
  blocked: BlockedState;
  model: string;
  documentId: string | undefined;
  locale: string | undefined;
  unsaved: boolean;
  canOverride: boolean;
  onPublished: () => void;
}

/**
 * The dialog's content owns the reason being typed, so keystrokes stay local instead of travelling
 * through the document action's description on every change.
 */
const BlockedPublishModal = ({ inputs, onClose }: { inputs: ModalInputs; onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const client = useFetchClient() as unknown as FetchClient;
  const jump = useJumpToField();
  const [reason, setReason] = React.useState('');
  const [overrideError, setOverrideError] = React.useState<string | null>(null);
  const [publishing, setPublishing] = React.useState(false);
  const canOverride = inputs.canOverride && inputs.blocked.overridable && inputs.documentId !== undefined;

  const publishAnyway = async (): Promise<boolean> => {
    if (!inputs.documentId || reason.trim().length < MIN_REASON_LENGTH) return false;
    setPublishing(true);
    setOverrideError(null);
    try {
      await client.post(`/${PLUGIN_ID}/publish`, {
        contentType: inputs.model,
        documentId: inputs.documentId,
        ...(inputs.locale ? { locale: inputs.locale } : {}),
        reason: reason.trim(),
      });
      toggleNotification({
        type: 'success',
        message: formatMessage({
          id: getTrad('publish.anyway.done'),
          defaultMessage: 'Published past the attribution checks; the reason is recorded.',
        }),
      });
      inputs.onPublished();
      window.dispatchEvent(new CustomEvent(PUBLISH_ATTEMPT_EVENT));
      return true;
    } catch (err) {
      setOverrideError(apiError(err).message);
      return false;
    } finally {
      setPublishing(false);
    }
  };

  return (
    <>
      <Modal.Body>
        <BlockedPublishBody
          blocked={inputs.blocked}
          canOverride={canOverride}
          unsaved={inputs.unsaved}
          reason={reason}
          onReasonChange={setReason}
          overrideError={overrideError}
          onJump={(path) => {
            onClose();
            jump(path);
          }}
        />
      </Modal.Body>
      <BlockedPublishFooter
        onClose={onClose}
        canOverride={canOverride}
        unsaved={inputs.unsaved}
        reason={reason}
        publishing={publishing}
        onPublishAnyway={publishAnyway}
      />
    </>
  );
};

/**
 * Wraps the Content Manager's Publish action. On a guarded type it first checks the form as it is:
 * when the guard would refuse, the editor gets the guard's message and the list of what to fix (and,
 * with the override permission, "Publish anyway" with a reason) instead of a toast. When the checks
 * pass, Strapi's own publish runs unchanged, and the server's gate still has the last word.
 */
export function createGuardedPublishAction(base: DocumentActionComponent): DocumentActionComponent {
  const GuardedPublishAction: DocumentActionComponent = (props: DocumentActionProps) => {
    const description = base(props);
    const { formatMessage } = useIntl();
    const { toggleNotification } = useNotification();
    const client = useFetchClient() as unknown as FetchClient;
    const guarded = useIsGuarded(props.model);
    const locale = useDocumentLocale(props.document);
    const getValues = useForm('GuardedPublishAction', (state) => state.getValues);
    const modified = useForm('GuardedPublishAction', (state) => state.modified);
    const {
      allowedActions: { canOverride },
    } = useRBAC(PERMISSIONS.override);
    const [{ query }] = useQueryParams();
    const params = React.useMemo(() => buildValidParams(query), [query]);
    const { refetch } = unstable_useDocument(
      { collectionType: props.collectionType, model: props.model, documentId: props.documentId, params },
      { skip: !props.documentId || props.documentId === 'create' },
    );
    const [blocked, setBlocked] = React.useState<BlockedState | null>(null);

    const savedId = props.documentId && props.documentId !== 'create' ? props.documentId : undefined;
    const inputs = React.useRef<ModalInputs | null>(null);
    if (blocked) {
      inputs.current = {
        blocked,
        model: props.model,
        documentId: savedId,
        locale,
        unsaved: modified,
        canOverride: canOverride === true,
        onPublished: () => void refetch(),
      };
    }
    // A stable component type: the modal keeps its state while this description is recomputed.
    const Content = React.useMemo(
      () =>
        function GuardedPublishModalContent({ onClose }: { onClose: () => void }) {
          return inputs.current ? <BlockedPublishModal inputs={inputs.current} onClose={onClose} /> : null;
        },
      [],
    );

    if (!description || !guarded) return description;

    const check = async (): Promise<CheckResponse | null> => {
      try {
        const { data } = await client.post<{ data: CheckResponse }>(`/${PLUGIN_ID}/check`, {
          contentType: props.model,
          ...(savedId ? { documentId: savedId } : {}),
          ...(locale ? { locale } : {}),
          data: toCheckData(getValues() as Record<string, unknown>),
        });
        return data.data;
      } catch (err) {
        // Without a verdict the server's gate decides; say why the pre-check is missing.
        toggleNotification({
          type: 'warning',
          message: formatMessage(
            { id: getTrad('panel.error'), defaultMessage: 'The checks could not run: {message}' },
            { message: apiError(err).message },
          ),
        });
        return null;
      }
    };

    // A Publish stopped here never reaches the server's gates: have the server check again and record it.
    const recordRefusal = async (documentId: string) => {
      try {
        await client.post(`/${PLUGIN_ID}/records`, {
          contentType: props.model,
          documentId,
          ...(locale ? { locale } : {}),
          data: toCheckData(getValues() as Record<string, unknown>),
        });
      } catch {
        // Between the pre-check and this call the story may have become publishable; nothing to record then.
      }
      window.dispatchEvent(new CustomEvent(PUBLISH_ATTEMPT_EVENT));
    };

    const guardedDescription: DocumentActionDescription = {
      ...description,
      onClick: async (event) => {
        const result = await check();
        if (result && (!result.ok || result.gates.reasons.length > 0)) {
          const reasons = result.gates.reasons;
          setBlocked({ title: result.title, findings: result.findings, reasons, overridable: result.overridable && reasons.length === 0 });
          if (savedId) void recordRefusal(savedId);
          // Returning false lets the action button open the dialog, which is now the guard's.
          return false;
        }
        let outcome = description.onClick ? await description.onClick(event) : undefined;
        // The Content Manager stops to warn that links to drafts "will not be included". When the server
        // says the only drafts the story links are its pull-quotes (published with it), the warning would
        // be untrue, so publish as its confirm button would; any other draft link keeps Strapi's warning.
        const confirm = description.dialog?.type === 'dialog' ? description.dialog.onConfirm : undefined;
        if (outcome !== true && confirm && result && result.preview.draftLinks === 0) {
          await confirm();
          outcome = true;
        }
        // Published or refused by the server's gates: either way the history has a new record.
        window.dispatchEvent(new CustomEvent(PUBLISH_ATTEMPT_EVENT));
        return outcome;
      },
      dialog: blocked
        ? {
            type: 'modal',
            title: formatMessage({ id: getTrad('publish.blocked.title'), defaultMessage: 'Publishing blocked' }),
            content: Content,
            onClose: () => setBlocked(null),
          }
        : (description.dialog ?? {
            // The button opens its dialog only when one is declared; this one is replaced before it shows.
            type: 'modal',
            title: '',
            content: null,
          }),
    };
    return guardedDescription;
  };
  GuardedPublishAction.type = 'publish';
  GuardedPublishAction.position = base.position;
  return GuardedPublishAction;
}
