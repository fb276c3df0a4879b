import type { License } from '../../../shared/contracts/findings';
import type { Row } from './row';

export type CreditOrigin = 'typed' | 'file-metadata';

/**
 * What may be written to a media file's credit. `origin` is where the credit, agency, photographer
 * and licence given here come from; the copyright, usage terms, web statement and licensor are only
 * ever read from the file.
 */
export interface MediaCreditInput {
  credit?: string | null;
  /** documentId of a source (kind agency/wire). */
  agency?: string | null;
  photographer?: string | null;
  license?: License | null;
  copyright?: string | null;
  usageTerms?: string | null;
  webStatement?: string | null;
  licensor?: string | null;
  licensorUrl?: string | null;
  origin?: CreditOrigin;
}

/** What a photo file says about itself (see the app's `creditFromMetadata`). */
export interface FileCreditValues {
  credit: string | null;
  agency: string | null;
  photographer: string | null;
  license: License | null;
  copyright: string | null;
  usageTerms: string | null;
  webStatement: string | null;
  licensor: string | null;
  licensorUrl: string | null;
}

type OwnField = 'credit' | 'photographer' | 'license';

/**
 * Whether an editor typed this field. The credit and agency go together under `origin`; photographer
 * and licence have their own origin. Rows written before those existed have one origin for all, and a
 * field never given a value was typed by no one.
 */
export function isTyped(row: Row | null | undefined, field: OwnField): boolean {
  if (!row) return false;
  if (field === 'credit') return row.origin !== 'file-metadata' && Boolean(row.credit);
  const own = row[`${field}Origin`] as CreditOrigin | null | undefined;
  if (own) return own === 'typed';
  return row[field] != null && row.origin !== 'file-metadata';
}

/** The columns' limits: a file's XMP can carry any length, and PostgreSQL refuses what does not fit. */
const clip = (value: string | null, max: number) => (value !== null && value.length > max ? `${value.slice(0, max - 1)}…` : value);

/**
 * What a newly uploaded or replacing file writes. Everything the previous file said is replaced —
 * with null where the new file says nothing — except the fields an editor typed: a typed credit
 * survives a replace, a credit read from the old file does not. Null when there is nothing to write.
 */
export function fileCreditUpdate(row: Row | null | undefined, file: FileCreditValues | null): MediaCreditInput | null {
  if (!row && !file) return null;
  const input: MediaCreditInput = {
    origin: 'file-metadata',
    copyright: file?.copyright ?? null,
    usageTerms: file?.usageTerms ?? null,
    webStatement: file?.webStatement ?? null,
    licensor: clip(file?.licensor ?? null, 255),
    licensorUrl: file?.licensorUrl ?? null,
  };
  if (!isTyped(row, 'credit')) {
    input.credit = clip(file?.credit ?? null, 255);
    input.agency = file?.agency ?? null;
  }
  if (!isTyped(row, 'photographer')) input.photographer = clip(file?.photographer ?? null, 120);
  if (!isTyped(row, 'license')) input.license = file?.license ?? null;
  return input;
}

export interface TypedCredit {
  credit: string;
  agency?: string | null;
  photographer?: string | null;
  license?: License | null;
}

/**
 * What an editor's save in the panel writes as typed: the fields changed from what is stored, and the
 * ones already typed. A value left as the photo file gave it stays the file's, so that replacing the
 * file replaces it too (the form sends every field, prefilled from the stored credit).
 */
export function typedCreditUpdate(row: Row | null | undefined, body: TypedCredit): MediaCreditInput {
  const input: MediaCreditInput = { origin: 'typed' };
  const storedAgency = (row?.agency?.documentId as string | undefined) ?? null;
  const creditChanged = body.credit !== (row?.credit ?? null) || (body.agency !== undefined && (body.agency ?? null) !== storedAgency);
  if (!row || isTyped(row, 'credit') || creditChanged) {
    input.credit = body.credit;
    if (body.agency !== undefined) input.agency = body.agency;
  }
  const photographer = body.photographer === undefined ? undefined : body.photographer || null;
  if (photographer !== undefined && (isTyped(row, 'photographer') || photographer !== (row?.photographer ?? null)))
    input.photographer = photographer;
  if (body.license !== undefined && (isTyped(row, 'license') || body.license !== (row?.license ?? null))) input.license = body.license;
  return input;
}
