import { createHash } from 'node:crypto';

/**
 * Builds small JPEG files carrying IPTC (APP13), XMP (APP1) and EXIF (APP1) photo metadata, for
 * tests: the segments are written by hand so the fields are exactly what another tool's file carries.
 */

export interface PhotoFields {
  credit?: string;
  byline?: string;
  copyright?: string;
  source?: string;
  usageTerms?: string;
  webStatement?: string;
}

export interface XmpOptions {
  /** `xapRights` is the prefix pre-2005 tools wrote for the same rights namespace. */
  rightsPrefix?: 'xmpRights' | 'xapRights';
  /** XMP in a JPEG must be UTF-8; some tools write UTF-16 anyway. */
  encoding?: 'utf8' | 'utf16be';
  /** Values are written as they are, entities included (`Art &amp;amp; Design`), instead of escaped. */
  raw?: boolean;
}

export interface ExifFields {
  artist?: string;
  copyright?: string;
}

function segment(marker: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xff00 | marker, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

function iptcDataset(record: number, dataset: number, value: Buffer): Buffer {
  const head = Buffer.from([0x1c, record, dataset, 0, 0]);
  head.writeUInt16BE(value.length, 3);
  return Buffer.concat([head, value]);
}

const resource = (id: number, data: Buffer): Buffer => {
  const head = Buffer.concat([Buffer.from('8BIM', 'latin1'), Buffer.from([id >> 8, id & 0xff, 0, 0]), Buffer.alloc(4)]);
  head.writeUInt32BE(data.length, 8);
  return Buffer.concat([head, data, data.length % 2 === 1 ? Buffer.from([0]) : Buffer.alloc(0)]);
};

/**
 * An APP13 Photoshop segment with an IPTC-IIM block, UTF-8 declared (1:90 = ESC % G). `digest`
 * adds resource 0x0425 as an XMP-aware tool leaves it: the MD5 of this IIM block (`match`), or of
 * an earlier one (`stale`, as after an IIM-only tool edited the file).
 */
export function iptcSegment(fields: PhotoFields, digest?: 'match' | 'stale'): Buffer {
  const datasets: Buffer[] = [iptcDataset(1, 90, Buffer.from([0x1b, 0x25, 0x47]))];
  const add = (dataset: number, value: string | undefined) => {
    if (value !== undefined) datasets.push(iptcDataset(2, dataset, Buffer.from(value, 'utf8')));
  };
  add(80, fields.byline);
  add(110, fields.credit);
  add(115, fields.source);
  add(116, fields.copyright);
  const iptc = Buffer.concat(datasets);
  const resources = [resource(0x0404, iptc)];
  if (digest)
    resources.push(
      resource(
        0x0425,
        createHash('md5')
          .update(digest === 'match' ? iptc : Buffer.concat([iptc, Buffer.from('earlier')]))
          .digest(),
      ),
    );
  return segment(0xed, Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), ...resources]));
}

const escapeXml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** An APP1 XMP packet with Dublin Core creator/rights, Photoshop credit/source and xmpRights usage terms and web statement. */
export function xmpSegment(fields: PhotoFields, options: XmpOptions = {}): Buffer {
  const esc = options.raw ? (value: string) => value : escapeXml;
  const rights = options.rightsPrefix ?? 'xmpRights';
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${esc(value)}</rdf:li></rdf:Alt>`;
  const props = [
    fields.byline !== undefined ? `<dc:creator><rdf:Seq><rdf:li>${esc(fields.byline)}</rdf:li></rdf:Seq></dc:creator>` : '',
    fields.copyright !== undefined ? `<dc:rights>${alt(fields.copyright)}</dc:rights>` : '',
    fields.usageTerms !== undefined ? `<${rights}:UsageTerms>${alt(fields.usageTerms)}</${rights}:UsageTerms>` : '',
    fields.webStatement !== undefined ? `<${rights}:WebStatement>${esc(fields.webStatement)}</${rights}:WebStatement>` : '',
  ].join('');
  const attrs = [
    fields.credit !== undefined ? ` photoshop:Credit="${esc(fields.credit)}"` : '',
    fields.source !== undefined ? ` photoshop:Source="${esc(fields.source)}"` : '',
  ].join('');
  const packet =
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" ' +
    `xmlns:${rights}="http://ns.adobe.com/xap/1.0/rights/"${attrs}>${props}</rdf:Description>` +
    '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
  const encoded = options.encoding === 'utf16be' ? Buffer.from(packet, 'utf16le').swap16() : Buffer.from(packet, 'utf8');
  return segment(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), encoded]));
}

/** An APP1 EXIF segment: a little-endian TIFF header and IFD0 with Artist (0x013B) and Copyright (0x8298). */
export function exifSegment(fields: ExifFields): Buffer {
  const tags: Array<[number, string | undefined]> = [
    [0x013b, fields.artist],
    [0x8298, fields.copyright],
  ];
  const entries = tags.filter((e): e is [number, string] => e[1] !== undefined);
  const ifdSize = 2 + entries.length * 12 + 4;
  const values: Buffer[] = [];
  let dataOffset = 8 + ifdSize;
  const ifd = Buffer.alloc(ifdSize);
  ifd.writeUInt16LE(entries.length, 0);
  entries.forEach(([tag, value], i) => {
    const bytes = Buffer.concat([Buffer.from(value, 'utf8'), Buffer.from([0])]);
    const at = 2 + i * 12;
    ifd.writeUInt16LE(tag, at);
    ifd.writeUInt16LE(2, at + 2); // ASCII
    ifd.writeUInt32LE(bytes.length, at + 4);
    if (bytes.length <= 4) bytes.copy(ifd, at + 8);
    else {
      ifd.writeUInt32LE(dataOffset, at + 8);
      values.push(bytes);
      dataOffset += bytes.length;
    }
  });
  const tiff = Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]), ifd, ...values]);
  return segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
}

export interface MetadataFields {
  iptc?: PhotoFields;
  /** Resource 0x0425 beside the IIM block (see `iptcSegment`). */
  iimDigest?: 'match' | 'stale';
  xmp?: PhotoFields;
  xmpOptions?: XmpOptions;
  exif?: ExifFields;
}

/** Inserts metadata segments right after the SOI marker of a JPEG. */
export function withMetadata(jpeg: Buffer, fields: MetadataFields): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const segments = [
    fields.exif ? exifSegment(fields.exif) : null,
    fields.xmp ? xmpSegment(fields.xmp, fields.xmpOptions) : null,
    fields.iptc ? iptcSegment(fields.iptc, fields.iimDigest) : null,
  ].filter((s): s is Buffer => s !== null);
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}
