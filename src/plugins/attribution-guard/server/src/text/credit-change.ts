import type { CreditChange, MediaCreditView } from '../../../shared/contracts/admin-api';
import type { License } from '../../../shared/contracts/findings';
import type { Row } from '../utils/row';

/** A stored media credit (or none) as the admin reads it. */
export function creditView(fileId: number, row: Row | null | undefined): MediaCreditView {
  return {
    fileId,
    credit: row?.credit ?? null,
    agency: row?.agency ? { documentId: row.agency.documentId, name: row.agency.name } : null,
    photographer: row?.photographer ?? null,
    license: (row?.license as License | undefined) ?? null,
    origin: row ? (row.origin === 'file-metadata' ? 'file-metadata' : 'typed') : null,
    copyright: row?.copyright ?? null,
    usageTerms: row?.usageTerms ?? null,
    webStatement: row?.webStatement ?? null,
    licensor: row?.licensor ?? null,
    licensorUrl: row?.licensorUrl ?? null,
  };
}

const FIELDS = ['credit', 'agency', 'photographer', 'license'] as const;
const show = (view: MediaCreditView, field: (typeof FIELDS)[number]): string => {
  const value = field === 'agency' ? (view.agency?.name ?? null) : view[field];
  return value === null || value === '' ? '—' : `“${value}”`;
};

/**
 * One line for a story's history saying what changed on a photo it shows, e.g.
 * `Photo cover.jpg: credit “視覺中國” → “新華社”; licence “agency” → “handout”`.
 */
export function describeCreditChange(change: CreditChange): string {
  const parts = FIELDS.filter((field) => show(change.before, field) !== show(change.after, field)).map(
    (field) => `${field === 'license' ? 'licence' : field} ${show(change.before, field)} → ${show(change.after, field)}`,
  );
  const name = change.fileName ?? `#${change.fileId}`;
  return `Photo ${name}: ${parts.length > 0 ? parts.join('; ') : 'credit saved unchanged'}`;
}
