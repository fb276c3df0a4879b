import { createHash } from 'node:crypto';

/**
 * Whether a JPEG's IPTC-IIM block is the one its XMP was last synchronised with. XMP-aware tools
 * store the MD5 of the IIM block they wrote in Photoshop resource 0x0425; a tool that edits IIM only
 * leaves that digest behind. The Metadata Working Group's reading rule rests on this
 * (`mismatch`: the IIM was changed after the XMP, so the IIM is the newer value).
 */
export type IimDigestState = 'match' | 'mismatch' | 'absent';

const SOI = 0xd8;
const SOS = 0xda;
const APP13 = 0xed;
const PHOTOSHOP = Buffer.from('Photoshop 3.0\0', 'latin1');
const RESOURCE = Buffer.from('8BIM', 'latin1');
const IIM_RESOURCE = 0x0404;
const DIGEST_RESOURCE = 0x0425;

/** Photoshop image resources of every APP13 segment, by resource id (the first of each wins). */
function photoshopResources(jpeg: Buffer): Map<number, Buffer> {
  const resources = new Map<number, Buffer>();
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== SOI) return resources;
  let offset = 2;
  while (offset + 4 <= jpeg.length && jpeg[offset] === 0xff) {
    const marker = jpeg[offset + 1]!;
    if (marker === SOS) break;
    const length = jpeg.readUInt16BE(offset + 2);
    if (length < 2) break;
    const payload = jpeg.subarray(offset + 4, Math.min(jpeg.length, offset + 2 + length));
    if (marker === APP13 && payload.subarray(0, PHOTOSHOP.length).equals(PHOTOSHOP)) {
      let at = PHOTOSHOP.length;
      while (at + 12 <= payload.length && payload.subarray(at, at + 4).equals(RESOURCE)) {
        const id = payload.readUInt16BE(at + 4);
        const nameLength = payload[at + 6]!;
        // The Pascal-string name, its length byte included, is padded to an even size.
        let dataAt = at + 7 + nameLength + ((nameLength + 1) % 2);
        if (dataAt + 4 > payload.length) break;
        const size = payload.readUInt32BE(dataAt);
        dataAt += 4;
        if (!resources.has(id)) resources.set(id, payload.subarray(dataAt, Math.min(payload.length, dataAt + size)));
        at = dataAt + size + (size % 2);
      }
    }
    offset += 2 + length;
  }
  return resources;
}

export function iimDigestState(jpeg: Buffer): IimDigestState {
  const resources = photoshopResources(jpeg);
  const iim = resources.get(IIM_RESOURCE);
  const digest = resources.get(DIGEST_RESOURCE);
  if (!iim || !digest || digest.length !== 16) return 'absent';
  return createHash('md5').update(iim).digest().equals(digest) ? 'match' : 'mismatch';
}
