import iconv from 'iconv-lite';
import { ImportInputError } from './errors';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type ImportEncoding = 'utf-8' | 'gb18030' | 'big5';

export interface DecodedText {
  text: string;
  encoding: ImportEncoding;
}

/**
 * Characters that make up a large share of any Chinese news text, in both scripts. A legacy file
 * decoded with the wrong table still yields valid characters, but rarely these.
 */
const COMMON = new Set(
  [
    ...'的一是不了在人有我他這这個个們们中來来上大為为和國国地到以說说時时要就出會会可也你對对生能而子那得於于著着下自之年過过發发後后作裏里用道行所然家種种事成方多經经麼么去法學学如都同現现當当沒没動动面起看定天分還还進进好小部其些主樣样理心本前開开但因只從从想實实日者意無无力與与長长把機机民第公此已工使情明性知全三又關关點点正業业外將将兩两高間间由問问很最重並并物手應应向頭头文體体政美相見见被利什二等產产或新己制身果加月話话合回特代內内信表化老給给世位次度門门任常先海通教兒儿原東东聲声提立及比員员解水名真論论處处走義义各入幾几口認认條条平系氣气題题活更別别打女變变四神總总何電电數数安少報报才結结反受目太量再感建務务做接必場场件計计管期市直資资命山金指克許许統统區区保至隊队形社便空決决治展科司五基眼書书非則则聽听白卻却界達达光放強强即像難难且權权思王象完設设式色路記记品住告類类求據据程北邊边死張张該该交規规萬万取拉格望覺觉術术領领共確确傳传師师觀观清今切院讓让識识候帶带導导爭争運运笑飛飞風风步改收根造言聯联持組组每濟济車车親亲極极林服快辦办議议往元英士證证近失轉转夫令準准布始怎存未遠远叫台單单影具字愛爱擊击流備备兵連连調调深商算質质團团集百需價价花華华城石級级整府離离況况請请技際际約约示復复病息究線线似官火斷断精滿满支視视消越器容照須须增研寫写稱称企功包片史委乎查輕轻易早曾除農农找裝装廣广顯显吧李標标談谈吃圖图念六引歷历首醫医局突專专費费號号另周較较注語语仍模型廠厂據云網网絡络智能據客戶户據',
  ].filter((c) => c.trim() !== ''),
);

function isBinary(buffer: Buffer): boolean {
  const sample = buffer.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control += 1;
  }
  return control > sample.length * 0.01;
}

function strictUtf8(buffer: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return null;
  }
}

/** Higher is more plausible: common characters count, replacement, private-use and stray kana/Greek/box characters cost. */
export function plausibility(text: string): number {
  let score = 0;
  let chars = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    chars += 1;
    if (COMMON.has(ch)) score += 1;
    else if (code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff)) score -= 5;
    else if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x0370 && code <= 0x04ff) || (code >= 0x2500 && code <= 0x257f)) score -= 2;
  }
  return chars === 0 ? 0 : score / chars;
}

/**
 * Reads an imported file: UTF-8 (with or without BOM), or a legacy Chinese encoding — GB18030 (which
 * includes GBK and GB2312) or Big5 — recognised by which reading gives plausible Chinese text.
 * Empty, oversized, binary and undecodable files are refused with a message for the editor.
 */
export function decodeStoryFile(buffer: Buffer): DecodedText {
  if (buffer.length > MAX_IMPORT_BYTES) {
    throw new ImportInputError(
      `The file is ${(buffer.length / 1024 / 1024).toFixed(1)} MB; a story to import may be at most 10 MB.`,
      'too-large',
    );
  }
  if (buffer.length === 0 || buffer.toString('latin1').trim() === '') throw new ImportInputError('The file is empty.', 'empty');
  if (isBinary(buffer))
    throw new ImportInputError(
      'The file is not text (it looks like a binary file such as an image, PDF or Word document). Import a .txt file.',
      'binary',
    );

  const utf8 = strictUtf8(buffer);
  if (utf8 !== null) return { text: utf8.replace(/^\uFEFF/u, ''), encoding: 'utf-8' };

  const readings = (['gb18030', 'big5'] as const).map((encoding) => {
    const text = iconv.decode(buffer, encoding);
    return { encoding, text, score: plausibility(text) };
  });
  readings.sort((a, b) => b.score - a.score);
  const best = readings[0]!;
  if (best.score < 0.2) {
    throw new ImportInputError(
      'The file’s encoding could not be recognised as UTF-8, GB18030/GBK or Big5 Chinese text. Save it as UTF-8 and import it again.',
      'encoding',
    );
  }
  return { text: best.text, encoding: best.encoding };
}
