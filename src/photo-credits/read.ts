import { readFile } from 'node:fs/promises';
import exifr from 'exifr';
import { toPlainText } from '../lib/plain-text';
import { iimDigestState, type IimDigestState } from './iim-digest';

/**
 * The rights fields a photo file may carry, as the IPTC Photo Metadata Standard maps them to XMP,
 * IPTC-IIM and EXIF. Credit Line says how the photo is credited, Creator who took it, Copyright
 * Notice who owns it; Usage Terms and Web Statement describe the licence, Licensor who grants it.
 */
export interface PhotoMetadata {
  /** Credit Line: `photoshop:Credit`, IIM 2:110. */
  credit: string | null;
  /** Creator: `dc:creator`, IIM 2:80 By-line, EXIF Artist. */
  byline: string | null;
  /** Copyright Notice: `dc:rights`, IIM 2:116, EXIF Copyright. */
  copyright: string | null;
  /** Source: `photoshop:Source`, IIM 2:115 (who supplied the photo; used to find the agency, never shown). */
  source: string | null;
  /** Rights Usage Terms: `xmpRights:UsageTerms` (XMP only). */
  usageTerms: string | null;
  /** Web Statement of Rights: `xmpRights:WebStatement` (XMP only). */
  webStatement: string | null;
  /** Licensor name and URL: `plus:Licensor` (XMP only; the first licensor). */
  licensor: string | null;
  licensorUrl: string | null;
}

export const NO_METADATA: PhotoMetadata = {
  credit: null,
  byline: null,
  copyright: null,
  source: null,
  usageTerms: null,
  webStatement: null,
  licensor: null,
  licensorUrl: null,
};

type Parsed = Record<string, Record<string, unknown> | undefined>;

const XML_ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-f]{1,6}));/giu;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * exifr hands XMP values over as they stand in the XML, entities and all ("Art &amp; Design"). One
 * pass decodes them as an XML parser would: `&amp;lt;` is the text `&lt;`, not `<`.
 */
export function decodeXmlEntities(value: string): string {
  return value.replace(XML_ENTITY, (entity, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name.toLowerCase()] ?? entity;
    const code = Number.parseInt(dec ?? hex ?? '', dec ? 10 : 16);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

const isLangAlt = (value: unknown): value is { lang?: unknown; value: unknown } =>
  Boolean(value && typeof value === 'object' && 'value' in value);

/** XMP values come as strings, language alternatives `{ lang, value }` (x-default first), or lists of either. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isLangAlt)) return text((value.find((v) => v.lang === 'x-default') ?? value[0])!.value);
    const parts = value.map(text).filter((v): v is string => v !== null);
    return parts.length === 0 ? null : parts.join(', ');
  }
  if (isLangAlt(value)) return text(value.value);
  return null;
}

/**
 * IPTC-IIM strings are read byte for byte as Latin-1; files written as UTF-8 (the usual case, and the
 * only way to carry Chinese) come out garbled. When the bytes are valid UTF-8, they are read as such.
 */
export function repairIptcString(value: string | null): string | null {
  if (value === null || !/[\u0080-\u00ff]/u.test(value) || /[^\u0000-\u00ff]/u.test(value)) return value;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value, 'latin1')).trim() || null;
  } catch {
    return value;
  }
}

/** IIM field lengths (IIM 4.2, record 2): a longer value was cut to fit when it was copied into IIM. */
const IIM_LIMIT = { credit: 32, byline: 32, source: 32, copyright: 128 } as const;

/**
 * The Metadata Working Group's rule for a value both XMP and IIM carry: XMP wins unless the IIM
 * digest shows that the IIM was edited after the XMP was written. An IIM value that is the XMP
 * value cut at the IIM field length is a copy, not an edit, and gives way to the whole value.
 */
