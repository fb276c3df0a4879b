import type { ApiError } from './api';
import { CreditSaveError, creditRefusal } from './credit-error';

const refused = (status: number, details: object | null) =>
  new CreditSaveError({ status, name: 'PolicyError', message: 'Forbidden', details: details as ApiError['details'] });

describe('creditRefusal', () => {
  it('explains a photo on published stories, with their count', () => {
    expect(creditRefusal(refused(403, { code: 'credit.live', stories: [{}, {}] }))).toMatchObject({
      id: 'credit.forbidden.live',
      values: { count: 2 },
    });
  });

  it('explains any other 403 as a file that is not the user’s', () => {
    expect(creditRefusal(refused(403, {}))).toMatchObject({ id: 'credit.forbidden' });
    expect(creditRefusal(refused(403, null))).toMatchObject({ id: 'credit.forbidden' });
  });

  it('leaves other errors to their own message', () => {
    expect(creditRefusal(refused(400, { errors: [] }))).toBeNull();
    expect(creditRefusal(new Error('network'))).toBeNull();
  });
});
