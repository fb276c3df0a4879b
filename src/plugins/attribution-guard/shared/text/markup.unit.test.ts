import { containsMarkup } from './markup';

describe('containsMarkup', () => {
  it.each(['<img src=x onerror=alert(1)>', '&lt;img src=x&gt;', '&amp;lt;script&amp;gt;', '&#60;svg', '&#x3C;svg', '&#0060;b', 'a > b'])(
    'finds %j',
    (value) => {
      expect(containsMarkup(value)).toBe(true);
    },
  );

  it.each(['視覺中國', 'AT&T Archives', 'Reuters/John Doe', '© 2026 Getty Images', '圖片來源 @視覺中國'])('lets %j through', (value) => {
    expect(containsMarkup(value)).toBe(false);
  });
});
