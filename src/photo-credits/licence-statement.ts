import type { License } from '../plugins/attribution-guard/shared/contracts/findings';

/** The Creative Commons licence elements, as in `by-nc-sa`. */
export type CcTerms = 'by' | 'by-sa' | 'by-nc' | 'by-nd' | 'by-nc-sa' | 'by-nc-nd';

export interface LicenceStatement {
  kind: 'creative-commons' | 'cc0' | 'public-domain';
  /** Which Creative Commons licence; null when the text says "Creative Commons" without naming one. */
  terms: CcTerms | null;
  /** e.g. `4.0`, when the statement gives it. */
  version: string | null;
  /** Our licence value; null for a licence the newsroom has no value for (NC, ND) or an unnamed CC licence. */
  license: License | null;
}

const LICENSE_OF: Record<CcTerms, License | null> = {
  by: 'cc-by',
  'by-sa': 'cc-by-sa',
  'by-nc': null,
  'by-nd': null,
  'by-nc-sa': null,
  'by-nc-nd': null,
};

/** Builds `by-nc-sa` from whichever elements a statement names, in the canonical order. */
function ccTerms(nc: boolean, nd: boolean, sa: boolean): CcTerms {
  if (nc && nd) return 'by-nc-nd';
  if (nc && sa) return 'by-nc-sa';
  if (nc) return 'by-nc';
  if (nd) return 'by-nd';
  if (sa) return 'by-sa';
  return 'by';
}

const cc = (terms: CcTerms | null, version: string | null): LicenceStatement => ({
  kind: 'creative-commons',
  terms,
  version,
  license: terms ? LICENSE_OF[terms] : null,
});
const PUBLIC_DOMAIN: LicenceStatement = { kind: 'public-domain', terms: null, version: null, license: 'public-domain' };
const cc0 = (version: string | null): LicenceStatement => ({ kind: 'cc0', terms: null, version, license: 'public-domain' });

/** Width, case and the many dashes and underscores people use between `CC`, `BY` and `SA`. */
const normalise = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212_]/gu, '-');

const VERSION = String.raw`(\d(?:\.\d)?)`;

// creativecommons.org/licenses/by-sa/4.0/deed.zh_TW, //creativecommons.org/licenses/by/3.0, www. and http(s) alike.
const CC_URL = new RegExp(String.raw`creativecommons\.org/licen[cs]es/((?:by|nc|nd|sa)(?:-(?:nc|nd|sa))*)(?:/${VERSION})?`, 'u');
const CC_PUBLICDOMAIN_URL = new RegExp(
  String.raw`creativecommons\.org/(?:publicdomain/(zero|mark)|licen[cs]es/publicdomain)(?:/${VERSION})?`,
  'u',
);
// CC BY-SA 4.0, CC-BY-NC-ND-4.0 (SPDX), cc by 2.0; the letters must stand alone, so "accbyte" is not a licence.
const CC_ABBREVIATION = new RegExp(String.raw`(?<![a-z])cc[\s-]*by((?:[\s-]*(?:nc|nd|sa)(?![a-z]))*)(?![a-z])(?:[\s-]*v?${VERSION})?`, 'u');
const CC_ZERO = new RegExp(
  String.raw`(?<![a-z])cc[\s-]*(?:0|zero)(?![0-9a-z])(?:[\s-]*v?${VERSION})?|creative\s*commons\s+(?:zero|cc0)`,
  'u',
);
const CC_NAME = /creative\s*commons|知識共享|知识共享|創用\s*cc|创用\s*cc|創作共用|创作共用/u;
// "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International"
const EN_ATTRIBUTION = /attribution/u;
const EN_NC = /non[\s-]*commercial/u;
const EN_ND = /no[\s-]*deriv/u;
const EN_SA = /share[\s-]*alike/u;
// 知识共享 署名-相同方式共享 4.0, 創用CC 姓名標示-非商業性-禁止改作 3.0 台灣
const ZH_ATTRIBUTION = /署名|姓名標示|姓名标示/u;
const ZH_NC = /非商業|非商业/u;
const ZH_ND = /禁止演繹|禁止演绎|禁止改作/u;
const ZH_SA = /相同方式(?:共享|分享)/u;
// The element names alone are distinctive only in combination: 署名-相同方式共享 without the licence's name.
const ZH_COMBINATION = /(?:署名|姓名標示|姓名标示)\s*-\s*(?:相同方式|非商|禁止)/u;
const NAMED_VERSION = new RegExp(String.raw`(?<![\d.])${VERSION}(?![\d.])`, 'u');
// "publicDomain" (one word, as ARTstor writes it), "Public Domain Mark", 公有領域, 公共领域, 公眾領域.
const PUBLIC_DOMAIN_TEXT = /public[\s-]*domain|公有領域|公有领域|公共領域|公共领域|公眾領域|公众领域/u;

