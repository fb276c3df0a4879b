import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SOURCE_UID } from '../lib/content-types';
import type { Row } from '../lib/row';
import type { SourceRecord } from '../plugins/attribution-guard/shared/contracts/findings';
import { evaluateAgreement } from '../plugins/attribution-guard/shared/agreement';
import { sourceRecordOf } from '../plugins/attribution-guard/shared/records';
import type { PartnerAgreement } from './to-ninjs';

/** A syndication partner: the source record whose `partnerTokenName` names the API token of the request. */
export interface Partner {
  record: SourceRecord;
  /** The agreement lets the partner receive approved stories ahead of their embargo. */
  embargoedDelivery: boolean;
  usageTerms: string | null;
}

interface AuthState {
  strategy?: { name?: string };
  credentials?: { name?: unknown; type?: unknown } | null;
}

/**
 * The route's 403s. Strapi's authorisation step, which wraps the handler, turns a plain ForbiddenError
 * into a bare "Forbidden"; PolicyError is its 403 that keeps the message, so partners learn why.
 */
const forbidden = (message: string, details?: Record<string, unknown>) => new errors.PolicyError(message, details);

/** A request without a partner token (it reached the route as the Public role). */
export class MissingPartnerToken extends Error {
  constructor() {
    super('A syndication partner API token is required: send it as "Authorization: Bearer <token>".');
  }
}

/** Strapi's content-API token strategy (named `api-token` before 5.x added admin tokens). */
const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/**
 * The partner behind a request. Strapi has already checked the API token (hash, expiry, last use)
 * on the route's `findOne` scope (an unknown or expired token is its 401); a request without one
 * reaches here as the Public role: `MissingPartnerToken`, a 401 too.
 * Only a read-only content-API token can be a partner's (403 otherwise), and only when a published
 * source record names it in `partnerTokenName` (403 otherwise): the record holds the agreement.
 */
export async function partnerOf(strapi: Core.Strapi, auth: AuthState | undefined): Promise<Partner> {
  const token = auth?.credentials;
  if (!token || !TOKEN_STRATEGIES.has(auth?.strategy?.name ?? '')) {
    throw new MissingPartnerToken();
  }
  if (token.type !== 'read-only') throw forbidden('Partners use read-only API tokens: this token is of another type.');
  const name = text(token.name);
  const row: Row | null = name
    ? await strapi.db.query(SOURCE_UID).findOne({ where: { partnerTokenName: name, publishedAt: { $notNull: true } } })
    : null;
  if (!row)
    throw forbidden('This API token belongs to no syndication partner: name it in the partner source record\'s "Partner API token" field.');
  // Only published records are read: the agreement in force is the published one.
  return { record: sourceRecordOf(row, true), embargoedDelivery: row.embargoedDelivery === true, usageTerms: text(row.usageTerms) };
}

/** The partner's agreement in force for this locale at `now`, or a 403 that says why not. */
export function agreementFor(partner: Partner, locale: string, now: Date): PartnerAgreement {
  const status = evaluateAgreement(partner.record, locale, now);
  const who = partner.record.name;
  if (!status.ok) {
    const why =
      status.reason === 'missing'
        ? 'has no syndication agreement on record'
        : status.reason === 'not-yet-valid'
          ? `has an agreement that starts on ${status.from}`
          : status.reason === 'expired'
            ? `has an agreement that expired on ${status.until}`
            : status.reason === 'locale'
              ? `has an agreement that does not cover ${status.locale} (it covers ${partner.record.allowedLocales.join(', ')})`
              : `has an agreement with an unreadable date "${status.value}"`;
    throw forbidden(`${who} ${why}.`, { reason: status.reason, locale });
  }
  return {
    partner: who,
    agreementId: partner.record.agreementId ?? '',
    validUntil: partner.record.licenseValidUntil,
    allowedLocales: partner.record.allowedLocales,
    usageTerms: partner.usageTerms,
  };
}
