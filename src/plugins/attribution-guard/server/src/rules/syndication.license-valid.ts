import type { Finding, LocalizedMessage, Rule, SourceRecord } from '../../../shared/contracts/findings';
import { message } from '../../../shared/text/messages';
import { evaluateAgreement, type AgreementStatus } from '../../../shared/agreement';
import { finding } from './support/finding';

export const id = 'syndication.license-valid';

type Failure = Exclude<AgreementStatus, { ok: true } | { reason: 'missing' }>;

function missing(candidates: readonly SourceRecord[]): LocalizedMessage {
  const names = candidates.map((s) => s.name);
  return message(
    `No syndication agreement is on record for ${names.join(' or ')}. Enter the agreement on the source entry before publishing.`,
    `${names.join(' 或 ')} 沒有登記轉載授權協議。發布前請在來源資料中填寫協議。`,
    `${names.join(' 或 ')} 没有登记转载授权协议。发布前请在来源资料中填写协议。`,
  );
}

function describe(source: SourceRecord, failure: Failure): LocalizedMessage {
  const who = source.name;
  const agreement = source.agreementId ?? '';
  switch (failure.reason) {
    case 'unreadable-date':
      return message(
        `The agreement ${agreement} of ${who} has an unreadable date “${failure.value}” (use YYYY-MM-DD).`,
        `${who} 的協議 ${agreement} 日期「${failure.value}」無法辨識(請用 YYYY-MM-DD)。`,
        `${who} 的协议 ${agreement} 日期“${failure.value}”无法识别(请用 YYYY-MM-DD)。`,
      );
    case 'not-yet-valid':
      return message(
        `The agreement ${agreement} of ${who} is not yet valid: it starts on ${failure.from}.`,
        `${who} 的協議 ${agreement} 尚未生效,生效日為 ${failure.from}。`,
        `${who} 的协议 ${agreement} 尚未生效,生效日为 ${failure.from}。`,
      );
    case 'expired':
      return message(
        `The agreement ${agreement} of ${who} expired on ${failure.until}.`,
        `${who} 的協議 ${agreement} 已於 ${failure.until} 到期。`,
        `${who} 的协议 ${agreement} 已于 ${failure.until} 到期。`,
      );
    case 'locale':
      return message(
        `The agreement ${agreement} of ${who} does not cover the locale ${failure.locale} (allowed: ${source.allowedLocales.join(', ')}).`,
        `${who} 的協議 ${agreement} 不涵蓋語言版本 ${failure.locale}(允許:${source.allowedLocales.join('、')})。`,
        `${who} 的协议 ${agreement} 不涵盖语言版本 ${failure.locale}(允许:${source.allowedLocales.join('、')})。`,
      );
  }
}

/**
 * A republished piece needs an agreement in force at `now` (publish time) for its locale, on record
 * with the republisher or the outlet; one good agreement is enough. Without a republisher there is
 * nothing to check here (`outlet.republisher` asks for one).
 */
export const syndicationLicenseValid: Rule = (input) => {
  const { republisher, source, locale } = input.article;
  if (!republisher) return [];
  const candidates = [republisher, source].filter(
    (s, i, all): s is SourceRecord => s !== null && all.findIndex((o) => o?.documentId === s.documentId) === i,
  );
  const failures: Array<{ source: SourceRecord; failure: Failure }> = [];
  for (const candidate of candidates) {
    const status = evaluateAgreement(candidate, locale, input.now);
    if (status.ok) return [];
    if (status.reason !== 'missing') failures.push({ source: candidate, failure: status });
  }
  // Say what is wrong with each agreement on record; "missing" only when none is on record at all.
  if (failures.length === 0) return [finding(input, id, 'republisher', missing(candidates))];
  return failures.map((f): Finding => finding(input, id, 'republisher', describe(f.source, f.failure)));
};
