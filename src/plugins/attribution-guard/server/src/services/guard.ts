import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CheckResult, Finding, GuardConfig } from '../../../shared/contracts/findings';
import { runRules, summarise } from '../rules';
import { getService } from '../utils/get-service';
import type { Outcome } from './records';

type SnapshotResult = {
  article: import('../../../shared/contracts/findings').ArticleSnapshot;
  sources: import('../../../shared/contracts/findings').SourceRecord[];
};

export interface LocaleVerdict {
  locale: string;
  title: string | null;
  findings: Finding[];
  blocking: Finding[];
  outcome: Outcome;
}

export interface EvaluateOptions {
  /** False for a publish that does not take the story's draft pull-quotes along (see RuleInput). */
  quotesPublishWithStory?: boolean;
}

export interface TransactionHooks {
  onCommit: (cb: () => void) => void;
  onRollback: (cb: () => void) => void;
}

/** Strapi's error-detail shape, plus the finding itself so clients can show it in any language. */
export function toErrorDetail(finding: Finding, locale: string, overridable: boolean) {
  return {
    rule: finding.rule,
    severity: finding.severity,
    path: finding.path.split('.'),
    message: finding.message.en,
    messages: finding.message,
    locale,
    overridable,
    name: 'ValidationError',
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = {
    /** The effective config: defaults ← `config/plugins.ts` ← settings saved in the admin panel, validated. */
    config(): GuardConfig {
      return getService(strapi, 'settings').config();
    },

    /** Picks up settings another instance saved; cheap when nothing changed. */
    async refresh(): Promise<void> {
      await getService(strapi, 'settings').load();
    },

    guards(uid: string): boolean {
      return service.config().contentTypes.includes(uid);
    },

    /** Judged as the Publish action publishes (quotes go out with the story) unless told otherwise. */
    evaluate(snapshot: SnapshotResult, now: Date = new Date(), options: EvaluateOptions = {}): CheckResult {
      const quotesPublishWithStory = options.quotesPublishWithStory ?? true;
      return summarise(
        runRules({ article: snapshot.article, sources: snapshot.sources, config: service.config(), now, quotesPublishWithStory }),
      );
    },

    async checkDraft(
      uid: string,
      documentId: string,
      locale: string,
      now?: Date,
      options?: EvaluateOptions,
    ): Promise<(CheckResult & { title: string | null }) | null> {
      const snapshot = await getService(strapi, 'snapshot').fromDraft(uid, documentId, locale);
      return snapshot ? { ...service.evaluate(snapshot, now, options), title: snapshot.article.title } : null;
    },

    /** The published version checked as readers see it (after a record it showed was removed, say). */
    async checkPublished(
      uid: string,
      documentId: string,
      locale: string,
      now?: Date,
    ): Promise<(CheckResult & { title: string | null }) | null> {
      const snapshot = await getService(strapi, 'snapshot').fromPublished(uid, documentId, locale);
      return snapshot ? { ...service.evaluate(snapshot, now), title: snapshot.article.title } : null;
    },

    async checkData(uid: string, data: Record<string, unknown>, locale: string, documentId?: string, now?: Date): Promise<CheckResult> {
      const snapshot = await getService(strapi, 'snapshot').fromData(uid, data, locale, documentId);
      return service.evaluate(snapshot, now);
    },

    /** Locales a publish call touches: undefined → default, '*' → every locale with a draft, or the list given. */
    async localesToPublish(uid: string, documentId: string, locale: unknown): Promise<string[]> {
      if (Array.isArray(locale)) return locale.map(String);
      if (typeof locale === 'string' && locale !== '*') return [locale];
      if (locale === '*') {
        const rows = await strapi.db.query(uid).findMany({ select: ['locale'], where: { documentId, publishedAt: null } });
        return [...new Set(rows.map((r: { locale: string }) => r.locale))];
      }
      return [await strapi.plugin('i18n').service('locales').getDefaultLocale()];
    },

    /**
     * Checks each locale about to be published. Errors block (HTTP 400, nothing published) unless an
     * override is in force and every error comes from an overridable rule. The outcome is recorded once
     * the surrounding transaction settles: a refusal rolls it back, so the record must be written after.
     */
    async enforce(
      uid: string,
      documentId: string,
      locales: string[],
      hooks: TransactionHooks,
      options?: EvaluateOptions,
    ): Promise<LocaleVerdict[]> {
      const context = getService(strapi, 'publish-context');
      const records = getService(strapi, 'records');
      await service.refresh();
      const config = service.config();
      const override = context.override();
      const actor = context.actor();

      const verdicts: LocaleVerdict[] = [];
      for (const locale of locales) {
        const result = await service.checkDraft(uid, documentId, locale, undefined, options);
        if (!result) continue; // no draft in this locale: Strapi publishes nothing there either
        const errorsFound = result.findings.filter((f) => f.severity === 'error');
        const blocking = override ? errorsFound.filter((f) => !config.rules[f.rule].overridable) : errorsFound;
        const outcome: Outcome = blocking.length > 0 ? 'blocked' : errorsFound.length > 0 ? 'overridden' : 'published';
        verdicts.push({ locale, title: result.title, findings: result.findings, blocking, outcome });
      }

      const blocked = verdicts.filter((v) => v.outcome === 'blocked');
      const write = (v: LocaleVerdict) =>
        records.write({
          contentType: uid,
          documentId,
          locale: v.locale,
          outcome: v.outcome,
          actor,
          findings: v.findings,
          reason: v.outcome === 'overridden' ? override?.reason : null,
        });

      if (blocked.length === 0) {
        hooks.onCommit(() => verdicts.forEach(write));
        return verdicts;
      }

      hooks.onRollback(() => blocked.forEach(write));
      const details = blocked.flatMap((v) => v.blocking.map((f) => toErrorDetail(f, v.locale, config.rules[f.rule].overridable)));
      const first = blocked[0]!;
      const summary = details
        .slice(0, 3)
        .map((d) => d.message)
        .join(' ');
      throw new errors.ValidationError(
        `Cannot publish "${first.title ?? documentId}" (${blocked.map((v) => v.locale).join(', ')}): ${details.length} attribution problem${details.length === 1 ? '' : 's'} to fix. ${summary}`,
        { errors: details, guard: { documentId, contentType: uid, overridable: details.every((d) => d.overridable) } },
      );
    },
  };
  return service;
};
