import type { ListFieldLayout } from '@strapi/content-manager/strapi-admin';
import { getTrad } from '../utils/translations';
import { CheckStateCell } from './CheckStateCell';

interface Row {
  documentId: string;
  locale?: string | null;
  updatedAt?: string | null;
}

/** The list view's "Attribution" column; not an attribute, so it is neither sortable nor searchable. */
export const checkStateColumn = {
  attribute: { type: 'custom' },
  name: 'attributionCheck',
  label: { id: getTrad('list.column'), defaultMessage: 'Attribution' },
  searchable: false,
  sortable: false,
  cellFormatter: (row: Row, _header: unknown, { model }: { model: string }) => (
    <CheckStateCell model={model} documentId={row.documentId} locale={row.locale ?? null} updatedAt={row.updatedAt ?? null} />
  ),
} as unknown as ListFieldLayout;
