import exifr from 'exifr';
import { toPlainText } from '../lib/plain-text';

/** The credit fields a photo file may carry, from XMP first and IPTC-IIM second. */
export interface PhotoMetadata {
  credit: string | null;
  byline: string | null;
  copyright: string | null;
  source: string | null;
  usageTerms: string | null;
}

type Parsed = Record<string, Record<string, unknown> | undefined>;

/** XMP values come as strings, language alternatives `{ lang, value }`, or lists of either. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(text).filter((v): v is string => v !== null);
    return parts.length === 0 ? null : parts.join(', ');
  }
  if (value && typeof value === 'object' && 'value' in value) return text((value as { value: unknown }).value);
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

export async function readPhotoMetadata(input: Buffer | string): Promise<PhotoMetadata> {
  let parsed: Parsed | undefined;
  try {
    parsed = (await exifr.parse(input, { iptc: true, xmp: true, tiff: false, exif: false, gps: false, icc: false, jfif: false, ihdr: false, mergeOutput: false })) as Parsed | undefined;
  } catch {
    parsed = undefined;
  }
  const xmp = (ns: string, key: string) => text(parsed?.[ns]?.[key]);
  const iptc = (key: string) => repairIptcString(text(parsed?.iptc?.[key]));
  // A file is input from anywhere: once decoded, its strings are reduced to plain text (XMP is XML, so entities are decoded too).
  const plain = (value: string | null) => (value === null ? null : toPlainText(value) || null);
  return {
    credit: plain(xmp('photoshop', 'Credit') ?? iptc('Credit')),
    byline: plain(xmp('dc', 'creator') ?? iptc('Byline')),
    copyright: plain(xmp('dc', 'rights') ?? iptc('CopyrightNotice')),
    source: plain(xmp('photoshop', 'Source') ?? iptc('Source')),
    usageTerms: plain(xmp('xmpRights', 'UsageTerms')),
  };
}
