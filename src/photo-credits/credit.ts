import type { License, SourceRecord } from '../plugins/attribution-guard/shared/contracts/findings';
import { resolveCredit } from '../plugins/attribution-guard/server/src/text/aliases';
import { placeholderInCredit } from '../plugins/attribution-guard/server/src/text/placeholders';
import type { PhotoMetadata } from './read';

export interface FileCredit {
  credit: string;
  /** documentId of the agency the credit names, through its aliases (视觉中国 → 視覺中國). */
  agency: string | null;
  photographer: string | null;
  license: License | null;
}

const AGENCY_KINDS = ['agency', 'wire'] as const;
const COPYRIGHT_MARK = /^\s*(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?/iu;

function licenseFrom(usageTerms: string | null, agencyFound: boolean): License | null {
  const terms = usageTerms?.toLowerCase() ?? '';
  if (/cc[\s-]*by[\s-]*sa/u.test(terms)) return 'cc-by-sa';
  if (/cc[\s-]*by/u.test(terms)) return 'cc-by';
  if (/public domain|公有領域|公有领域|cc0/u.test(terms)) return 'public-domain';
  if (/editorial|編輯用途|编辑用途|新聞用途|新闻用途/u.test(terms)) return 'editorial-only';
  return agencyFound ? 'agency' : null;
}

/**
 * The credit a photo file gives itself: the Credit Line, else the Source, else the copyright holder,
 * else the creator; the agency found among them through the source aliases; the creator as
 * photographer; the licence from the usage terms. Null when the file names nobody usable.
 */
export function creditFromMetadata(meta: PhotoMetadata, sources: readonly SourceRecord[], placeholders: readonly string[] = []): FileCredit | null {
  const copyrightHolder = meta.copyright ? meta.copyright.replace(COPYRIGHT_MARK, '').trim() || null : null;
  const candidates = [meta.credit, meta.source, copyrightHolder, meta.byline].filter(
    (value): value is string => value !== null && placeholderInCredit(value, placeholders) === null,
  );
  if (candidates.length === 0) return null;
  let agency: SourceRecord | null = null;
  for (const candidate of candidates) {
    agency = resolveCredit(candidate, sources, [...AGENCY_KINDS]).sources.find((s) => s.kind === 'agency' || s.kind === 'wire') ?? null;
    if (agency) break;
  }
  const credit = agency && candidates[0] !== meta.byline ? agency.name : candidates[0]!;
  return {
    credit,
    agency: agency?.documentId ?? null,
    photographer: meta.byline && placeholderInCredit(meta.byline, placeholders) === null ? meta.byline : null,
    license: licenseFrom(meta.usageTerms, agency !== null),
  };
}
