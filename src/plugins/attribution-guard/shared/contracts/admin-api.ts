/**
 * Request and response shapes of the plugin's admin routes, used by the server controllers and the
 * admin panel alike so both sides change together.
 */
import type { CheckResult, Finding, License, RuleId, RuleSetting, Severity, SourceKind } from './findings';
import type { GateReport, RecordedFinding } from './gates';

/** One image the article shows, as the side panel lists it. */
export interface ImagePreview {
  /** Form path of the usage: `cover`, `gallery.0`, `body.12`. */
  path: string;
  fileId: number | null;
  name: string | null;
  url: string | null;
  /** A small rendition for the panel (the file's thumbnail format), else the file itself. */
  thumbnailUrl: string | null;
  credit: string | null;
  creditOrigin: 'usage' | 'file' | 'none';
  /** For a credit stored with the media file: typed by an editor, or read from the photo's metadata on upload. */
  storedCreditSource?: 'typed' | 'file-metadata' | null;
  agency: { documentId: string; name: string } | null;
  photographer: string | null;
  license: License | null;
  /** The rights the media file states (null for an image the library does not hold). */
  rights: FileRights | null;
  /** What the guard says about this image (credit missing, placeholder, unknown agency …). */
  findings: Finding[];
}

export interface QuotePreview {
  documentId: string | null;
  /** Form path, e.g. `pullQuotes.0`. */
  path: string;
  text: string;
  speaker: string | null;
  published: boolean;
  /** For a quote that is not word for word in the body: the body's sentence closest to it, to offer instead. */
  closest: string | null;
  findings: Finding[];
}

export interface BylinePreview {
  /** The line as readers see it, e.g. `文|正見 TrueView,作者|koorvoa,編輯|TV.`; null when nothing is set. */
  text: string | null;
  /** Parts of the template left out because the article does not name them yet. */
  missing: Array<'outlet' | 'author' | 'editor' | 'republisher'>;
}

export interface ArticlePreview {
  byline: BylinePreview;
  images: ImagePreview[];
  pullQuotes: QuotePreview[];
  /**
   * How many records the story links that have no published version, pull-quotes aside (they are
   * published with the story): authors, editor, outlet, republisher, agencies. Strapi drops such a
   * link on publish, whatever the rules are set to.
   */
  draftLinks: number;
}

/** `POST /attribution-guard/check` → `{ data: CheckResponse }`. */
export interface CheckResponse extends CheckResult {
  title: string | null;
  /** Every error comes from a rule an editor with the override permission may publish past. */
  overridable: boolean;
  preview: ArticlePreview;
  /** What the other publish gates (the workflow's approval) say now; their reasons are never overridable. */
  gates: GateReport;
}

/** `POST /attribution-guard/records` → `{ data: HistoryRecord }`: a publish the admin's pre-check refused, recorded with the server's own verdict. */
export interface RefusalRequest {
  contentType: string;
  documentId: string;
  locale?: string;
  data?: Record<string, unknown>;
}

/** `POST /attribution-guard/status` → `{ data: StatusResponse }`, for the list view's column. */
export type StatusResponse = Record<string, { ok: boolean; errors: number; warnings: number } | null>;

/** `credit-changed`: the credit of a photo the story shows was changed while the story was live. `dependency-removed`: a record it shows was removed on override. */
export type CheckOutcome = 'blocked' | 'overridden' | 'published' | 'credit-changed' | 'dependency-removed';

/** What a live credit change was: the photo, and its stored credit before and after. */
export interface CreditChange {
  fileId: number;
  fileName: string | null;
  before: MediaCreditView;
  after: MediaCreditView;
}

/** `GET /attribution-guard/records` → `{ data: HistoryRecord[] }`. */
export interface HistoryRecord {
  id: number;
  contentType: string;
  documentId: string;
  locale: string | null;
  outcome: CheckOutcome;
  actorType: 'admin' | 'api-token' | 'user' | 'scheduler' | 'system';
  actor: string | null;
  /** The guard's findings and any other gate's reasons (e.g. `workflow.approval-required`). */
  findings: RecordedFinding[];
  reason: string | null;
  /** Set on `credit-changed` records. */
  change?: CreditChange | null;
  checkedAt: string;
}

/** Where a rule's effective setting comes from. */
export type SettingOrigin = 'default' | 'file' | 'admin';

export interface RuleSettingView extends RuleSetting {
  id: RuleId;
  origin: SettingOrigin;
}

export interface AgencyView {
  documentId: string;
  name: string;
  shortName: string | null;
  kind: SourceKind;
  aliases: string[];
}

/** `GET /attribution-guard/settings` → `{ data: SettingsView }`. */
export interface SettingsView {
  rules: RuleSettingView[];
  placeholderCredits: string[];
  placeholderCreditsOrigin: SettingOrigin;
  agencies: AgencyView[];
}

/** `PUT /attribution-guard/settings`: only what an administrator may change from the admin panel. */
export interface SettingsUpdate {
  rules?: Partial<Record<RuleId, { enabled?: boolean; severity?: Severity }>>;
  placeholderCredits?: string[];
}

/** `PUT /attribution-guard/media-credits/:fileId`. */
export interface MediaCreditUpdate {
  credit: string;
  /** documentId of a source of kind agency or wire, or null. */
  agency?: string | null;
  photographer?: string | null;
  license?: License | null;
}

/** The rights a photo file states about itself, stored with the file as read on upload (IPTC Photo Metadata). */
export interface FileRights {
  /** Copyright Notice (`dc:rights`, IIM 2:116, EXIF Copyright): who owns the photo, never its credit. */
  copyright: string | null;
  /** Rights Usage Terms (`xmpRights:UsageTerms`). */
  usageTerms: string | null;
  /** Web Statement of Rights (`xmpRights:WebStatement`): a URL. */
  webStatement: string | null;
  /** Licensor (`plus:Licensor`): name and URL. */
  licensor: string | null;
  licensorUrl: string | null;
}

export interface MediaCreditView extends FileRights {
  fileId: number;
  credit: string | null;
  agency: { documentId: string; name: string } | null;
  photographer: string | null;
  license: License | null;
  /** Whether the stored credit was typed or read from the photo's metadata; null without a stored credit. */
  origin: 'typed' | 'file-metadata' | null;
}

/** `POST /attribution-guard/publish`. */
export interface OverrideRequest {
  contentType: string;
  documentId: string;
  locale?: string;
  reason: string;
}

/** One entry of a blocked publish's `error.details.errors`. */
export interface BlockedDetail {
  rule: RuleId;
  severity: Severity;
  path: string[];
  message: string;
  messages: Finding['message'];
  locale: string;
  overridable: boolean;
}
