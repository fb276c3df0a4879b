import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { EntryState } from '../../../shared/contracts/workflow';
import { PLUGIN_ID } from '../pluginId';

export const entryPath = (model: string, documentId: string) =>
  `/${PLUGIN_ID}/entries/${encodeURIComponent(model)}/${encodeURIComponent(documentId)}`;

/** The message of a Strapi error response, for a notification. */
export function errorMessage(error: unknown): string {
  const response = (error as { response?: { data?: { error?: { message?: string } } } })?.response;
  return response?.data?.error?.message ?? (error instanceof Error ? error.message : String(error));
}

/** Loads the workflow state of one entry and reloads it on demand (after a change, or a save of the form). */
export function useEntryState(model: string, documentId: string | undefined, locale: string | undefined, reloadKey: unknown) {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<EntryState | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [tick, setTick] = React.useState(0);

  React.useEffect(() => {
    if (!documentId) return;
    let cancelled = false;
    get<{ data: EntryState }>(entryPath(model, documentId), { params: locale ? { locale } : {} })
      .then((res) => {
        if (!cancelled) {
          setState(res.data.data);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(errorMessage(e));
      });
    return () => {
      cancelled = true;
    };
  }, [get, model, documentId, locale, reloadKey, tick]);

  const reload = React.useCallback(() => setTick((n) => n + 1), []);
  return { state, setState, error, reload };
}
