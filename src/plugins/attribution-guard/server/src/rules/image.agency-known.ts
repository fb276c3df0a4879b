import type { Finding, ImageUsage, Rule, RuleInput, SourceKind, SourceRecord } from '../../../shared/contracts/findings';
import { resolveCredit } from '../../../shared/text/aliases';
import { hasAtHandle } from '../../../shared/text/credit';
import { capitalise, describeImage, kindLabel, message } from '../../../shared/text/messages';
import { finding } from './support/finding';
import { agencyPath, creditPath } from './support/paths';

export const id = 'image.agency-known';

const AGENCY_KINDS: readonly SourceKind[] = ['agency', 'wire'];

function isAgency(source: SourceRecord): boolean {
  return source.kind !== null && AGENCY_KINDS.includes(source.kind);
}

function checkUsage(input: RuleInput, usage: ImageUsage): Finding[] {
  const credit = usage.credit?.trim() ?? '';
  const image = describeImage(usage);
  const { agency } = usage;

  if (agency && !isAgency(agency)) {
    const kind = kindLabel(agency.kind);
    return [
      finding(
        input,
        id,
        agencyPath(usage),
        message(
          `${capitalise(image.en)} names ${agency.name} as its agency, but that source is ${kind.en}, not an agency.`,
          `${image['zh-Hant']}的圖片社設為 ${agency.name},但該來源的類型是${kind['zh-Hant']},不是圖片社。`,
          `${image['zh-Hans']}的图片社设为 ${agency.name},但该来源的类型是${kind['zh-Hans']},不是图片社。`,
        ),
      ),
    ];
  }

  const claimsAgency = usage.license === 'agency' || agency !== null || hasAtHandle(credit);
  // Empty credits are image.credit-required's; a person's name on an owned photo is not an agency credit.
  if (!claimsAgency || credit === '') return [];

  const named = resolveCredit(credit, input.sources, AGENCY_KINDS).sources;
  const namedAgencies = named.filter(isAgency);

  if (agency) {
    // The picked agency is known; the typed credit must not name a different one.
    const other = namedAgencies.find((s) => s.documentId !== agency.documentId);
    if (!other || namedAgencies.some((s) => s.documentId === agency.documentId)) return [];
    return [
      finding(
        input,
        id,
        creditPath(usage),
        message(
          `${capitalise(image.en)} is credited “${credit}” (${other.name}), but its agency is set to ${agency.name}.`,
          `${image['zh-Hant']}的圖片來源「${credit}」(${other.name})與所選圖片社 ${agency.name} 不符。`,
          `${image['zh-Hans']}的图片来源“${credit}”(${other.name})与所选图片社 ${agency.name} 不符。`,
        ),
      ),
    ];
  }

  if (namedAgencies.length > 0) return [];
  // A house photo credited `@正見 TrueView` is the article's own outlet, not an unknown agency.
  const { source, republisher } = input.article;
  const ownHouse = named.some((s) => s.documentId === source?.documentId || s.documentId === republisher?.documentId);
  if (ownHouse && usage.license !== 'agency') return [];

  return [
    finding(
      input,
      id,
      creditPath(usage),
      message(
        `${capitalise(image.en)} is credited “${credit}” as an agency, but no known agency goes by that name. Pick the agency, or add the name to its aliases.`,
        `${image['zh-Hant']}的圖片來源「${credit}」看似圖片社,但沒有已登記的圖片社叫這個名字。請選擇圖片社,或把此名稱加入其別名。`,
        `${image['zh-Hans']}的图片来源“${credit}”看似图片社,但没有已登记的图片社叫这个名字。请选择图片社,或把此名称加入其别名。`,
      ),
    ),
  ];
}

/** An agency credit must resolve, through names and aliases, to a registered agency or wire service. */
export const imageAgencyKnown: Rule = (input) => input.article.images.flatMap((usage) => checkUsage(input, usage));
