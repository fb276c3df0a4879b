import { embargoActive, embargoAfterSchedule, embargoMessage, scheduleBeforeEmbargo } from './embargo';

const at = (iso: string) => new Date(iso);
const fmt = (d: Date) => d.toISOString();

describe('embargo', () => {
  it('is in force only before its time', () => {
    const now = at('2031-05-04T01:00:00Z');
    expect(embargoActive(at('2031-05-04T01:30:00Z'), now)).toBe(true);
    expect(embargoActive(at('2031-05-04T01:00:00Z'), now)).toBe(false);
    expect(embargoActive(at('2031-05-03T01:00:00Z'), now)).toBe(false);
    expect(embargoActive(null, now)).toBe(false);
  });

  it('refuses a schedule before it lifts, and accepts one at or after', () => {
    const until = at('2031-05-04T01:30:00Z');
    expect(scheduleBeforeEmbargo(at('2031-05-04T01:29:00Z'), until, fmt)).toMatch(/embargo lifts at 2031-05-04T01:30/);
    expect(scheduleBeforeEmbargo(until, until, fmt)).toBeNull();
    expect(scheduleBeforeEmbargo(at('2031-05-04T02:00:00Z'), null, fmt)).toBeNull();
  });

  it('refuses an embargo that outlasts an existing schedule', () => {
    expect(embargoAfterSchedule(at('2031-05-04T03:00:00Z'), at('2031-05-04T02:00:00Z'), fmt)).toMatch(/reschedule/);
    expect(embargoAfterSchedule(at('2031-05-04T03:00:00Z'), null, fmt)).toBeNull();
  });

  it('names the time in three languages', () => {
    const message = embargoMessage('2031-05-04 09:30 Asia/Taipei (GMT+8)');
    for (const text of Object.values(message)) expect(text).toContain('2031-05-04 09:30 Asia/Taipei (GMT+8)');
  });
});
