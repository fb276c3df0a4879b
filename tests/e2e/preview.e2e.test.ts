import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { demoData } from '../helpers/demo';
import { appDir, resultsDir } from './support/app-server';
import { AdminApi, ARTICLE_UID, baseUrl, editUrl, launchBrowser, loginAs, screenshot } from './support/admin';

/**
 * Preview from the edit view, in a real browser: the editor opens the demo draft's preview, sees the
 * photo's missing credit where readers would see the credit, credits the photo in the attribution panel,
 * saves, and the preview shows the credit.
 *
 * The e2e files share one app. The editor's-screen walk credits the demo draft's photo (a credit stored
 * with the file, which cannot be taken back), and it may run before or after this file. So this file
 * gives the demo draft a fresh, uncredited upload of the same photo as its cover for its own walk, and
 * puts the draft's cover and the editor's admin language back as they were when it is done.
 */

let browser: Browser;
let context: BrowserContext;
let draftId: string;
let originalCover: Record<string, unknown> | null = null;
let originalLanguage: string | null = null;

const browserLog = (line: string) =>
  fs.appendFileSync(path.join(resultsDir, 'browser.log'), `${new Date().toISOString()} [preview] ${line}\n`);
const panel = (page: Page) => page.locator('[data-testid="ag-panel"]');
const previewFrame = (page: Page): FrameLocator => page.frameLocator('[data-testid="preview-iframe"]');
const leadCredit = (frame: FrameLocator) => frame.locator('figure.lead figcaption .credit');

async function uploadUncreditedCopy(admin: AdminApi): Promise<number> {
  const bytes = fs.readFileSync(path.join(appDir, 'database/seed/draft-photo.jpg'));
  return admin.upload(bytes, `preview-walk-${Date.now()}.jpg`, 'image/jpeg');
}

async function setCover(admin: AdminApi, cover: Record<string, unknown>): Promise<void> {
  const res = await admin.request('PUT', `/content-manager/collection-types/${ARTICLE_UID}/${draftId}?locale=zh-Hant`, { cover });
  if (res.status !== 200) throw new Error(`could not set the draft's cover: ${res.status} ${JSON.stringify(res.body)}`);
}

async function openPreview(page: Page): Promise<FrameLocator> {
  await page.goto(editUrl(draftId));
  await panel(page).and(page.locator('[data-state="ready"], [data-state="blocked"]')).waitFor();
  // Strapi's own Preview panel: its link opens the preview page of this draft and locale.
  await page.getByRole('link', { name: 'Open preview' }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/preview'));
  const frame = previewFrame(page);
  await frame.locator('h1').waitFor();
  // The photo loads under the page's CSP (only the media library's images may).
  const loaded = () =>
    frame.locator('figure.lead img').evaluate((img) => {
      const image = img as unknown as { complete: boolean; naturalWidth: number };
      return image.complete && image.naturalWidth > 0;
    });
  const deadline = Date.now() + 15_000;
  while (!(await loaded())) {
    if (Date.now() > deadline) throw new Error('the lead photo did not load in the preview');
    await page.waitForTimeout(200);
  }
  return frame;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const admin = await AdminApi.as('admin');
  draftId = (await admin.articleByTitle(demoData.draft.title)).documentId;
  const { body } = await admin.request('GET', `/content-manager/collection-types/${ARTICLE_UID}/${draftId}?locale=zh-Hant`);
  const cover = body.data.cover as Record<string, any>;
  originalCover = {
    image: cover.image?.id ?? null,
    credit: cover.credit ?? null,
    agency: cover.agency?.documentId ?? null,
    photographer: cover.photographer ?? null,
    license: cover.license ?? null,
    caption: cover.caption ?? null,
    alt: cover.alt ?? null,
  };
  await setCover(admin, { image: await uploadUncreditedCopy(admin), caption: cover.caption ?? null, alt: cover.alt ?? null });

  // The editor works in English here; the editor's-screen walk switches to 中文 on its own.
  const editorApi = await AdminApi.as('editor');
  originalLanguage = (await editorApi.request('GET', '/admin/users/me')).body.data.preferedLanguage ?? null;
  await editorApi.request('PUT', '/admin/users/me', { preferedLanguage: 'en' });
  context = await loginAs(browser, 'editor', browserLog);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (originalCover) await setCover(await AdminApi.as('admin'), originalCover);
  if (originalLanguage) await (await AdminApi.as('editor')).request('PUT', '/admin/users/me', { preferedLanguage: originalLanguage });
});

describe('Preview from the edit view', () => {
  it('shows the draft as readers will see it: the missing credit where the credit goes; credited in the panel and saved, the preview shows the credit', async () => {
    const page = await context.newPage();
    try {
      let frame = await openPreview(page);
      await expect(frame.locator('h1').textContent()).resolves.toBe(demoData.draft.title);
      await expect(frame.locator('.byline').textContent()).resolves.toBe('文|正見 TrueView,作者|koorvoa,編輯|TV.');
      // Exactly where readers would read the credit: under the lead photo, in its caption.
      await expect(leadCredit(frame).textContent()).resolves.toBe('圖片來源:(未填)');
      await expect(frame.locator('figure.lead .credit-missing').count()).resolves.toBe(1);
      await expect(frame.locator('.preview-banner').textContent()).resolves.toContain('預覽');
      await screenshot(page, 'preview-1-missing-credit');

      // Back in the edit view, the editor credits the photo in the attribution panel and saves.
      await page.goto(editUrl(draftId));
      const cover = panel(page).locator('[data-testid="ag-image"][data-path="cover"][data-credited="false"]');
      await cover.getByRole('button', { name: 'Add credit' }).click();
      const form = cover.locator('[data-testid="ag-credit-form"]');
      await form.getByRole('combobox').first().click();
      await page.getByRole('option', { name: '視覺中國' }).click();
      await form.getByRole('button', { name: 'Save credit' }).click();
      await panel(page).locator('[data-testid="ag-image"][data-path="cover"][data-credited="true"]').waitFor();
      const saved = page.waitForResponse(
        (res) => res.url().includes(`/content-manager/collection-types/${ARTICLE_UID}/${draftId}`) && res.request().method() === 'PUT',
      );
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      expect((await saved).status()).toBe(200);
      await screenshot(page, 'preview-2-credited-and-saved');

      frame = await openPreview(page);
      await expect(leadCredit(frame).textContent()).resolves.toBe('圖片來源 @視覺中國');
      await expect(frame.locator('.credit-missing').count()).resolves.toBe(0);
      await screenshot(page, 'preview-3-credit-shown');

      // The preview stays a preview: the draft is still not on the public routes.
      const slug = (
        await (await AdminApi.as('admin')).request('GET', `/content-manager/collection-types/${ARTICLE_UID}/${draftId}?locale=zh-Hant`)
      ).body.data.slug as string;
      expect((await fetch(`${baseUrl()}/news/zh-Hant/${slug}`)).status).toBe(404);
    } finally {
      await page.close();
    }
  });
});
