import type { WorkflowLocalizedMessage } from '../../../shared/contracts/workflow';
import { formatInZone } from './schedule-time';

export const EMBARGO_RULE = 'embargo.active';

/** An embargo is in force until its time has come; a past or missing one binds nothing. */
export function embargoActive(until: Date | null, now: Date): boolean {
  return until !== null && until.getTime() > now.getTime();
}

/** When an embargo in force at `now` lifts, as wall-clock time in `zone`; null when none binds. */
export function embargoLiftsAt(until: Date | null, zone: string, now: Date = new Date()): string | null {
  return until && embargoActive(until, now) ? (formatInZone(until, zone) ?? until.toISOString()) : null;
}

/** Why it may not be published now. `when` is the lifting time with its zone, e.g. `2031-05-04 09:30 Asia/Taipei (GMT+8)`. */
export function embargoMessage(when: string): WorkflowLocalizedMessage {
  return {
    en: `Under embargo until ${when}: it cannot be published before then, by any route, override included.`,
    'zh-Hant': `禁發至 ${when}:在此之前,任何途徑(包括強制發布)都不能發布。`,
    'zh-Hans': `禁发至 ${when}:在此之前,任何途径(包括强制发布)都不能发布。`,
  };
}

/** A schedule must not go out before the embargo lifts: the message for a publish time that would. */
export function scheduleBeforeEmbargo(publishAt: Date, until: Date | null, format: (d: Date) => string): string | null {
  if (!until || publishAt.getTime() >= until.getTime()) return null;
  return `The embargo lifts at ${format(until)}: schedule the publish at or after it (not ${format(publishAt)}).`;
}

/** Setting an embargo past the time a story is already scheduled for would leave a schedule that must fail. */
export function embargoAfterSchedule(until: Date, publishAt: Date | null, format: (d: Date) => string): string | null {
  if (!publishAt || publishAt.getTime() >= until.getTime()) return null;
  return `It is scheduled for ${format(publishAt)}, before this embargo (${format(until)}) lifts: reschedule it or unschedule it first.`;
}

export function embargoSetNote(when: string): WorkflowLocalizedMessage {
  return { en: `Embargo set until ${when}`, 'zh-Hant': `設定禁發至 ${when}`, 'zh-Hans': `设定禁发至 ${when}` };
}

export function embargoLiftedNote(): WorkflowLocalizedMessage {
  return { en: 'Embargo lifted', 'zh-Hant': '解除禁發', 'zh-Hans': '解除禁发' };
}
