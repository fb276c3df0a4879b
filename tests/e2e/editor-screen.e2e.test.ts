import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { demoData } from '../helpers/demo';
import { appDir, resultsDir } from './support/app-server';
import {
  AdminApi,
  ARTICLE_UID,
  baseUrl,
  editUrl,
  launchBrowser,
  listUrl,
  loginAs,
  publicArticle,
  screenshot,
  setInterfaceLanguage,
  type Role,
} from './support/admin';
import {
  appMessages,
  articleFieldLabels,
  articleLabels,
  englishFieldLabels,
  fieldBox,
  fieldLabel,
  pluginMessages,
  visibleFieldLabels,
} from './support/labels';

/**
 * The editor's screen in a real browser, against the production build of the app started on a fresh
 * database with the demo content. The steps build on each other, in order, like an editor's morning.
 */

const DRAFT_TITLE = demoData.draft.title;
const STORY_TITLE = demoData.title;
const AUTHOR_DRAFT_TITLE = '作者的新稿:還沒有署名';
const OVERRIDE_TITLE = '轉載稿:協議尚未歸檔';
const OVERRIDE_REASON = '協議已由法務口頭確認,書面文件下週歸檔。';
const QUOTE_SPEAKER = '戴志康';
const DAY_TITLE = '作者的一天:送審、核准、排程';
const DAY_DEK = '作者在後台寫稿、挑選署名與封面,送交編輯審核。';
const DAY_BODY = '這是作者在後台親手輸入的第一段內文。';
/** The demo story as its outlet sent it: the import page reads it in a dry run. */
const IMPORT_FILE = path.join(appDir, 'database/seed/seed-article.zh-Hant.txt');
const correctQuote = demoData.pullQuotes.find((q) => q.speaker === QUOTE_SPEAKER)!.text;

let browser: Browser;
let draftId: string;
let authorDraftId: string;
/** The story the author writes in step 8 and the editor schedules in step 9. */
let dayId: string;
const contexts = new Map<Role, BrowserContext>();

/** What the browser reported (page errors, console errors), kept next to the screenshots for diagnosis. */
const consoleLines: string[] = [];
const browserLog = (line: string) => {
  consoleLines.push(line);
  fs.appendFileSync(path.join(resultsDir, 'browser.log'), `${new Date().toISOString()} ${line}\n`);
};
/** Ids of the newsroom's own messages (plugins, app, the Content Manager's labels for its types). */
const OWN_MESSAGE =
  /MISSING_TRANSLATION.*(attribution-guard\.|editorial-workflow\.|newsroom-import\.|content-manager\.content-types\.api::|content-manager\.components\.media\.)/u;
const ownMissingTranslations = (from = 0) => consoleLines.slice(from).filter((line) => OWN_MESSAGE.test(line));

/** A new tab in the user's session, logging in on first use. */
async function pageAs(role: Role): Promise<Page> {
  let context = contexts.get(role);
  if (!context) {
    context = await loginAs(browser, role, browserLog);
    contexts.set(role, context);
  }
  return context.newPage();
}

async function waitUntil<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as T;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

const panel = (page: Page) => page.locator('[data-testid="ag-panel"]');

/** Until a dialog's opening animations have run (endless ones aside), so its screenshot shows it as the user sees it. */
const settled = (dialog: Locator) =>
  dialog.evaluate((element) =>
    Promise.all(
      element
        .getAnimations({ subtree: true })
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );

/** The document's status in the edit view's header (`draft`, `published`, `modified`: Strapi's label for assistive technology). */
const headerStatus = (page: Page, status: 'draft' | 'published' | 'modified') =>
  page.locator('main h1').first().locator('xpath=../../..').locator(`[role="status"][aria-label="${status}"]`);

/** Rule ids of the findings a container lists under "Must fix" and "Worth a look". */
async function listedRules(container: Locator, severity: 'error' | 'warning' = 'error'): Promise<string[]> {
  const rules = await container
    .locator(`[data-testid="ag-${severity}s"] [data-testid="ag-finding"]`)
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-rule') ?? ''));
  return rules.sort();
}

async function openArticle(page: Page, documentId: string): Promise<void> {
  await page.goto(editUrl(documentId));
  await panel(page).and(page.locator('[data-state="ready"], [data-state="blocked"]')).waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
  const admin = await AdminApi.as('admin');
  draftId = (await admin.articleByTitle(DRAFT_TITLE)).documentId;
});

afterAll(async () => {
  for (const context of contexts.values()) await context.close();
  await browser?.close();
});

