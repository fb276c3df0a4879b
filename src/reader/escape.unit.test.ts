import { escapeHtml, html, trustedHtml } from './escape';

describe('html templates', () => {
  it('escape every interpolated string, in text and in attributes', () => {
    const hostile = `"><script>alert('x')</script>&`;
    expect(html`<p title="${hostile}">${hostile}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>',
    );
    expect(escapeHtml('a&amp;b')).toBe('a&amp;amp;b');
  });

  it('insert trusted markup and nested templates as they are, join lists and print nothing for empty values', () => {
    const items = ['<1>', '2'].map((i) => html`<li>${i}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}${trustedHtml('<br>')}`.value).toBe(
      '<ul><li>&lt;1&gt;</li><li>2</li></ul>0<br>',
    );
  });
});
