import { isSelfApproval } from './self-approval';

describe('isSelfApproval', () => {
  it('is the creator approving, while self-approval is off', () => {
    expect(isSelfApproval('approved', 7, 7, false)).toBe(true);
  });
  it.each([
    ['another editor approves', 'approved', 7, 8, false],
    ['self-approval is allowed', 'approved', 7, 7, true],
    ['nobody created the entry', 'approved', null, 7, false],
    ['the creator sends it to review', 'in-review', 7, 7, false],
    ['the creator asks for changes', 'changes-requested', 7, 7, false],
    ['the creator schedules an approved story', 'scheduled', 7, 7, false],
  ] as const)('not when %s', (_why, to, creator, caller, allow) => {
    expect(isSelfApproval(to, creator, caller, allow)).toBe(false);
  });
});
