import type { WorkflowLocalizedMessage } from '../../../shared/contracts/workflow';

/**
 * The sentences the system writes into a story's history, in the admin's three languages. The English
 * one is also kept as the entry's `comment`, for webhooks, logs and API clients; the admin shows the
 * one in its own language. Times arrive formatted with their zone, so they read the same in every language.
 */
const note = (en: string, hant: string, hans: string): WorkflowLocalizedMessage => ({ en, 'zh-Hant': hant, 'zh-Hans': hans });

export function scheduleHeldNote(when: string, minutesLate: number, allowedMinutes: number): WorkflowLocalizedMessage {
  return note(
    `Scheduled for ${when}, but the sweep ran ${minutesLate} minutes later (more than the ${allowedMinutes} allowed): held for an editor to publish or reschedule.`,
    `原定於 ${when} 發布,但排程晚了 ${minutesLate} 分鐘才執行(超過容許的 ${allowedMinutes} 分鐘):已暫停,請編輯手動發布或重新排程。`,
    `原定于 ${when} 发布,但排程晚了 ${minutesLate} 分钟才执行(超过允许的 ${allowedMinutes} 分钟):已暂停,请编辑手动发布或重新排程。`,
  );
}

export function scheduleRefusedNote(when: string, problems: number): WorkflowLocalizedMessage {
  return note(
    `The scheduled publish (${when}) was refused: ${problems || 'some'} problem${problems === 1 ? '' : 's'} to fix before it can go out.`,
    `排定的發布(${when})被拒絕:有${problems > 0 ? ` ${problems} 個` : ''}問題須修正後才能發布。`,
    `排定的发布(${when})被拒绝:有${problems > 0 ? ` ${problems} 个` : ''}问题须修正后才能发布。`,
  );
}

/** The error's own text stays as it is: it is for whoever runs the servers, and comes from deeper down. */
export function scheduleErrorNote(phase: 'publish' | 'unpublish', error: string): WorkflowLocalizedMessage {
  return note(
    `The scheduled ${phase} failed and will be retried: ${error}`,
    `排定的${phase === 'publish' ? '發布' : '下架'}失敗,將自動重試:${error}`,
    `排定的${phase === 'publish' ? '发布' : '下架'}失败,将自动重试:${error}`,
  );
}

export function assignedNote(name: string | null): WorkflowLocalizedMessage {
  return name ? note(`Assigned to ${name}`, `指派給 ${name}`, `指派给 ${name}`) : note('Unassigned', '取消指派', '取消指派');
}
