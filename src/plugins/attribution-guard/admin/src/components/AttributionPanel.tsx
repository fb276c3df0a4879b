import * as React from 'react';
import {
  unstable_useDocumentLayout,
  useDebounce,
  useFetchClient,
  useForm,
  useNotification,
  useQueryParams,
  useRBAC,
} from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import type { CheckResponse, HistoryRecord, ImagePreview, MediaCreditUpdate, QuotePreview } from '../../../shared/contracts/admin-api';
import { PERMISSIONS, PLUGIN_ID } from '../pluginId';
import { apiError, PULL_QUOTE_UID, SOURCE_UID, type FetchClient } from '../utils/api';
import { CreditSaveError } from '../utils/credit-error';
import { focusTarget } from '../utils/fields';
import { toCheckData } from '../utils/form-data';
import { getTrad } from '../utils/translations';
import { PUBLISH_ATTEMPT_EVENT } from '../utils/events';
import type { AgencyOption } from './ImageList';
import { PanelBody, type CheckStatus } from './PanelBody';
import type { QuoteSave } from './QuoteList';

/** Quiet time after the last keystroke before the form is checked again. */
export const CHECK_DEBOUNCE_MS = 600;

/** Whether the content type's layout carries the server's mark for guarded types. */
export function useIsGuarded(model: string): boolean {
  const { edit } = unstable_useDocumentLayout(model);
  return Boolean((edit.options as Record<string, unknown> | undefined)?.[PLUGIN_ID]);
}

/** The content locale of the open document (`plugins[i18n][locale]` in the URL), else the document's own. */
export function useDocumentLocale(document: PanelComponentProps['document']): string | undefined {
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  return query.plugins?.i18n?.locale ?? (document?.locale as string | undefined) ?? undefined;
}

/**
 * Scrolls to and focuses the form input of a finding's path, where the edit view has one. The URL is
 * left alone: the edit view passes its query on to the document request, so a changed URL would reload
 * the document under the editor's unsaved changes.
 */
export function useJumpToField(): (path: string) => void {
  return React.useCallback((path: string) => {
    const target = focusTarget(path);
    window.requestAnimationFrame(() => {
      const escaped = window.CSS?.escape ? window.CSS.escape(target) : target;
      const element =
        document.querySelector<HTMLElement>(`[name="${escaped}"]`) ??
        document.getElementById(target) ??
        document.querySelector<HTMLElement>(`label[for="${escaped}"]`);
      if (!element) return;
      element.scrollIntoView({ block: 'center', behavior: 'smooth' });
      if (typeof element.focus === 'function') element.focus({ preventScroll: true });
    });
  }, []);
}

