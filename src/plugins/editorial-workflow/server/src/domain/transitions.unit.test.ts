import { allowedTargets, judgeTransition, STAGES, type Stage } from '../../../shared/contracts/workflow';
import { DEFAULT_ROLE_GRANTS } from '../permissions';

const roles = {
  author: new Set(DEFAULT_ROLE_GRANTS['strapi-author']),
  editor: new Set(DEFAULT_ROLE_GRANTS['strapi-editor']),
};

/** The whole table: ok, 403 (forbidden) or 400 (illegal / same stage) for each role. */
const expected: Record<Stage, Partial<Record<Stage, { author: 'ok' | 403 | 400; editor: 'ok' | 403 | 400 }>>> = {
  draft: { 'in-review': { author: 'ok', editor: 'ok' } },
  'in-review': {
    draft: { author: 'ok', editor: 'ok' },
    'changes-requested': { author: 403, editor: 'ok' },
    approved: { author: 403, editor: 'ok' },
  },
  'changes-requested': { draft: { author: 'ok', editor: 'ok' }, 'in-review': { author: 'ok', editor: 'ok' } },
  approved: {
    draft: { author: 403, editor: 'ok' },
    'changes-requested': { author: 403, editor: 'ok' },
    scheduled: { author: 403, editor: 'ok' },
    published: { author: 403, editor: 'ok' },
  },
  scheduled: {
    approved: { author: 403, editor: 'ok' },
    'changes-requested': { author: 403, editor: 'ok' },
    published: { author: 403, editor: 'ok' },
  },
  published: { draft: { author: 403, editor: 'ok' }, 'in-review': { author: 'ok', editor: 'ok' } },
};

const status = (from: Stage, to: Stage, granted: Set<string>) => {
  const verdict = judgeTransition(from, to, granted);
  if (verdict.ok) return 'ok';
  return verdict.reason === 'forbidden' ? 403 : 400;
};

describe('transitions × roles', () => {
  const cases = STAGES.flatMap((from) => STAGES.map((to) => [from, to] as const));
  it.each(cases)('%s → %s', (from, to) => {
    const want = expected[from][to] ?? { author: 400, editor: 400 };
    expect({ author: status(from, to, roles.author), editor: status(from, to, roles.editor) }).toEqual(want);
  });

  it('never lets an author approve, schedule or publish', () => {
    for (const from of STAGES) {
      for (const to of allowedTargets(from, roles.author)) expect(['in-review', 'draft']).toContain(to);
    }
  });

  it('names the missing permission on a forbidden move', () => {
    expect(judgeTransition('in-review', 'approved', roles.author)).toEqual({
      ok: false,
      reason: 'forbidden',
      from: 'in-review',
      to: 'approved',
      action: 'transition.approve',
    });
    expect(judgeTransition('approved', 'scheduled', roles.author)).toMatchObject({ action: 'transition.schedule' });
  });

  it('refuses jumps the workflow does not allow, even to an editor', () => {
    expect(judgeTransition('draft', 'approved', roles.editor)).toMatchObject({ ok: false, reason: 'illegal' });
    expect(judgeTransition('draft', 'published', roles.editor)).toMatchObject({ ok: false, reason: 'illegal' });
    expect(judgeTransition('in-review', 'scheduled', roles.editor)).toMatchObject({ ok: false, reason: 'illegal' });
    expect(judgeTransition('approved', 'approved', roles.editor)).toMatchObject({ ok: false, reason: 'same-stage' });
  });

  it('lists what each role may do next', () => {
    expect(allowedTargets('approved', roles.editor)).toEqual(['changes-requested', 'draft', 'scheduled', 'published']);
    expect(allowedTargets('approved', roles.author)).toEqual([]);
    expect(allowedTargets('draft', roles.author)).toEqual(['in-review']);
  });
});
