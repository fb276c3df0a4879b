import type { GuardConfig, RuleId, RuleSetting } from '../../../shared/contracts/findings';

/**
 * Out of the box every rule runs. Errors block publishing; the rule that judges an agency list still
 * being filled in is a warning. A typed credit line naming another writer than the byline field is a
 * wrong byline in print, so `attribution.line-consistent` is an error too, though an editor may
 * override it (the reader can misread a credit line). Otherwise only contractual or advisory rules may
 * be overridden: a wrong byline, credit or quote is never publishable.
 */
export const defaultRuleSettings: Readonly<Record<RuleId, Readonly<RuleSetting>>> = {
  'byline.author-required': { enabled: true, severity: 'error', overridable: false },
  'byline.author-registered': { enabled: true, severity: 'error', overridable: false },
  'byline.author-outlet': { enabled: true, severity: 'error', overridable: false },
  'outlet.required': { enabled: true, severity: 'error', overridable: false },
  'outlet.republisher': { enabled: true, severity: 'error', overridable: false },
  'syndication.license-valid': { enabled: true, severity: 'error', overridable: true },
  'attribution.line-consistent': { enabled: true, severity: 'error', overridable: true },
  'image.credit-required': { enabled: true, severity: 'error', overridable: false },
  'image.credit-placeholder': { enabled: true, severity: 'error', overridable: false },
  'image.agency-known': { enabled: true, severity: 'warning', overridable: true },
  'pull-quote.speaker-required': { enabled: true, severity: 'error', overridable: false },
  'pull-quote.verbatim': { enabled: true, severity: 'error', overridable: false },
  'relation.unpublished-dependency': { enabled: true, severity: 'error', overridable: false },
};

/** Credits that name no one. Compared after normalisation (width, case, spaces, script, credit labels). */
export const defaultPlaceholderCredits: readonly string[] = [
  '網路',
  '网路',
  '網絡',
  '网络',
  '互聯網',
  '互联网',
  '來源網路',
  '來源網絡',
  '来源网络',
  '來自網路',
  '來自網絡',
  '来自网络',
  '圖片來源網路',
  '圖片來源網絡',
  '图片来源网络',
  '網路圖片',
  '網絡圖片',
  '网络图片',
  '網圖',
  '网图',
  '未知',
  '不詳',
  '不详',
  '佚名',
  '無',
  '无',
  '暫無',
  '暂无',
  '轉載',
  '转载',
  '其他',
  '其它',
  '百度',
  '百度圖片',
  '百度图片',
  'Google',
  'Google Images',
  '谷歌',
  '谷歌圖片',
  '谷歌图片',
  'internet',
  'online',
  'web',
  'the internet',
  'unknown',
  'N/A',
  'none',
  'various',
  'file photo',
  'stock',
];

/** Names that stand for no person. Compared after the same normalisation as credits. */
export const defaultPlaceholderAuthors: readonly string[] = [
  '佚名',
  '匿名',
  '未知',
  '無名',
  '无名',
  '小編',
  '小编',
  '編輯部',
  '编辑部',
  '本報記者',
  '本报记者',
  '網友',
  '网友',
  'admin',
  'administrator',
  'editor',
  'unknown',
  'anonymous',
  'anon',
  'staff',
  'staff writer',
  'user',
  'test',
  'N/A',
];

export const defaultContentTypes: readonly string[] = ['api::article.article'];

/** A fresh, fully populated config; callers may mutate what they get. */
export function createDefaultGuardConfig(): GuardConfig {
  const rules = {} as Record<RuleId, RuleSetting>;
  for (const [id, setting] of Object.entries(defaultRuleSettings) as Array<[RuleId, RuleSetting]>) {
    rules[id] = { ...setting };
  }
  return {
    contentTypes: [...defaultContentTypes],
    rules,
    placeholderCredits: [...defaultPlaceholderCredits],
    placeholderAuthors: [...defaultPlaceholderAuthors],
    requiredRepublishers: [],
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The defaults as one frozen object: shared by every run, so nothing may change it in place. */
export const defaultGuardConfig: Readonly<GuardConfig> = deepFreeze(createDefaultGuardConfig());
