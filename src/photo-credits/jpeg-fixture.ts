/**
 * Builds small JPEG files carrying IPTC (APP13) and XMP (APP1) photo metadata, for tests: the
 * segments are written by hand so the fields are exactly what a photo agency's file would carry.
 */

export interface PhotoFields {
  credit?: string;
  byline?: string;
  copyright?: string;
  source?: string;
  usageTerms?: string;
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

/** An APP13 Photoshop segment with an IPTC-IIM block, UTF-8 declared (1:90 = ESC % G). */
export function iptcSegment(fields: PhotoFields): Buffer {
  const datasets: Buffer[] = [iptcDataset(1, 90, Buffer.from([0x1b, 0x25, 0x47]))];
  const add = (dataset: number, value: string | undefined) => {
    if (value !== undefined) datasets.push(iptcDataset(2, dataset, Buffer.from(value, 'utf8')));
  };
  add(80, fields.byline);
  add(110, fields.credit);
  add(115, fields.source);
  add(116, fields.copyright);
  let iptc = Buffer.concat(datasets);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iptc.length, 0);
  if (iptc.length % 2 === 1) iptc = Buffer.concat([iptc, Buffer.from([0])]);
  const resource = Buffer.concat([Buffer.from('8BIM', 'latin1'), Buffer.from([0x04, 0x04, 0, 0]), size, iptc]);
  return segment(0xed, Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource]));
}

const escapeXml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** An APP1 XMP packet with Dublin Core creator/rights, Photoshop credit/source and xmpRights usage terms. */
export function xmpSegment(fields: PhotoFields): Buffer {
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`;
  const props = [
    fields.byline !== undefined ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(fields.byline)}</rdf:li></rdf:Seq></dc:creator>` : '',
    fields.copyright !== undefined ? `<dc:rights>${alt(fields.copyright)}</dc:rights>` : '',
    fields.usageTerms !== undefined ? `<xmpRights:UsageTerms>${alt(fields.usageTerms)}</xmpRights:UsageTerms>` : '',
  ].join('');
  const attrs = [
    fields.credit !== undefined ? ` photoshop:Credit="${escapeXml(fields.credit)}"` : '',
    fields.source !== undefined ? ` photoshop:Source="${escapeXml(fields.source)}"` : '',
  ].join('');
  const packet =
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" ' +
    `xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"${attrs}>${props}</rdf:Description>` +
    '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
  return segment(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(packet, 'utf8')]));
}

/** Inserts metadata segments right after the SOI marker of a JPEG. */
export function withMetadata(jpeg: Buffer, fields: { iptc?: PhotoFields; xmp?: PhotoFields }): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const segments = [fields.xmp ? xmpSegment(fields.xmp) : null, fields.iptc ? iptcSegment(fields.iptc) : null].filter((s): s is Buffer => s !== null);
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}