export function reconcileIimXmp(xmp: string | null, iim: string | null, digest: IimDigestState, limit: number): string | null {
  if (xmp === null) return iim;
  if (iim === null || iim === xmp) return xmp;
  const truncatedCopy = xmp.startsWith(iim) && Buffer.byteLength(iim, 'utf8') >= limit - 3;
  if (truncatedCopy) return xmp;
  return digest === 'mismatch' ? iim : xmp;
}

/** EXIF Copyright may hold the photographer's and the editor's notices separated by NUL. */
const exifText = (value: unknown): string | null => {
  const raw = text(value);
  if (raw === null) return null;
  const parts = raw
    .split('\u0000')
    .map((p) => repairIptcString(p.trim()))
    .filter((p): p is string => Boolean(p));
  return parts.length === 0 ? null : parts.join('; ');
};

// A file is input from anywhere: once decoded, its strings are reduced to plain text.
const plain = (value: string | null) => (value === null ? null : toPlainText(value) || null);

/**
 * The segments read, each block apart (mergeOutput: false). exifr's types accept only an options
 * object for a block such as `ifd0`, while the library itself takes `true` for "read it with defaults".
 */
const EXIFR_OPTIONS = {
  iptc: true,
  xmp: true,
  tiff: true,
  ifd0: true,
  ifd1: false,
  exif: false,
  gps: false,
  interop: false,
  icc: false,
  jfif: false,
  ihdr: false,
  makerNote: false,
  userComment: false,
  mergeOutput: false,
} as unknown as Parameters<typeof exifr.parse>[1];

export async function readPhotoMetadata(input: Buffer | string): Promise<PhotoMetadata> {
  let bytes: Buffer;
  let parsed: Parsed | undefined;
  try {
    bytes = typeof input === 'string' ? await readFile(input) : input;
    // A JPEG's XMP must be UTF-8 (XMP Part 3); exifr reads no other encoding, and IIM and EXIF stand in.
    parsed = (await exifr.parse(bytes, EXIFR_OPTIONS)) as Parsed | undefined;
  } catch {
    return { ...NO_METADATA };
  }
  const digest = iimDigestState(bytes);
  const xmp = (namespaces: string[], key: string) => {
    for (const ns of namespaces) {
      const value = text(parsed?.[ns]?.[key]);
      if (value !== null) return decodeXmlEntities(value);
    }
    return null;
  };
  const iim = (key: string) => repairIptcString(text(parsed?.iptc?.[key]));
  const exif = (key: string) => exifText(parsed?.ifd0?.[key]);
  // `xap` and `xapRights` are the prefixes XMP used before 2005; files written then still carry them.
  const RIGHTS = ['xmpRights', 'xapRights'];
  const licensor = (() => {
    const value = parsed?.plus?.Licensor;
    const first = (Array.isArray(value) ? value[0] : value) as Record<string, unknown> | undefined;
    return first && typeof first === 'object' ? first : undefined;
  })();
  const licensorField = (key: string) => {
    const value = text(licensor?.[key]);
    return value === null ? null : decodeXmlEntities(value);
  };

  return {
    credit: plain(reconcileIimXmp(xmp(['photoshop'], 'Credit'), iim('Credit'), digest, IIM_LIMIT.credit)),
    byline: plain(reconcileIimXmp(xmp(['dc'], 'creator'), iim('Byline'), digest, IIM_LIMIT.byline) ?? exif('Artist')),
    copyright: plain(reconcileIimXmp(xmp(['dc'], 'rights'), iim('CopyrightNotice'), digest, IIM_LIMIT.copyright) ?? exif('Copyright')),
    source: plain(reconcileIimXmp(xmp(['photoshop'], 'Source'), iim('Source'), digest, IIM_LIMIT.source)),
    usageTerms: plain(xmp(RIGHTS, 'UsageTerms')),
    webStatement: plain(xmp(RIGHTS, 'WebStatement')),
    licensor: plain(licensorField('LicensorName')),
    licensorUrl: plain(licensorField('LicensorURL')),
  };
}
