import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { Converter } from 'opencc-js';
import { decodeStoryFile, MAX_IMPORT_BYTES } from './decode';
import { ImportInputError } from './errors';

const raw = fs.readFileSync(path.resolve(__dirname, '../../database/seed/seed-article.zh-Hant.txt'), 'utf8');

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportInputError);
    return (error as ImportInputError).code;
  }
};

describe('decodeStoryFile', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeStoryFile(Buffer.from(raw, 'utf8'))).toEqual({ text: raw, encoding: 'utf-8' });
    expect(decodeStoryFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(raw, 'utf8')])).text).toBe(raw);
  });

  it('recognises Big5 (Traditional) and converts it', () => {
    const big5 = iconv.encode(raw, 'big5');
    const decoded = decodeStoryFile(big5);
    expect(decoded.encoding).toBe('big5');
    expect(decoded.text).toBe(iconv.decode(big5, 'big5'));
    expect(decoded.text).toContain('文|正見 TrueView,作者|koorvoa,編輯|TV.');
  });

  it('recognises GB18030 (Simplified) and converts it', () => {
    const simplified = Converter({ from: 'tw', to: 'cn' })(raw);
    const decoded = decodeStoryFile(iconv.encode(simplified, 'gb18030'));
    expect(decoded).toEqual({ text: simplified, encoding: 'gb18030' });
  });

  it('recognises GB18030 of Traditional text too', () => {
    const decoded = decodeStoryFile(iconv.encode(raw, 'gb18030'));
    expect(decoded).toEqual({ text: raw, encoding: 'gb18030' });
  });

  it('refuses empty, blank, binary, oversized and undecodable files', () => {
    expect(codeOf(() => decodeStoryFile(Buffer.alloc(0)))).toBe('empty');
    expect(codeOf(() => decodeStoryFile(Buffer.from(' \n\r\n ')))).toBe('empty');
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
    expect(codeOf(() => decodeStoryFile(jpeg))).toBe('binary');
    expect(codeOf(() => decodeStoryFile(Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41)))).toBe('too-large');
    // Latin-1 French text is neither UTF-8 nor Chinese.
    expect(
      codeOf(() => decodeStoryFile(Buffer.from('Élève à une école, déjà très été. Ça coûte « » ç é è à ù ô'.repeat(20), 'latin1'))),
    ).toBe('encoding');
    // Bytes that read as Chinese characters in any table, but not as Chinese text.
    let seed = 7;
    const noise = Buffer.from(Array.from({ length: 4000 }, () => 0x81 + ((seed = (seed * 1103515245 + 12345) % 2147483648) % 0x7e)));
    expect(codeOf(() => decodeStoryFile(noise))).toBe('encoding');
  });
});
