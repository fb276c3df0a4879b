import type { Core } from '@strapi/strapi';
import type { ScheduleRow, ScheduleView } from '../../../shared/contracts/workflow';
import { isStage } from '../../../shared/contracts/workflow';
import { FIELDS, GUARD_PLUGIN_ID, HISTORY_UID } from '../constants';
import { formatInZone } from '../domain/schedule-time';
import { getService } from '../utils/get-service';

const FAILED_KINDS = ['schedule-failed', 'schedule-held', 'schedule-error'];
const EXECUTED_KINDS = ['published', 'unpublished'];

/** What the admin schedules page lists: what is coming, what went wrong, what the sweep did. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'settings');
  const entries = () => getService(strapi, 'entries');

  const titleOf = async (uid: string, documentId: string, locale: string) => (await entries().findVersion(uid, documentId, locale, 'draft'))?.title ?? null;

  async function upcoming(limit: number): Promise<ScheduleRow[]> {
    const rows: ScheduleRow[] = [];
    const zoneDefault = settings().config().defaultTimezone;
    const guard = strapi.plugin(GUARD_PLUGIN_ID);
    for (const uid of settings().config().contentTypes) {
      const due = await strapi.db.query(uid as any).findMany({
        select: ['documentId', 'locale', FIELDS.stage, FIELDS.publishAt, FIELDS.timezone],
        where: { publishedAt: null, [FIELDS.stage]: 'scheduled', [FIELDS.publishAt]: { $notNull: true } },
        orderBy: [{ [FIELDS.publishAt]: 'asc' }],
        limit,
      });
      for (const row of due) {
        const zone = row[FIELDS.timezone] ?? zoneDefault;
        // Whether the guard would let it through now, so a problem shows before the sweep meets it.
        const check = guard ? await guard.service('guard').checkDraft(uid, row.documentId, row.locale) : null;
        rows.push({
          contentType: uid,
          documentId: row.documentId,
          locale: row.locale,
          title: await titleOf(uid, row.documentId, row.locale),
          stage: 'scheduled',
          action: 'publish',
          at: new Date(row[FIELDS.publishAt]).toISOString(),
          atLocal: formatInZone(row[FIELDS.publishAt], zone),
          timezone: zone,
          guardOk: check ? check.ok : null,
        });
      }
      const expiring = await strapi.db.query(uid as any).findMany({
        select: ['documentId', 'locale', FIELDS.stage, FIELDS.unpublishAt, FIELDS.timezone],
        where: { publishedAt: { $notNull: true }, [FIELDS.unpublishAt]: { $notNull: true } },
        orderBy: [{ [FIELDS.unpublishAt]: 'asc' }],
        limit,
      });
      for (const row of expiring) {
        const zone = row[FIELDS.timezone] ?? zoneDefault;
        rows.push({
          contentType: uid,
          documentId: row.documentId,
          locale: row.locale,
          title: await titleOf(uid, row.documentId, row.locale),
          stage: isStage(row[FIELDS.stage]) ? row[FIELDS.stage] : null,
          action: 'unpublish',
          at: new Date(row[FIELDS.unpublishAt]).toISOString(),
          atLocal: formatInZone(row[FIELDS.unpublishAt], zone),
          timezone: zone,
        });
      }
    }
    return rows.sort((a, b) => String(a.at).localeCompare(String(b.at))).slice(0, limit);
  }

  async function fromHistory(kinds: string[], limit: number, schedulerOnly: boolean): Promise<ScheduleRow[]> {
    const history = await strapi.db.query(HISTORY_UID as any).findMany({
      where: { kind: { $in: kinds }, ...(schedulerOnly ? { actorType: 'scheduler' } : {}), subjectType: { $in: settings().config().contentTypes } },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      limit,
    });
    const zoneDefault = settings().config().defaultTimezone;
    const out: ScheduleRow[] = [];
    for (const raw of history) {
      const entry = entries().toHistoryEntry(raw);
      const current = await entries().findVersion(entry.contentType, entry.documentId, entry.locale, 'draft');
      const zone = current?.timezone ?? zoneDefault;
      out.push({
        contentType: entry.contentType,
        documentId: entry.documentId,
        locale: entry.locale,
        title: current?.title ?? null,
        stage: current?.stage ?? null,
        action: entry.kind === 'unpublished' ? 'unpublish' : 'publish',
        at: entry.scheduledFor ?? entry.at,
        atLocal: formatInZone(entry.scheduledFor ?? entry.at, zone),
        timezone: zone,
        kind: entry.kind,
        findings: entry.findings,
        comment: entry.comment,
      });
    }
    return out;
  }

  return {
    list(view: ScheduleView, limit = 50): Promise<ScheduleRow[]> {
      if (view === 'upcoming') return upcoming(limit);
      if (view === 'failed') return fromHistory(FAILED_KINDS, limit, false);
      return fromHistory(EXECUTED_KINDS, limit, true);
    },

    /** Stage and assignee of many entries at once, for the Content Manager's list view. */
    async stages(uid: string, documentIds: string[], locale: string): Promise<Record<string, { stage: string; assigneeId: number | null }>> {
      if (!settings().covers(uid) || documentIds.length === 0) return {};
      const rows = await strapi.db.query(uid as any).findMany({
        select: ['documentId', FIELDS.stage],
        where: { documentId: { $in: documentIds }, locale, publishedAt: null },
        populate: { [FIELDS.assignee]: { select: ['id'] } },
      });
      return Object.fromEntries(rows.map((r: Record<string, any>) => [r.documentId, { stage: r[FIELDS.stage] ?? 'draft', assigneeId: r[FIELDS.assignee]?.id ?? null }]));
    },
  };
};
