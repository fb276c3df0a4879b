import type { License, SourceRecord } from '../plugins/attribution-guard/shared/contracts/findings';
import { resolveCredit } from '../plugins/attribution-guard/shared/text/aliases';
import { placeholderInCredit } from '../plugins/attribution-guard/shared/text/placeholders';
import { recogniseLicence, withoutLicence } from './licence-statement';
import type { PhotoMetadata } from './read';

/** What a photo file says about its own credit and rights, as stored with the media file. */
export interface FileCredit {
  credit: string | null;
  /** documentId of the agency the file names, through its aliases (视觉中国 → 視覺中國). */
  agency: string | null;
  photographer: string | null;
  license: License | null;
  copyright: string | null;
  usageTerms: string | null;
  webStatement: string | null;
  licensor: string | null;
  licensorUrl: string | null;
}

const AGENCY_KINDS = ['agency', 'wire'] as const;
const COPYRIGHT_MARK = /^\s*(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?/iu;
const EDITORIAL = /editorial|編輯用途|编辑用途|新聞用途|新闻用途/iu;

/**
 * The licence a file states, looked for where the IPTC standard puts it — Web Statement of Rights,
 * Rights Usage Terms, then the Copyright Notice (where cameras and CC tools often write it) — and in
 * the credit and creator last ("Lukas Nagel, CC BY-SA"). The first statement found decides, even
 * one with no newsroom value (CC BY-NC): a later field is not read as overriding it.
 */
function licenseFrom(meta: PhotoMetadata, agencyFound: boolean): License | null {
  for (const value of [meta.webStatement, meta.usageTerms, meta.copyright, meta.credit, meta.byline]) {
    const statement = recogniseLicence(value);
    if (statement) return statement.license;
  }
  if (meta.usageTerms && EDITORIAL.test(meta.usageTerms)) return 'editorial-only';
  return agencyFound ? 'agency' : null;
}

/**
 * The credit a photo file gives itself, following the IPTC Photo Metadata Standard: the Credit
 * Line, else the Creator. The Copyright Notice and the licence fields are stored beside it and
 * never become the credit; a licence statement in the credit or creator fields is taken out of them
 * ("Creative Commons Attribution-ShareAlike (CC BY-SA)" names no one). An agency named by the credit
 * line, source, licensor or copyright holder is linked through its aliases, and a Credit Line naming
 * it reads as the agency's own name; a file that names only a known agency is credited to it.
 * Null when the file carries none of these fields.
 */
export function creditFromMetadata(
  meta: PhotoMetadata,
  sources: readonly SourceRecord[],
  placeholders: readonly string[] = [],
): FileCredit | null {
  const usable = (value: string | null): string | null => {
    const name = value === null ? null : withoutLicence(value);
    return name !== null && placeholderInCredit(name, placeholders) === null ? name : null;
  };
  const creditLine = usable(meta.credit);
  const creator = usable(meta.byline);
  const copyrightHolder = meta.copyright ? usable(meta.copyright.replace(COPYRIGHT_MARK, '').trim() || null) : null;

  const agencyNamedBy = (value: string | null): SourceRecord | null =>
    value === null
      ? null
      : (resolveCredit(value, sources, [...AGENCY_KINDS]).sources.find((s) => s.kind === 'agency' || s.kind === 'wire') ?? null);
  const creditAgency = agencyNamedBy(creditLine);
  let agency = creditAgency;
  for (const value of [usable(meta.source), usable(meta.licensor), copyrightHolder, creator]) agency ??= agencyNamedBy(value);

  const credit = creditLine !== null ? (creditAgency?.name ?? creditLine) : (creator ?? agency?.name ?? null);
  const result: FileCredit = {
    credit,
    agency: agency?.documentId ?? null,
    photographer: creator,
    license: licenseFrom(meta, agency !== null),
    copyright: meta.copyright,
    usageTerms: meta.usageTerms,
    webStatement: meta.webStatement,
    licensor: meta.licensor,
    licensorUrl: meta.licensorUrl,
  };
  return Object.values(result).every((value) => value === null) ? null : result;
}