describe("the editor's screen", () => {
  it('1. the demo editor opens the second demo draft: the panel lists the missing credit and the misquoted pull-quote', async () => {
    const page = await pageAs('editor');
    try {
      // The list view says at a glance which stories are not ready.
      await page.goto(listUrl());
      const draftRow = page.getByRole('row').filter({ hasText: DRAFT_TITLE });
      const storyRow = page.getByRole('row').filter({ hasText: STORY_TITLE });
      await draftRow.locator('[data-testid="ag-list-state"][data-state="blocked"]').waitFor();
      await storyRow.locator('[data-testid="ag-list-state"][data-state="ready"]').waitFor();

      await draftRow.getByText(DRAFT_TITLE).click();
      await panel(page).and(page.locator('[data-state="blocked"]')).waitFor();
      const rules = await listedRules(panel(page));
      expect(rules).toEqual(expect.arrayContaining(['image.credit-required', 'pull-quote.verbatim']));
      // The panel agrees with the guard on the server, finding for finding.
      const server = await (await AdminApi.as('editor')).check(draftId);
      expect(rules).toEqual(
        server.findings
          .filter((f) => f.severity === 'error')
          .map((f) => f.rule)
          .sort(),
      );

      await page.getByText('Attribution & credits', { exact: true }).waitFor();
      await panel(page).locator('[data-testid="ag-image"][data-path="cover"][data-credited="false"]').waitFor();
      await expect(panel(page).locator('[data-testid="ag-byline-text"]').textContent()).resolves.toBe(
        '文|正見 TrueView,作者|koorvoa,編輯|TV.',
      );
      await expect(
        panel(page).locator('[data-testid="ag-quote"]').filter({ hasText: QUOTE_SPEAKER }).getByText('Not word for word').count(),
      ).resolves.toBe(1);
      // Each finding names its field and takes the editor there.
      await panel(page)
        .locator('[data-testid="ag-errors"] [data-rule="image.credit-required"]')
        .getByRole('button', { name: 'Go to Cover › Credit' })
        .click();
      await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'cover.credit');
      await screenshot(page, 'step-1-panel-lists-problems');
    } finally {
      await page.close();
    }
  });

  it('2. Publish is refused with the guard’s message and the same findings, and the entry stays a draft', async () => {
    const page = await pageAs('editor');
    try {
      await openArticle(page, draftId);
      const panelRules = await listedRules(panel(page));
      await page.getByRole('button', { name: 'Publish', exact: true }).click();

      const dialog = page.getByRole('dialog').filter({ has: page.locator('[data-testid="ag-blocked"]') });
      await dialog.waitFor();
      // One list: the workflow's approval beside the guard's findings.
      await expect(dialog.locator('[data-testid="ag-blocked-message"]').textContent()).resolves.toBe(
        `Cannot publish “${DRAFT_TITLE}” yet: ${panelRules.length + 1} things stop it.`,
      );
      await dialog.locator('[data-testid="ag-gate-reasons"] [data-rule="workflow.approval-required"]').waitFor();
      expect(await listedRules(dialog)).toEqual(panelRules);
      // A wrong credit or quote is never publishable, so even an editor with the override permission gets no way past.
      await expect(dialog.getByRole('button', { name: 'Publish anyway' }).count()).resolves.toBe(0);
      await expect(page.getByText('Internal Server Error').count()).resolves.toBe(0);
      await settled(dialog);
      await screenshot(page, 'step-2-publish-blocked');

      await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      // The refusal by the panel's pre-check is in the history, with the approval among its reasons.
      const refused = panel(page).locator('[data-testid="ag-history-record"][data-outcome="blocked"]').first();
      await refused.waitFor();
      await refused.locator('[data-rule="workflow.approval-required"]').waitFor();
      await panel(page).getByText('Times in your zone: Asia/Taipei').waitFor();
      await refused.scrollIntoViewIfNeeded();
      await screenshot(page, 'step-2b-refusal-in-history');
      const admin = await AdminApi.as('admin');
      const entry = await admin.articleByTitle(DRAFT_TITLE);
      expect(entry.status).toBe('draft');
      expect(entry.publishedAt).toBeNull();
      expect((await publicArticle(draftId)).status).toBe(404);
    } finally {
      await page.close();
    }
  });

  it('3. crediting the photo to 視覺中國 and fixing the quote in the panel turns it to ready; Publish succeeds and readers get the story', async () => {
    await (await AdminApi.as('editor')).approve(draftId);
    const page = await pageAs('editor');
    try {
      await openArticle(page, draftId);

      const cover = panel(page).locator('[data-testid="ag-image"][data-path="cover"]');
      await cover.getByRole('button', { name: 'Add credit' }).click();
      const form = cover.locator('[data-testid="ag-credit-form"]');
      await form.getByRole('combobox').first().click();
      await page.getByRole('option', { name: '視覺中國' }).click();
      await expect(form.locator('input[name="ag-credit"]').inputValue()).resolves.toBe('視覺中國');
      await form.getByRole('button', { name: 'Save credit' }).click();
      await panel(page).locator('[data-testid="ag-image"][data-path="cover"][data-credited="true"]').waitFor();

      const quote = panel(page).locator('[data-testid="ag-quote"]').filter({ hasText: QUOTE_SPEAKER });
      await quote.getByRole('button', { name: 'Edit quote' }).click();
      // The editor is offered the body's sentence the misquote came from, takes it, and trims it to the words said.
      const closest = quote.locator('[data-testid="ag-quote-closest"]');
      await closest.getByText(correctQuote, { exact: false }).waitFor();
      await screenshot(page, 'step-3-closest-sentence');
      await closest.getByRole('button', { name: 'Use this sentence' }).click();
      await expect(quote.locator('textarea').inputValue()).resolves.toContain(correctQuote);
      await quote.locator('textarea').fill(correctQuote);
      // Saved only: the quote stays a draft and goes out with the story.
      await quote.getByRole('button', { name: 'Save', exact: true }).click();
      await quote.getByText('Publishes with the story').waitFor();

      await panel(page).and(page.locator('[data-state="ready"]')).waitFor();
      await panel(page).getByText('Ready to publish').waitFor();
      // The workflow panel re-reads the verdict after the credit and the quote were saved: one verdict on the screen.
      await page.locator('[data-testid="wf-verdict"][data-verdict="ready"]').waitFor();
      await screenshot(page, 'step-3a-panel-ready');

      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      const published = await waitUntil('the public API to serve the story', async () => {
        const res = await publicArticle(draftId);
        return res.status === 200 ? res.body : null;
      });
      expect(published.data.title).toBe(DRAFT_TITLE);
      // One Publish took the draft quote along: no "relations will not be included" warning, and readers get the quote.
      await expect(page.getByText('Publish without relations').count()).resolves.toBe(0);
      const withQuotes = await fetch(`${baseUrl()}/api/articles/${draftId}?locale=zh-Hant&populate=pullQuotes`).then(
        (r) => r.json() as Promise<{ data: { pullQuotes: Array<{ text: string }> } }>,
      );
      expect(withQuotes.data.pullQuotes.map((q) => q.text)).toEqual([correctQuote]);
      // The credit stays with the media file for the next article that uses the photo.
      const credit = await (
        await AdminApi.as('editor')
      ).request('GET', `/attribution-guard/media-credits/${(await coverFileId(draftId)) ?? 0}`);
      expect(credit.body.data.credit).toBe('視覺中國');
      expect(credit.body.data.agency.name).toBe('視覺中國');
      await page.getByText('Published', { exact: true }).first().waitFor();
      await panel(page).locator('[data-testid="ag-history-record"][data-outcome="published"]').waitFor();
      await screenshot(page, 'step-3b-published');
    } finally {
      await page.close();
    }
  });

  it('4. the demo author reads the checks but may neither publish past them nor open the settings', async () => {
    const authorApi = await AdminApi.as('author');
    const created = await authorApi.request('POST', `/content-manager/collection-types/${ARTICLE_UID}?locale=zh-Hant`, {
      title: AUTHOR_DRAFT_TITLE,
    });
    expect(created.status).toBe(201);
    authorDraftId = created.body.data.documentId;

    const page = await pageAs('author');
    try {
      await openArticle(page, authorDraftId);
      await panel(page).and(page.locator('[data-state="blocked"]')).waitFor();
      expect(await listedRules(panel(page))).toEqual(expect.arrayContaining(['byline.author-required', 'outlet.required']));
      // An author cannot publish at all, let alone past the checks.
      await expect(page.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: 'Publish anyway' }).count()).resolves.toBe(0);
      // In English the edit view shows the fields' English labels (without a cover, the cover's own fields are not on screen).
      const labels = await visibleFieldLabels(page);
      expect(labels).toEqual(expect.arrayContaining(articleLabels('en')));
      await screenshot(page, 'step-4a-author-panel');

      await page.goto(`${baseUrl()}/admin/settings`);
      await page.getByRole('link', { name: 'Overview' }).waitFor();
      await expect(page.getByRole('link', { name: 'Rules and credits' }).count()).resolves.toBe(0);
      await page.goto(`${baseUrl()}/admin/settings/attribution-guard`);
      await page.getByText("You don't have the permissions to access that content").waitFor();
      await screenshot(page, 'step-4b-author-no-settings');

      expect((await authorApi.request('GET', '/attribution-guard/settings')).status).toBe(403);
      expect(
        (await authorApi.request('PUT', '/attribution-guard/settings', { rules: { 'outlet.required': { severity: 'warning' } } })).status,
      ).toBe(403);
      const override = await authorApi.request('POST', '/attribution-guard/publish', {
        contentType: ARTICLE_UID,
        documentId: authorDraftId,
        locale: 'zh-Hant',
        reason: 'The author wants it out now.',
      });
      expect(override.status).toBe(403);
    } finally {
      await page.close();
    }
  });

  it('5. in 中文 (繁體) the panel and the rule messages are in Chinese', async () => {
    const page = await pageAs('editor');
    try {
      await setInterfaceLanguage(page, '中文 (繁體)');

      await openArticle(page, authorDraftId);
      await page.getByText('署名與圖片來源').first().waitFor();
      await panel(page)
        .getByText(/發布前須修正 \d+ 個問題/)
        .waitFor();
      await panel(page).getByText('讀者看到的署名').waitFor();
      const server = await (await AdminApi.as('editor')).check(authorDraftId);
      const authorRequired = server.findings.find((f) => f.rule === 'byline.author-required')!;
      await panel(page).locator('[data-testid="ag-errors"]').getByText(authorRequired.message['zh-Hant']!, { exact: true }).waitFor();
      await expect(panel(page).getByText(authorRequired.message.en!, { exact: true }).count()).resolves.toBe(0);
      await screenshot(page, 'step-5-panel-in-traditional-chinese');

      // The edit view's own field labels are Chinese too: every field of the article and of its cover (the
      // demo draft has one, with its relations filled), and not one English label or bare attribute name.
      await openArticle(page, draftId);
      await page.locator('input[name="cover.credit"]').waitFor();
      const labels = await visibleFieldLabels(page);
      expect(labels).toEqual(expect.arrayContaining(articleFieldLabels('zh')));
      const english = englishFieldLabels();
      expect(labels.filter((label) => english.has(label))).toEqual([]);
      await page.locator('input[name="cover.credit"]').scrollIntoViewIfNeeded();
      await screenshot(page, 'step-5a-field-labels-in-traditional-chinese');

      // The list's attribution column shows each row's state in Chinese, once the states have arrived.
      await page.goto(listUrl());
      const guardZh = pluginMessages('attribution-guard', 'zh');
      for (const title of [STORY_TITLE, DRAFT_TITLE]) {
        const state = page.getByRole('row').filter({ hasText: title }).locator('[data-testid="ag-list-state"][data-state="ready"]');
        await state.waitFor();
        await expect(state.innerText()).resolves.toBe(guardZh['list.ready']);
      }
      const authorRow = page
        .getByRole('row')
        .filter({ hasText: AUTHOR_DRAFT_TITLE })
        .locator('[data-testid="ag-list-state"][data-state="blocked"]');
      await expect(authorRow.innerText()).resolves.toBe(guardZh['list.errors']!.replace('{count}', '2'));
      await screenshot(page, 'step-5b-list-in-traditional-chinese');
      const headers = await page.locator('thead').first().innerText();
      expect(headers).toContain('標題');
      expect(headers).not.toMatch(/\b(title|dek|author)\b/iu);
      expect(ownMissingTranslations()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('6. changing a rule’s severity on the settings page takes effect in the panel', async () => {
    const page = await pageAs('admin');
    try {
      await page.goto(`${baseUrl()}/admin/settings`);
      await page.getByRole('link', { name: 'Rules and credits' }).click();
      const row = page.locator('[data-testid="ag-rule"][data-rule="outlet.required"]');
      await row.getByRole('combobox').click();
      await page.getByRole('option', { name: 'Warning' }).click();
      await page.locator('[data-testid="ag-settings-save"]').click();
      await page.getByText('Settings saved.').first().waitFor();
      await row.getByText('changed here').waitFor();
      await screenshot(page, 'step-6a-settings-saved');

      await openArticle(page, authorDraftId);
      await panel(page).locator('[data-testid="ag-warnings"] [data-testid="ag-finding"][data-rule="outlet.required"]').waitFor();
      expect(await listedRules(panel(page))).not.toContain('outlet.required');
      const server = await (await AdminApi.as('admin')).check(authorDraftId);
      expect(server.findings.find((f) => f.rule === 'outlet.required')?.severity).toBe('warning');
      await screenshot(page, 'step-6b-rule-now-a-warning');
    } finally {
      await page.close();
    }
  });

  it('7. past an overridable error, an editor may publish anyway with a reason, and the history records it', async () => {
    // A republished piece whose republisher has no agreement on record: the one error the defaults let editors override.
    const admin = await AdminApi.as('admin');
    const source = await admin.request('POST', '/content-manager/collection-types/api::source.source', {
      name: '轉載測試平台',
      kind: 'republisher',
      aliases: [],
    });
    expect(source.status).toBe(201);
    const sourceId = source.body.data.documentId as string;
    expect(
      (await admin.request('POST', `/content-manager/collection-types/api::source.source/${sourceId}/actions/publish`, {})).status,
    ).toBe(200);
    // The new piece has the demo story's byline and outlet.
    const storyId = (await admin.articleByTitle(STORY_TITLE)).documentId;
    const linked = async (field: string) =>
      (await admin.request('GET', `/content-manager/relations/${ARTICLE_UID}/${storyId}/${field}?locale=zh-Hant`)).body.results[0]
        .documentId as string;
    const editorApi = await AdminApi.as('editor');
    const created = await editorApi.request('POST', `/content-manager/collection-types/${ARTICLE_UID}?locale=zh-Hant`, {
      title: OVERRIDE_TITLE,
      author: await linked('author'),
      editor: await linked('editor'),
      source: await linked('source'),
      republisher: sourceId,
    });
    expect(created.status).toBe(201);
    const overrideId = created.body.data.documentId as string;
    // The editor created it, and may not approve their own story: the Super Admin does.
    await admin.approve(overrideId);
    const findings = (await editorApi.check(overrideId)).findings.filter((f) => f.severity === 'error');
    expect(findings.map((f) => f.rule)).toEqual(['syndication.license-valid']);

    const page = await pageAs('editor');
    try {
      await openArticle(page, overrideId);
      await page.getByRole('button', { name: '發布', exact: true }).click();
      const dialog = page.getByRole('dialog').filter({ has: page.locator('[data-testid="ag-blocked"]') });
      await dialog.waitFor();
      const publishAnyway = dialog.getByRole('button', { name: '仍要發布' });
      await expect(publishAnyway.isDisabled()).resolves.toBe(true);
      await dialog.locator('textarea').fill(OVERRIDE_REASON);
      await settled(dialog);
      await screenshot(page, 'step-7a-publish-anyway');
      await publishAnyway.click();
      await dialog.waitFor({ state: 'detached' });
      const published = await waitUntil('the overridden story on the public API', async () => {
        const res = await publicArticle(overrideId);
        return res.status === 200 ? res.body : null;
      });
      expect(published.data.title).toBe(OVERRIDE_TITLE);
      const record = panel(page).locator('[data-testid="ag-history-record"][data-outcome="overridden"]');
      await record.waitFor();
      await record.getByText(OVERRIDE_REASON, { exact: false }).waitFor();
      await record.scrollIntoViewIfNeeded();
      await screenshot(page, 'step-7b-overridden-in-history');
    } finally {
      await page.close();
    }
  });

  it('8. the author writes a story in the UI, in 简体中文: byline, outlet and a credited cover photo from the media library; sends it to review and may neither approve nor publish', async () => {
    const fromLine = consoleLines.length;
    const hans = pluginMessages('editorial-workflow', 'zh-Hans');
    const page = await pageAs('author');
    try {
      await setInterfaceLanguage(page, '中文 (简体)');
      // Content Manager → Article → Create, in the story's content locale.
      await page.goto(listUrl());
      await page.locator('main a[href*="/create"]').first().click();
      await page.waitForURL((url) => url.pathname.endsWith('/create') && url.search.includes('zh-Hant'));
      await page.locator('input[name="title"]').fill(DAY_TITLE);
      await page.locator('textarea[name="dek"]').fill(DAY_DEK);
      await page.locator('main [contenteditable="true"]').first().click();
      await page.keyboard.type(DAY_BODY);

      // The byline and the outlet: the demo's published author, editor and outlet, picked by name.
      for (const [field, typed, pick] of [
        ['author', 'koor', 'koorvoa'],
        ['editor', 'TV', 'TV.'],
        ['source', '正見', '正見 TrueView'],
      ] as const) {
        const picker = page.locator(`[role="combobox"][name="${field}"]`);
        await picker.click();
        await picker.fill(typed);
        await page.getByRole('option', { name: pick }).first().click();
      }
      // The panel reads the form as it is typed: the byline readers will see is already there.
      await panel(page)
        .locator('[data-testid="ag-byline-text"]')
        .getByText('文|正見 TrueView,作者|koorvoa,編輯|TV.', { exact: true })
        .waitFor();
      await screenshot(page, 'step-8a-author-writes');

      // The cover: the demo's lead photo from the media library, credited to 視覺中國 and its agency.
      await fieldBox(page, fieldLabel('zh-Hans', 'cover')).getByRole('button').first().click();
      await fieldBox(page, fieldLabel('zh-Hans', 'cover.image')).getByRole('button').first().click();
      const library = page.getByRole('dialog');
      await library.getByRole('checkbox', { name: 'lead-photo.jpg' }).click();
      await library.getByRole('button', { name: '完成', exact: true }).click();
      await library.waitFor({ state: 'detached' });
      await fieldBox(page, fieldLabel('zh-Hans', 'cover.image')).getByText('lead-photo.jpg').waitFor();
      await page.locator('input[name="cover.credit"]').fill('視覺中國');
      const agency = page.locator('[role="combobox"][name="cover.agency"]');
      await agency.click();
      await agency.fill('視覺');
      await page.getByRole('option', { name: '視覺中國' }).first().click();
      await page.locator('input[name="cover.credit"]').scrollIntoViewIfNeeded();
      await screenshot(page, 'step-8b-author-cover-credited');

      // Every field label on the screen is Chinese, the cover's included.
      const labels = await visibleFieldLabels(page);
      expect(labels).toEqual(expect.arrayContaining(articleFieldLabels('zh-Hans')));
      const english = englishFieldLabels();
      expect(labels.filter((label) => english.has(label))).toEqual([]);

      await page.getByRole('button', { name: '保存', exact: true }).click();
      await page.waitForURL((url) => !url.pathname.endsWith('/create'));
      // The admin API finds the story the UI created, by its title.
      dayId = (await (await AdminApi.as('admin')).articleByTitle(DAY_TITLE)).documentId;
      expect(page.url()).toContain(`/${ARTICLE_UID}/${dayId}`);

      // The attribution panel: the byline as readers see it, the credited cover, nothing to fix.
      await panel(page).and(page.locator('[data-state="ready"]')).waitFor();
      await expect(panel(page).locator('[data-testid="ag-byline-text"]').textContent()).resolves.toBe(
        '文|正見 TrueView,作者|koorvoa,編輯|TV.',
      );
      await panel(page).locator('[data-testid="ag-image"][data-path="cover"][data-credited="true"]').waitFor();
      expect(await listedRules(panel(page))).toEqual([]);
      await screenshot(page, 'step-8c-author-saved-attribution-panel');

      // What was saved is what the author typed and picked.
      const admin = await AdminApi.as('admin');
      const saved = (await admin.request('GET', `/content-manager/collection-types/${ARTICLE_UID}/${dayId}?locale=zh-Hant`)).body.data;
      expect(saved.dek).toBe(DAY_DEK);
      expect(JSON.stringify(saved.body)).toContain(DAY_BODY);
      expect(saved.cover.image.name).toBe('lead-photo.jpg');
      expect(saved.cover.credit).toBe('視覺中國');
      const relation = async (path: string) =>
        (await admin.request('GET', `/content-manager/relations/${path}?locale=zh-Hant`)).body.results.map((r: { name: string }) => r.name);
      await expect(relation(`${ARTICLE_UID}/${dayId}/author`)).resolves.toEqual(['koorvoa']);
      await expect(relation(`${ARTICLE_UID}/${dayId}/editor`)).resolves.toEqual(['TV.']);
      await expect(relation(`${ARTICLE_UID}/${dayId}/source`)).resolves.toEqual(['正見 TrueView']);
      await expect(relation(`media.credited-image/${saved.cover.id}/agency`)).resolves.toEqual(['視覺中國']);
      expect((await admin.check(dayId)).findings.filter((f) => f.severity === 'error')).toEqual([]);

      // Sent to review: waiting for an editor's approval, which the author cannot give, and no way to publish.
      await page.locator('[data-testid="wf-panel"]').getByRole('button', { name: hans['action.draft.in-review'], exact: true }).click();
      await page.locator('[data-testid="wf-panel"][data-stage="in-review"]').waitFor();
      await page.locator('[data-testid="wf-verdict"][data-verdict="needs-approval"]').waitFor();
      await panel(page).and(page.locator('[data-verdict="needs-approval"]')).waitFor();
      await expect(page.getByRole('button', { name: hans['action.in-review.approved'], exact: true }).count()).resolves.toBe(0);
      await screenshot(page, 'step-8d-author-sent-to-review');
      const publish = page.getByRole('button', { name: '发布', exact: true });
      await expect(publish.isDisabled()).resolves.toBe(true);
      await publish.scrollIntoViewIfNeeded();
      await screenshot(page, 'step-8e-author-cannot-publish');
      // Nor past the screen: the server refuses the author's publish and approval.
      const authorApi = await AdminApi.as('author');
      expect(
        (await authorApi.request('POST', `/content-manager/collection-types/${ARTICLE_UID}/${dayId}/actions/publish?locale=zh-Hant`, {}))
          .status,
      ).toBe(403);
      const approve = await authorApi.request('POST', `/editorial-workflow/entries/${ARTICLE_UID}/${dayId}/transition`, {
        locale: 'zh-Hant',
        to: 'approved',
      });
      expect(approve.status).toBe(403);
      expect((await publicArticle(dayId)).status).toBe(404);
      expect(ownMissingTranslations(fromLine)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('9. the editor is refused with the approval listed, approves the author’s story, schedules it in Asia/Taipei and finds it on Schedules with its zone; the history and unpublish', async () => {
    const admin = await AdminApi.as('admin');
    const page = await pageAs('editor');
    try {
      await openArticle(page, dayId);
      await panel(page).and(page.locator('[data-verdict="needs-approval"]')).waitFor();
      await page.getByRole('button', { name: '發布', exact: true }).click();
      const dialog = page.getByRole('dialog').filter({ has: page.locator('[data-testid="ag-blocked"]') });
      await dialog.locator('[data-testid="ag-gate-reasons"] [data-rule="workflow.approval-required"]').waitFor();
      expect(await listedRules(dialog)).toEqual([]);
      await settled(dialog);
      await screenshot(page, 'step-9a-editor-refused-for-approval');
      await dialog.getByRole('button', { name: '關閉', exact: true }).click();

      await page.getByRole('button', { name: '核准', exact: true }).click();
      await page.locator('[data-testid="wf-panel"][data-stage="approved"]').waitFor();
      await panel(page).and(page.locator('[data-verdict="ready"]')).waitFor();
      // One way to publish: the header's Publish button; the panel offers no second one.
      await expect(page.locator('[data-testid="wf-panel"]').getByRole('button', { name: '立即發布' }).count()).resolves.toBe(0);

      await page.locator('[data-testid="wf-panel"] input[type="datetime-local"]').first().fill('2031-05-04T09:30');
      const zone = page.getByRole('combobox', { name: '時區' });
      // Before the editor picks one, the picker shows the zone the time is read in: the configured default.
      const defaultZone = process.env.WORKFLOW_TIMEZONE ?? 'Asia/Shanghai';
      await expect(zone.inputValue()).resolves.toBe(defaultZone);
      await page.locator('[data-testid="wf-panel"] label').getByText(defaultZone, { exact: false }).first().waitFor();
      await zone.click();
      await zone.fill('Taipei');
      await page.getByRole('option', { name: 'Asia/Taipei' }).click();
      await page.getByRole('button', { name: '排程發布', exact: true }).click();
      await page
        .locator('[data-testid="wf-verdict"][data-verdict="scheduled"]')
        .getByText('2031-05-04 09:30 Asia/Taipei (GMT+8)', { exact: false })
        .waitFor();
      await panel(page).and(page.locator('[data-verdict="scheduled"]')).waitFor();
      await screenshot(page, 'step-9b-scheduled-in-taipei');

      await page.goto(`${baseUrl()}/admin/plugins/editorial-workflow`);
      const row = page.getByRole('row').filter({ hasText: DAY_TITLE });
      await row.getByText('2031-05-04 09:30 Asia/Taipei (GMT+8)').waitFor();
      await screenshot(page, 'step-9c-schedules-with-zone');

      // The history of the story published in step 3: the refused attempts and the successful one, in one list.
      await openArticle(page, draftId);
      await panel(page).locator('[data-testid="ag-history-record"][data-outcome="blocked"]').first().waitFor();
      await panel(page).locator('[data-testid="ag-history-record"][data-outcome="published"]').first().waitFor();
      await panel(page).locator('[data-testid="ag-history-record"]').first().scrollIntoViewIfNeeded();
      await screenshot(page, 'step-9d-history-refused-and-published');

      // Unpublishing asks first, then the header follows without a reload.
      await headerStatus(page, 'published').waitFor();
      await page.locator('[data-testid="wf-panel"]').getByRole('button', { name: '取消發布', exact: true }).click();
      const confirm = page.getByRole('alertdialog');
      await confirm.getByText('這會讓報導從網站與 API 下架。').waitFor();
      await settled(confirm);
      await screenshot(page, 'step-9e-unpublish-asks-first');
      await confirm.getByRole('button', { name: '取消發布', exact: true }).click();
      await page.locator('[data-testid="wf-panel"][data-stage="draft"]').waitFor();
      await waitUntil('the story to leave the public API', async () => (await publicArticle(draftId)).status === 404);
      expect((await admin.articleByTitle(DRAFT_TITLE)).status).toBe('draft');
      await page.locator('[data-testid="wf-panel"]').scrollIntoViewIfNeeded();
      await screenshot(page, 'step-9f-unpublished');
      // The header says so too, without a reload.
      await headerStatus(page, 'draft').waitFor();
      await headerStatus(page, 'draft').scrollIntoViewIfNeeded();
      await screenshot(page, 'step-9g-unpublished-header');
      expect(ownMissingTranslations()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('10. the import page in 繁體中文: the story file is chosen through a design-system button, shown with its name, size and Remove, and a dry run reports the story without creating anything', async () => {
    const fromLine = consoleLines.length;
    const zh = appMessages('zh');
    const admin = await AdminApi.as('admin');
    const articlesBefore = (await admin.articles()).length;
    const page = await pageAs('editor');
    try {
      await page.goto(`${baseUrl()}/admin/newsroom-import`);
      await page.getByRole('heading', { name: zh['newsroom-import.title'], exact: true }).waitFor();
      await page.getByText(zh['newsroom-import.file.none']!, { exact: true }).waitFor();
      // The button opens the browser's own file dialog.
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: zh['newsroom-import.file.choose'], exact: true }).click();
      await (await chooser).setFiles(IMPORT_FILE);
      const chosen = page.locator('[data-testid="import-file-chosen"]');
      await chosen.getByText(path.basename(IMPORT_FILE), { exact: true }).waitFor();
      const kb = new Intl.NumberFormat('zh', { maximumFractionDigits: 1 }).format(fs.statSync(IMPORT_FILE).size / 1024);
      await chosen.getByText(zh['newsroom-import.file.size']!.replace('{kb}', kb), { exact: true }).waitFor();
      await page.getByRole('button', { name: zh['newsroom-import.file.change'], exact: true }).waitFor();
      await page.getByRole('checkbox', { name: zh['newsroom-import.dryRun.label'] }).click();
      await screenshot(page, 'step-10a-import-file-chosen');

      await page.getByRole('button', { name: zh['newsroom-import.submit'], exact: true }).click();
      const report = page.locator('[data-testid="import-report"]');
      await report.getByText(zh['newsroom-import.report.dryRunTitle']!.replace('{title}', STORY_TITLE), { exact: true }).waitFor();
      await screenshot(page, 'step-10b-import-dry-run-report');
      expect((await admin.articles()).length).toBe(articlesBefore);

      // Remove takes the file back.
      await chosen.getByRole('button', { name: zh['newsroom-import.file.remove'], exact: true }).click();
      await page.getByText(zh['newsroom-import.file.none']!, { exact: true }).waitFor();
      await page.getByRole('button', { name: zh['newsroom-import.file.choose'], exact: true }).waitFor();
      expect(ownMissingTranslations(fromLine)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('11. from the header, the editor makes the demo story’s Simplified Chinese edition with its people and quotes; it passes the checks; a refresh after a zh-Hant edit shows the diff and keeps the hand edit', async () => {
    const fromLine = consoleLines.length;
    // The editor has worked in 中文 (繁體) since step 5.
    const zh = appMessages('zh');
    const m = (id: string) => zh[`newsroom-import.zhHans.${id}`]!;
    const admin = await AdminApi.as('admin');
    const story = await admin.articleByTitle(STORY_TITLE);
    const page = await pageAs('editor');
    const openEditionDialog = async () => {
      // Strapi's header menu (its label has no Chinese translation in Strapi itself).
      await page.getByRole('button', { name: 'More actions', exact: true }).click();
      await page.getByRole('menuitem', { name: m('action') }).click();
      const dialog = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: m('title') }) });
      await dialog.waitFor();
      return dialog;
    };
    try {
      await openArticle(page, story.documentId);
      let dialog = await openEditionDialog();
      await dialog.getByText(m('intro')).waitFor();
      await dialog.getByRole('button', { name: m('convert'), exact: true }).click();
      const result = dialog.locator('[data-testid="zh-hans-result"]');
      await result.getByText(m('created')).waitFor();
      await expect(result.locator('[data-testid="zh-hans-record"][data-role="author"]').getAttribute('data-status')).resolves.toBe(
        'published',
      );
      await expect(result.locator('[data-testid="zh-hans-record"][data-role="editor"]').getAttribute('data-status')).resolves.toBe(
        'published',
      );
      expect(await result.locator('[data-testid="zh-hans-record"][data-role="pull-quote"]').count()).toBe(demoData.pullQuotes.length);
      await settled(dialog);
      await screenshot(page, 'step-11a-zh-hans-edition-created');
      await dialog.getByRole('button', { name: m('close'), exact: true }).click();

      // The zh-Hans edition's own edit view: the attribution panel finds nothing to fix.
      await page.goto(editUrl(story.documentId, 'zh-Hans'));
      await panel(page).and(page.locator('[data-state="ready"], [data-state="blocked"]')).waitFor();
      expect(await listedRules(panel(page))).toEqual([]);
      expect((await admin.check(story.documentId, 'zh-Hans')).findings.filter((f) => f.severity === 'error')).toEqual([]);
      await screenshot(page, 'step-11b-zh-hans-edition-checks');

      // A hand edit in zh-Hans, then the desk changes the zh-Hant dek.
      const handDek = '编辑亲手润色的简体摘要。';
      const hansEdit = await admin.request('PUT', `/content-manager/collection-types/${ARTICLE_UID}/${story.documentId}?locale=zh-Hans`, {
        dek: handDek,
      });
      expect(hansEdit.status).toBe(200);
      const hantDek = '通用大模型由科技大廠主導,垂直廠商押注專業化。(更新)';
      expect(
        (
          await admin.request('PUT', `/content-manager/collection-types/${ARTICLE_UID}/${story.documentId}?locale=zh-Hant`, {
            dek: hantDek,
          })
        ).status,
      ).toBe(200);

      await openArticle(page, story.documentId);
      dialog = await openEditionDialog();
      await dialog.getByRole('button', { name: m('convert'), exact: true }).click();
      const preview = dialog.locator('[data-testid="zh-hans-preview"]');
      await preview.getByText(m('preview.title')).waitFor();
      const dek = preview.locator(`[data-testid="zh-hans-change"][data-key="article:${story.documentId}:dek"]`);
      await dek.locator('[data-testid="zh-hans-diff"]').getByText(`+${hantDek}`).waitFor();
      await dek.getByText(m('preview.overwrite')).waitFor();
      await settled(dialog);
      await screenshot(page, 'step-11c-zh-hans-refresh-preview');
      await dialog.getByRole('button', { name: m('confirm'), exact: true }).click();
      await dialog.locator('[data-testid="zh-hans-result"]').getByText(m('refreshed')).waitFor();
      await screenshot(page, 'step-11d-zh-hans-refreshed');
      const { body } = await admin.request('GET', `/content-manager/collection-types/${ARTICLE_UID}/${story.documentId}?locale=zh-Hans`);
      expect(body.data.dek).toBe(handDek);
      expect(ownMissingTranslations(fromLine)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

async function coverFileId(documentId: string): Promise<number | null> {
  const { body } = await (
    await AdminApi.as('admin')
  ).request('GET', `/content-manager/collection-types/${ARTICLE_UID}/${documentId}?locale=zh-Hant`);
  return body?.data?.cover?.image?.id ?? null;
}
