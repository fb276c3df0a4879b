import type { Core } from '@strapi/strapi';
import type { ScheduleRow, ScheduleView } from '../../../shared/contracts/workflow';
import { isStage } from '../../../shared/contracts/workflow';
import { FIELDS, GUARD_PLUGIN_ID, HISTORY_UID } from '../constants';
import { formatInZone } from '../domain/schedule-time';
import { getService } from '../utils/get-service';
import { toIso, type EntryRow } from './entries';
import type { Row } from '../utils/row';

/** Whether the person asking may read this entry (Strapi's conditions, such as "own entries only"). */
export type CanRead = (uid: string, entity: { id: number; locale: string; createdBy: { id: number } | null }) => boolean;
const everyone: CanRead = () => true;

const FAILED_KINDS = ['schedule-failed', 'schedule-held', 'schedule-error'];
const EXECUTED_KINDS = ['published', 'unpublished'];

/** What the admin schedules page lists: what is coming, what went wrong, what the sweep did. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'settings');
  const entries = () => getService(strapi, 'entries');

  /** The entry's draft, when the person asking may read it; the row is left out of a list otherwise. */
  const readable = async (canRead: CanRead, uid: string, documentId: string, locale: string) => {
    const draft = await entries().findVersion(uid, documentId, locale, 'draft');
    return draft && canRead(uid, draft) ? draft : null;
  };

  type Found = { row: Row; draft: EntryRow; at: string; zone: string };

  /**
   * Entries of `uid` that `where` selects, soonest `field` first, each as the person may read it: the
   * shape the upcoming, expiring and embargoed lists share.
   */
  async function timed(uid: string, field: string, where: Row, limit: number, canRead: CanRead): Promise<Found[]> {
    const rows: Row[] = await strapi.db.query(uid).findMany({
      select: ['documentId', 'locale', FIELDS.stage, field, FIELDS.timezone],
      where,
      orderBy: [{ [field]: 'asc' }],
      limit,
    });
    const found: Found[] = [];
    for (const row of rows) {
      const draft = await readable(canRead, uid, row.documentId, row.locale);
      const at = toIso(row[field]);
      if (!draft || !at) continue;
      found.push({ row, draft, at, zone: draft.timezone ?? settings().config().defaultTimezone });
    }
    return found;
  }

  const rowOf = (uid: string, { row, draft, at, zone }: Found) => ({
    contentType: uid,
    documentId: row.documentId as string,
    locale: row.locale as string,
    title: draft.title,
    at,
    atLocal: formatInZone(at, zone),
    timezone: zone,
  });

  const soonestFirst = (rows: ScheduleRow[], limit: number) =>
    rows.sort((a, b) => String(a.at).localeCompare(String(b.at))).slice(0, limit);

  async function upcoming(limit: number, canRead: CanRead): Promise<ScheduleRow[]> {
    const rows: ScheduleRow[] = [];
    const guard = strapi.plugin(GUARD_PLUGIN_ID);
    for (const uid of settings().config().contentTypes) {
      const due = await timed(
        uid,
        FIELDS.publishAt,
        { publishedAt: null, [FIELDS.stage]: 'scheduled', [FIELDS.publishAt]: { $notNull: true } },
        limit,
        canRead,
      );
      for (const found of due) {
        // Whether the guard would let it through now, so a problem shows before the sweep meets it.
        const check = guard ? await guard.service('guard').checkDraft(uid, found.row.documentId, found.row.locale) : null;
        rows.push({ ...rowOf(uid, found), stage: 'scheduled', action: 'publish', guardOk: check ? check.ok : null });
      }
      const expiring = await timed(
        uid,
        FIELDS.unpublishAt,
        { publishedAt: { $notNull: true }, [FIELDS.unpublishAt]: { $notNull: true } },
        limit,
        canRead,
      );
      for (const found of expiring) {
        const stage = found.row[FIELDS.stage];
        rows.push({ ...rowOf(uid, found), stage: isStage(stage) ? stage : null, action: 'unpublish' });
      }
    }
    return soonestFirst(rows, limit);
  }

  async function fromHistory(kinds: string[], limit: number, schedulerOnly: boolean, canRead: CanRead): Promise<ScheduleRow[]> {
    const history = await strapi.db.query(HISTORY_UID).findMany({
      where: {
        kind: { $in: kinds },
        ...(schedulerOnly ? { actorType: 'scheduler' } : {}),
        subjectType: { $in: settings().config().contentTypes },
      },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      limit,
    });
    const zoneDefault = settings().config().defaultTimezone;
    const out: ScheduleRow[] = [];
    for (const raw of history) {
      const entry = entries().toHistoryEntry(raw);
      const current = await readable(canRead, entry.contentType, entry.documentId, entry.locale);
      // An entry the person may not read (or that is gone) is not listed: its title and times are not theirs to see.
      if (!current) continue;
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
        note: entry.note,
      });
    }
    return out;
  }

  /** Drafts under an embargo still in force, the soonest to lift first. */
  async function embargoed(limit: number, canRead: CanRead): Promise<ScheduleRow[]> {
    const rows: ScheduleRow[] = [];
    for (const uid of settings().config().contentTypes) {
      const held = await timed(uid, FIELDS.embargoUntil, { publishedAt: null, [FIELDS.embargoUntil]: { $gt: new Date() } }, limit, canRead);
      for (const found of held) rows.push({ ...rowOf(uid, found), stage: found.draft.stage, action: 'embargo' });
    }
    return soonestFirst(rows, limit);
  }

  return {
    /** `canRead` leaves out entries the person asking may not read; the default lists all (for code, not people). */
    list(view: ScheduleView, limit = 50, canRead: CanRead = everyone): Promise<ScheduleRow[]> {
      if (view === 'upcoming') return upcoming(limit, canRead);
      if (view === 'embargoed') return embargoed(limit, canRead);
      if (view === 'failed') return fromHistory(FAILED_KINDS, limit, false, canRead);
      return fromHistory(EXECUTED_KINDS, limit, true, canRead);
    },

    /** Stage and assignee of many entries at once, for the Content Manager's list view. */
    /** Entries the person asking may not read are left out, as if the ids named nothing. */
    async stages(
      uid: string,
      documentIds: string[],
      locale: string,
      canRead: CanRead = everyone,
    ): Promise<Record<string, { stage: string; assigneeId: number | null }>> {
      if (!settings().covers(uid) || documentIds.length === 0) return {};
      const rows = await strapi.db.query(uid).findMany({
        select: ['id', 'documentId', 'locale', FIELDS.stage],
        where: { documentId: { $in: documentIds }, locale, publishedAt: null },
        populate: { [FIELDS.assignee]: { select: ['id'] }, createdBy: { select: ['id'] } },
      });
      const visible = rows.filter((r: Row) =>
        canRead(uid, { id: r.id, locale: r.locale, createdBy: r.createdBy?.id ? { id: r.createdBy.id } : null }),
      );
      return Object.fromEntries(
        visible.map((r: Row) => [
          r.documentId,
          { stage: isStage(r[FIELDS.stage]) ? r[FIELDS.stage] : 'draft', assigneeId: r[FIELDS.assignee]?.id ?? null },
        ]),
      );
    },
  };
};
