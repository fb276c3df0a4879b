import * as React from 'react';
import { Status, Typography } from '@strapi/design-system';
import { getFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { StatusResponse } from '../../../shared/contracts/admin-api';
import { PLUGIN_ID } from '../pluginId';
import { getTrad } from '../utils/translations';

type State = StatusResponse[string] | 'unknown';

/**
 * One list page asks for its rows' states in one request: cells rendered in the same tick are
 * collected per content type and locale. Nothing is cached across pages: a state also changes when a
 * quote, a media credit or a setting does, which the row's own dates do not show.
 */
const pending = new Map<string, Map<string, Array<(state: State) => void>>>();

function flush(model: string, locale: string | null): void {
  const key = `${model}|${locale ?? ''}`;
  const batch = pending.get(key);
  if (!batch) return;
  pending.delete(key);
  getFetchClient()
    .post<{ data: StatusResponse }>(`/${PLUGIN_ID}/status`, {
      contentType: model,
      ...(locale ? { locale } : {}),
      documentIds: [...batch.keys()],
    })
    .then(({ data }) => {
      for (const [id, resolvers] of batch) resolvers.forEach((resolve) => resolve(data.data[id] ?? null));
    })
    .catch(() => {
      for (const resolvers of batch.values()) resolvers.forEach((resolve) => resolve('unknown'));
    });
}

export function loadCheckState(model: string, locale: string | null, documentId: string): Promise<State> {
  return new Promise<State>((resolve) => {
    const key = `${model}|${locale ?? ''}`;
    let batch = pending.get(key);
    if (!batch) {
      batch = new Map();
      pending.set(key, batch);
      setTimeout(() => flush(model, locale), 0);
    }
    batch.set(documentId, [...(batch.get(documentId) ?? []), resolve]);
  });
}

interface CheckStateCellProps {
  model: string;
  documentId: string;
  locale: string | null;
  updatedAt: string | null;
}

/** The list view's badge: ready, or how many problems stand between the story and publication. */
export const CheckStateCell = ({ model, documentId, locale, updatedAt }: CheckStateCellProps) => {
  const { formatMessage } = useIntl();
  const [state, setState] = React.useState<State | undefined>(undefined);

  React.useEffect(() => {
    let live = true;
    void loadCheckState(model, locale, documentId).then((next) => {
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, [model, locale, documentId, updatedAt]);

  if (state === undefined || state === null || state === 'unknown') {
    return (
      <Typography textColor="neutral500" data-testid="ag-list-state" data-state={state === undefined ? 'loading' : 'unknown'}>
        –
      </Typography>
    );
  }
  if (state.errors > 0) {
    return (
      <Status variant="danger" size="S" data-testid="ag-list-state" data-state="blocked" width="min-content">
        <Typography tag="span" variant="omega" fontWeight="bold" textColor="danger700">
          {formatMessage({ id: getTrad('list.errors'), defaultMessage: '{count} to fix' }, { count: state.errors })}
        </Typography>
      </Status>
    );
  }
  return (
    <Status
      variant={state.warnings > 0 ? 'warning' : 'success'}
      size="S"
      data-testid="ag-list-state"
      data-state="ready"
      width="min-content"
    >
      <Typography tag="span" variant="omega" fontWeight="bold" textColor={state.warnings > 0 ? 'warning700' : 'success700'}>
        {state.warnings > 0
          ? formatMessage(
              { id: getTrad('list.warnings'), defaultMessage: 'Ready, {count, plural, one {# warning} other {# warnings}}' },
              { count: state.warnings },
            )
          : formatMessage({ id: getTrad('list.ready'), defaultMessage: 'Ready' })}
      </Typography>
    </Status>
  );
};
