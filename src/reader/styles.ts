import { createHash } from 'node:crypto';

/**
 * The reader page's one stylesheet, inline so a page is one request; the CSP allows exactly this text by
 * its hash. System fonts only: each script gets the CJK faces the reader's system already has.
 */
export const PAGE_CSS = [
  ':root{color-scheme:light dark;--ink:#1d1d1f;--muted:#5f6368;--rule:#d8d8dc;--paper:#fff;--accent:#8a1c1c;--note:#fff6d6}',
  '@media (prefers-color-scheme:dark){:root{--ink:#ececec;--muted:#a8abb0;--rule:#3a3a3c;--paper:#161617;--accent:#ff8a80;--note:#3a3115}}',
  '*{box-sizing:border-box}',
  'html{-webkit-text-size-adjust:100%;text-size-adjust:100%}',
  'body{margin:0;background:var(--paper);color:var(--ink);font:18px/1.8 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}',
  ':lang(zh-Hant) body,body:lang(zh-Hant){font-family:"PingFang TC","Noto Sans CJK TC","Noto Sans TC","Source Han Sans TC","Microsoft JhengHei","Heiti TC",system-ui,sans-serif}',
  ':lang(zh-Hans) body,body:lang(zh-Hans){font-family:"PingFang SC","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei","Heiti SC",system-ui,sans-serif}',
  'main{max-width:42rem;margin:0 auto;padding:1.5rem 1.25rem 4rem}',
  '.preview-banner{margin:0;padding:.6rem 1.25rem;background:var(--note);border-bottom:1px solid var(--rule);font-size:.9rem;text-align:center}',
  'h1{font-size:2rem;line-height:1.35;margin:.5rem 0 .75rem;font-weight:700}',
  '.dek{font-size:1.15rem;color:var(--muted);margin:0 0 1rem}',
  '.byline{font-size:.95rem;margin:0 0 .25rem}',
  '.dates{font-size:.85rem;color:var(--muted);margin:0 0 1.5rem}',
  'figure{margin:1.5rem 0}',
  'img{max-width:100%;height:auto;display:block}',
  'figcaption{font-size:.85rem;color:var(--muted);margin-top:.4rem}',
  '.credit{display:block}',
  '.credit-missing{color:var(--accent);font-weight:700}',
  '.body p{margin:0 0 1.1rem}',
  '.body h2,.body h3,.body h4{line-height:1.4;margin:2rem 0 .75rem}',
  '.body blockquote{margin:1.25rem 0;padding-left:1rem;border-left:3px solid var(--rule);color:var(--muted)}',
  '.body pre{overflow-x:auto;font-size:.9rem}',
  '.body a,.meta a{color:var(--accent)}',
  '.pull-quote{margin:2rem 0;padding:1rem 0;border-top:2px solid var(--ink);border-bottom:1px solid var(--rule)}',
  '.pull-quote blockquote{margin:0;font-size:1.3rem;line-height:1.6;font-weight:700}',
  '.pull-quote figcaption{margin-top:.5rem}',
  '.corrections{margin:2rem 0;padding:1rem 1.25rem;background:var(--note);border-radius:4px}',
  '.corrections h2{font-size:1rem;margin:0 0 .5rem}',
  '.corrections ol{margin:0;padding-left:1.25rem}',
  '.meta{margin-top:2.5rem;padding-top:1rem;border-top:1px solid var(--rule);font-size:.9rem;color:var(--muted)}',
  '.meta ul{list-style:none;margin:0;padding:0}',
  '.meta li{display:inline;margin-right:1rem}',
  '.error{max-width:36rem;margin:4rem auto;padding:0 1.25rem}',
].join('\n');

/** The value `style-src` names: the page allows its own stylesheet and nothing else. */
export const PAGE_CSS_HASH = `'sha256-${createHash('sha256').update(PAGE_CSS, 'utf8').digest('base64')}'`;