/**
 * Recognises a licence statement — a Creative Commons licence (by URL, abbreviation or full name, in
 * English or Chinese), CC0 or the public domain — in a rights, usage-terms or web-statement value.
 * Null for anything else, such as "©2010 Big Newspaper, all rights reserved".
 */
export function recogniseLicence(value: string | null | undefined): LicenceStatement | null {
  if (!value) return null;
  const text = normalise(value);

  const pdUrl = CC_PUBLICDOMAIN_URL.exec(text);
  if (pdUrl) return pdUrl[1] === 'zero' ? cc0(pdUrl[2] ?? null) : PUBLIC_DOMAIN;
  const url = CC_URL.exec(text);
  if (url) {
    const parts = url[1]!.split('-');
    return cc(ccTerms(parts.includes('nc'), parts.includes('nd'), parts.includes('sa')), url[2] ?? null);
  }

  const zero = CC_ZERO.exec(text);
  if (zero) return cc0(zero[1] ?? null);
  const abbreviation = CC_ABBREVIATION.exec(text);
  if (abbreviation) {
    const elements = abbreviation[1] ?? '';
    return cc(ccTerms(/nc/u.test(elements), /nd/u.test(elements), /sa/u.test(elements)), abbreviation[2] ?? null);
  }

  if (CC_NAME.test(text) || ZH_COMBINATION.test(text)) {
    const attribution = EN_ATTRIBUTION.test(text) || ZH_ATTRIBUTION.test(text);
    const nc = EN_NC.test(text) || ZH_NC.test(text);
    const nd = EN_ND.test(text) || ZH_ND.test(text);
    const sa = EN_SA.test(text) || ZH_SA.test(text);
    const named = attribution || nc || nd || sa;
    if (!named && PUBLIC_DOMAIN_TEXT.test(text)) return PUBLIC_DOMAIN;
    return cc(named ? ccTerms(nc, nd, sa) : null, named ? (NAMED_VERSION.exec(text)?.[1] ?? null) : null);
  }

  if (PUBLIC_DOMAIN_TEXT.test(text)) return PUBLIC_DOMAIN;
  return null;
}

// What remains of "Photo: Lukas Nagel, licensed under CC BY-SA 4.0" once the licence is taken out.
const LICENCE_SPANS = [
  /\(?\s*(?:https?:)?\/\/(?:www\.)?creativecommons\.org\/\S*\s*\)?/giu,
  /\(?\s*(?:www\.)?creativecommons\.org\/\S*\s*\)?/giu,
  /\(?\s*creative\s*commons[\s\w.-]*?(?=[,;/|()]|$)\)?/giu,
  /\(?\s*(?<![a-z])cc[\s_\u2010-\u2015-]*(?:by(?:[\s_\u2010-\u2015-]*(?:nc|nd|sa)(?![a-z]))*|0|zero)(?![a-z])(?:[\s_-]*v?\d(?:\.\d)?)?(?:\s*(?:international|unported|generic))?\s*\)?/giu,
  /\(?\s*(?:知識共享|知识共享|創用\s*CC|创用\s*CC|創作共用|创作共用)[^,;，；、/|()（）]*\)?/giu,
  /(?:署名|姓名標示|姓名标示)\s*[-‐–—]\s*[^,;，；、/|()（）]*/gu,
  /public[\s-]*domain(?:\s*mark)?|公有領域|公有领域|公共領域|公共领域|公眾領域|公众领域/giu,
  /\b(?:licen[cs]ed\s+under(?:\s+an?|\s+the)?|under\s+(?:an?|the)\s+licen[cs]e|licen[cs]e[d:]?|some\s+rights\s+reserved|released\s+into(?:\s+the)?|dedicated\s+to(?:\s+the)?)\b/giu,
];
const NAME_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * A would-be credit with any licence statement taken out: "Lukas Nagel, CC BY-SA 4.0" gives
 * "Lukas Nagel", while "Creative Commons Attribution-ShareAlike (CC BY-SA)" gives null — a licence
 * says how a photo may be used, never who is credited.
 */
export function withoutLicence(value: string): string | null {
  if (recogniseLicence(value) === null) return value;
  let rest = value;
  for (const span of LICENCE_SPANS) rest = rest.replace(span, ' ');
  rest = rest
    .replace(/\(\s*\)|（\s*）/gu, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s,;:/|·•\-–—，；：、]+|[\s,;:/|·•\-–—，；：、]+$/gu, '')
    .replace(/^(?:photo|image|picture|credit|圖片|图片|攝影|摄影|來源|来源)\s*[:：]?\s*$/iu, '')
    .trim();
  return NAME_CHARACTER.test(rest) ? rest : null;
}
