/**
 * Types shared by the server (rules, routes) and the admin panel.
 * Rules take plain data only: everything a rule needs arrives in a RuleInput.
 */

export const RULE_IDS = [
  'byline.author-required',
  'byline.author-registered',
  'byline.author-outlet',
  'outlet.required',
  'outlet.republisher',
  'syndication.license-valid',
  'attribution.line-consistent',
  'image.credit-required',
  'image.credit-placeholder',
  'image.agency-known',
  'pull-quote.speaker-required',
  'pull-quote.verbatim',
  'relation.unpublished-dependency',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'error' | 'warning';

export const MESSAGE_LOCALES = ['en', 'zh-Hant', 'zh-Hans'] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];
export type LocalizedMessage = Record<MessageLocale, string>;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Dotted path of the field in the article form, e.g. `cover.credit`, `gallery.2.credit`, `pullQuotes.3.text`, `body.5`. */
  path: string;
  message: LocalizedMessage;
}

export type SourceKind = 'outlet' | 'republisher' | 'agency' | 'wire';
export type AuthorRole = 'writer' | 'editor' | 'photographer' | 'contributor';
export type License = 'owned' | 'agency' | 'editorial-only' | 'cc-by' | 'cc-by-sa' | 'public-domain' | 'handout';

export interface SourceRecord {
  documentId: string;
  name: string;
  shortName: string | null;
  kind: SourceKind | null;
  aliases: string[];
  website: string | null;
  attributionTemplate: string | null;
  agreementId: string | null;
  /** ISO date (YYYY-MM-DD) or instant; null = open-ended. */
  licenseValidFrom: string | null;
  licenseValidUntil: string | null;
  /** Content locales the agreement covers; empty = all locales. */
  allowedLocales: string[];
  /** Whether a published version of this source exists. */
  published: boolean;
}

export interface AuthorRecord {
  documentId: string;
  name: string;
  displayName: string | null;
  role: AuthorRole | null;
  aliases: string[];
  /** documentId of the author's outlet (a SourceRecord), if any. */
  outletDocumentId: string | null;
  published: boolean;
}

/** One image the article shows: the cover, a gallery item or an image node of the Blocks body. */
export interface ImageUsage {
  /** Form path of the usage: `cover`, `gallery.0`, `body.12`. */
  path: string;
  fileId: number | null;
  url: string | null;
  name: string | null;
  /** Effective credit: the usage's own credit, else the credit stored with the media file. */
  credit: string | null;
  /** The agency picked on the usage (resolved), if any. */
  agency: SourceRecord | null;
  photographer: string | null;
  license: License | null;
  /** Where the effective credit came from. */
  creditOrigin: 'usage' | 'file' | 'none';
  /** For a credit stored with the media file: typed by an editor, or read from the photo's own metadata on upload. */
  storedCreditSource?: 'typed' | 'file-metadata' | null;
}

export interface PullQuoteRecord {
  documentId: string | null;
  /** Form path, e.g. `pullQuotes.0`. */
  path: string;
  text: string;
  speaker: string | null;
  speakerTitle: string | null;
  speakerOrg: string | null;
  published: boolean;
}

/** Strapi Blocks body node (only what the rules read). */
export interface BlocksNode {
  type: string;
  children?: BlocksNode[];
  text?: string;
  image?: { id?: number; url?: string; name?: string; alternativeText?: string | null; caption?: string | null } | null;
  [key: string]: unknown;
}

export interface ArticleSnapshot {
  documentId: string | null;
  locale: string;
  title: string | null;
  body: BlocksNode[];
  author: AuthorRecord | null;
  /** Further writers, in byline order (`作者|王小明、李大華`: 李大華 is `coAuthors[0]`). */
  coAuthors: AuthorRecord[];
  editor: AuthorRecord | null;
  source: SourceRecord | null;
  republisher: SourceRecord | null;
  originalUrl: string | null;
  images: ImageUsage[];
  pullQuotes: PullQuoteRecord[];
}

export interface RuleSetting {
  enabled: boolean;
  severity: Severity;
  /** Whether an admin holding the override permission may publish past an `error` of this rule. */
  overridable: boolean;
}

export interface GuardConfig {
  /** Content-type uids the guard protects. */
  contentTypes: string[];
  rules: Record<RuleId, RuleSetting>;
  /** Credits that name no one (compared after normalisation). */
  placeholderCredits: string[];
  /** Author names that are placeholders, not people (compared after normalisation). */
  placeholderAuthors: string[];
  /** Names (or aliases) of sources a republished piece must name as republisher; empty = any source of kind republisher. */
  requiredRepublishers: string[];
}

export interface RuleInput {
  article: ArticleSnapshot;
  /** Registered sources (all of them, published or not), for alias resolution. */
  sources: SourceRecord[];
  config: GuardConfig;
  now: Date;
  /**
   * The publish being judged publishes the story's draft pull-quotes with it (the Publish action and the
   * scheduler do; a REST update with `status: 'published'` does not), so an unpublished quote is not missing.
   */
  quotesPublishWithStory?: boolean;
}

export type Rule = (input: RuleInput) => Finding[];

export interface CheckResult {
  ok: boolean;
  findings: Finding[];
  errors: number;
  warnings: number;
}