const AttributionPanelContent = ({ model, documentId, document }: PanelComponentProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const client = useFetchClient() as unknown as FetchClient;
  const locale = useDocumentLocale(document);
  const values = useForm('AttributionPanel', (state) => state.values) as Record<string, unknown>;
  const onChange = useForm('AttributionPanel', (state) => state.onChange);
  const jump = useJumpToField();

  const {
    allowedActions: { canUpdate: canEditMedia },
  } = useRBAC([{ action: 'plugin::upload.assets.update', subject: null }]);
  const {
    allowedActions: { canUpdate: canEditQuotes, canPublish: canPublishQuotes },
  } = useRBAC([
    { action: 'plugin::content-manager.explorer.update', subject: PULL_QUOTE_UID },
    { action: 'plugin::content-manager.explorer.publish', subject: PULL_QUOTE_UID },
  ]);

  const savedId = documentId && documentId !== 'create' ? documentId : undefined;
  const data = React.useMemo(() => toCheckData(values ?? {}), [values]);
  const dataKey = useDebounce(JSON.stringify(data), CHECK_DEBOUNCE_MS);

  const [status, setStatus] = React.useState<CheckStatus>('loading');
  const [result, setResult] = React.useState<CheckResponse | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [refreshing, setRefreshing] = React.useState(false);
  const [tick, setTick] = React.useState(0);
  const latest = React.useRef(0);

  // Another panel or the Publish button changed what the verdict and history say.
  React.useEffect(() => {
    const refresh = () => setTick((t) => t + 1);
    window.addEventListener(PUBLISH_ATTEMPT_EVENT, refresh);
    return () => window.removeEventListener(PUBLISH_ATTEMPT_EVENT, refresh);
  }, []);

  React.useEffect(() => {
    const request = ++latest.current;
    setRefreshing(true);
    client
      .post<{ data: CheckResponse }>(`/${PLUGIN_ID}/check`, {
        contentType: model,
        ...(savedId ? { documentId: savedId } : {}),
        ...(locale ? { locale } : {}),
        data: JSON.parse(dataKey) as Record<string, unknown>,
      })
      .then(({ data: body }) => {
        if (request !== latest.current) return; // a newer check is on its way
        setResult(body.data);
        setError(null);
        setStatus('ready');
      })
      .catch((err: unknown) => {
        if (request !== latest.current) return;
        setError(apiError(err).message);
        setStatus('error');
      })
      .finally(() => {
        if (request === latest.current) setRefreshing(false);
      });
  }, [client, model, savedId, locale, dataKey, tick]);

  const [agencies, setAgencies] = React.useState<AgencyOption[]>([]);
  React.useEffect(() => {
    if (!canEditMedia) return;
    client
      .get<{ results: Array<{ documentId: string; name: string }> }>(`/content-manager/collection-types/${SOURCE_UID}`, {
        params: { pageSize: 100, sort: 'name:ASC', filters: { kind: { $in: ['agency', 'wire'] } } },
      })
      .then(({ data: body }) => setAgencies(body.results.map(({ documentId: id, name }) => ({ documentId: id, name }))))
      .catch(() => setAgencies([]));
  }, [client, canEditMedia]);

  const [history, setHistory] = React.useState<{ records: HistoryRecord[] | null; error: string | null }>({ records: null, error: null });
  // A publish changes the document's status (and a save its updatedAt): either may add a record.
  const documentStatus = (document?.status as string | undefined) ?? null;
  const updatedAt = (document?.updatedAt as string | null | undefined) ?? null;
  React.useEffect(() => {
    if (!savedId) return;
    client
      .get<{ data: HistoryRecord[] }>(`/${PLUGIN_ID}/records`, {
        params: { contentType: model, documentId: savedId, ...(locale ? { locale } : {}), limit: 20 },
      })
      .then(({ data: body }) => setHistory({ records: body.data, error: null }))
      .catch((err: unknown) => setHistory({ records: [], error: apiError(err).message }));
  }, [client, model, savedId, locale, documentStatus, updatedAt, tick]);

  const saveCredit = React.useCallback(
    async (image: ImagePreview, credit: MediaCreditUpdate) => {
      if (image.fileId === null) return;
      try {
        await client.put(`/${PLUGIN_ID}/media-credits/${image.fileId}`, credit);
      } catch (err) {
        // The form explains a refusal (403) itself, from the status and the server's details.
        throw new CreditSaveError(apiError(err));
      }
      // The usage in this article gets the credit too: the component's credit field is required to publish.
      if (image.path === 'cover' || /^gallery\.\d+$/u.test(image.path)) {
        onChange(`${image.path}.credit`, credit.credit);
        if (credit.photographer !== undefined) onChange(`${image.path}.photographer`, credit.photographer);
        if (credit.license !== undefined) onChange(`${image.path}.license`, credit.license);
      }
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: getTrad('credit.saved'), defaultMessage: 'Credit saved with the media file.' }),
      });
      // The stored credit changes the server's verdict too: this panel and the workflow panel re-read it.
      window.dispatchEvent(new CustomEvent(PUBLISH_ATTEMPT_EVENT));
    },
    [client, onChange, toggleNotification, formatMessage],
  );

  const saveQuote = React.useCallback(
    async (quote: QuotePreview, change: QuoteSave) => {
      if (!quote.documentId) return;
      const base = `/content-manager/collection-types/${PULL_QUOTE_UID}/${quote.documentId}`;
      const params = locale ? { locale } : {};
      try {
        if (change.publish) await client.post(`${base}/actions/publish`, { text: change.text }, { params });
        else await client.put(base, { text: change.text }, { params });
      } catch (err) {
        throw new Error(apiError(err).message, { cause: err });
      }
      toggleNotification({ type: 'success', message: formatMessage({ id: getTrad('quote.saved'), defaultMessage: 'Pull-quote saved.' }) });
      // The Content Manager recounts the entry's links to drafts when the window regains focus; a quote
      // just published changes that count, and Publish would otherwise warn about a draft that is gone.
      if (change.publish) window.dispatchEvent(new Event('focus'));
      // A corrected quote changes the server's verdict too: this panel and the workflow panel re-read it.
      window.dispatchEvent(new CustomEvent(PUBLISH_ATTEMPT_EVENT));
    },
    [client, locale, toggleNotification, formatMessage],
  );

  return (
    <PanelBody
      status={status}
      result={result}
      error={error}
      refreshing={refreshing && result !== null}
      onRetry={() => setTick((t) => t + 1)}
      onJump={jump}
      agencies={agencies}
      onSaveCredit={canEditMedia ? saveCredit : undefined}
      onSaveQuote={canEditQuotes ? saveQuote : undefined}
      canPublishQuotes={canPublishQuotes === true}
      history={savedId ? history : undefined}
    />
  );
};

/**
 * The "Attribution & credits" side panel of the edit view, on guarded content types for users who may
 * read the checks.
 */
export const AttributionPanel: PanelComponent = (props) => {
  const { formatMessage } = useIntl();
  const guarded = useIsGuarded(props.model);
  const {
    allowedActions: { canRead },
    isLoading,
  } = useRBAC(PERMISSIONS.read);
  // The published tab shows what readers have; the checks concern the draft being edited.
  if (!guarded || isLoading || !canRead || props.activeTab === 'published') return null;
  return {
    title: formatMessage({ id: getTrad('panel.title'), defaultMessage: 'Attribution & credits' }),
    content: <AttributionPanelContent {...props} />,
  };
};
