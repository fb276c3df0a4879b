import type { Finding, LocalizedMessage, MessageLocale } from '../../../shared/contracts/findings';

/**
 * The admin's interface language decides which of a finding's messages is shown. Strapi's admin codes
 * are `zh` for Traditional and `zh-Hans` for Simplified Chinese; rules write `zh-Hant` and `zh-Hans`.
 */
export function messageLocale(adminLocale: string): MessageLocale {
  const code = adminLocale.toLowerCase();
  if (code === 'zh-hans' || code === 'zh-cn' || code === 'zh-sg') return 'zh-Hans';
  if (code === 'zh' || code.startsWith('zh-')) return 'zh-Hant';
  return 'en';
}

export function localized(message: LocalizedMessage | undefined, adminLocale: string): string {
  if (!message) return '';
  return message[messageLocale(adminLocale)] || message.en;
}

export function groupFindings(findings: readonly Finding[]): { errors: Finding[]; warnings: Finding[] } {
  return {
    errors: findings.filter((f) => f.severity === 'error'),
    warnings: findings.filter((f) => f.severity === 'warning'),
  };
}
