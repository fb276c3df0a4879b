import { assignedNote, scheduleErrorNote, scheduleHeldNote, scheduleRefusedNote } from './notes';

const LANGS = ['en', 'zh-Hant', 'zh-Hans'] as const;

describe('history notes', () => {
  it('every note has all three languages, and the Chinese ones carry no English sentence', () => {
    const notes = [
      scheduleHeldNote('2031-05-04 09:30 Asia/Taipei (GMT+8)', 75, 60),
      scheduleRefusedNote('2031-05-04 09:30 Asia/Taipei (GMT+8)', 2),
      scheduleErrorNote('unpublish', 'ECONNRESET'),
      assignedNote('Editor Demo'),
      assignedNote(null),
    ];
    for (const note of notes) {
      for (const lang of LANGS) expect(note[lang].trim()).not.toBe('');
      for (const lang of ['zh-Hant', 'zh-Hans'] as const) expect(note[lang]).not.toMatch(/\b(the|was|and|will)\b/i);
    }
  });

  it('keeps the time with its zone and the numbers in every language', () => {
    const note = scheduleHeldNote('2031-05-04 09:30 Asia/Taipei (GMT+8)', 75, 60);
    for (const lang of LANGS) expect(note[lang]).toMatch(/2031-05-04 09:30 Asia\/Taipei \(GMT\+8\).*75.*60/);
  });

  it('counts problems, and says so without a number when there is none to give', () => {
    expect(scheduleRefusedNote('t', 1).en).toContain('1 problem to fix');
    expect(scheduleRefusedNote('t', 3)['zh-Hant']).toContain('有 3 個問題');
    expect(scheduleRefusedNote('t', 0).en).toContain('some problems');
    expect(scheduleRefusedNote('t', 0)['zh-Hans']).toContain('有问题须修正');
  });

  it('names the phase that failed', () => {
    expect(scheduleErrorNote('publish', 'x')['zh-Hant']).toContain('發布失敗');
    expect(scheduleErrorNote('unpublish', 'x')['zh-Hans']).toContain('下架失败');
  });
});
