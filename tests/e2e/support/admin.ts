import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { resultsDir } from './app-server';

/** Debian's Chromium, driven headless; no browser download, no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the e2e suite with `npm run test:e2e`.');
  return url;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export const LOGINS = {
  admin: { email: 'admin@newsroom.local', password: 'Newsroom-Admin-2026' },
  editor: { email: 'editor@newsroom.local', password: 'Newsroom-Editor-2026' },
  author: { email: 'author@newsroom.local', password: 'Newsroom-Author-2026' },
} as const;
export type Role = keyof typeof LOGINS;

/**
 * A browser context of its own per user, so one user's session and admin language never leak into
 * another's. Each user logs in once per run: Strapi limits admin logins per address and email.
 */
export async function loginAs(browser: Browser, role: Role, log: (line: string) => void): Promise<BrowserContext> {
  // A desk in Taipei: history times are shown, and labelled, in the viewer's zone.
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US', timezoneId: 'Asia/Taipei' });
  context.setDefaultTimeout(30_000);
  context.on('page', (page) => {
    page.on('pageerror', (error) => log(`[${role}] page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') log(`[${role}] console: ${message.text()}`);
    });
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(LOGINS[role].email);
  await page.locator('input[name="password"]').fill(LOGINS[role].password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'), { timeout: 60_000 });
  await page.close();
  return context;
}

/** Switches an English-speaking user's admin interface language on their profile page, as the user does. */
export async function setInterfaceLanguage(page: Page, option: '中文 (繁體)' | '中文 (简体)'): Promise<void> {
  await page.goto(`${baseUrl()}/admin/me`);
  await page.getByRole('combobox', { name: 'Interface language' }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  const saved = page.waitForResponse((res) => res.url().endsWith('/admin/users/me') && res.request().method() === 'PUT');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const res = await saved;
  if (res.status() !== 200) throw new Error(`saving the interface language failed: ${res.status()}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(resultsDir, { recursive: true });
  await page.screenshot({ path: path.join(resultsDir, `${name}.png`), fullPage: true });
}

export const ARTICLE_UID = 'api::article.article';

export function listUrl(locale = 'zh-Hant'): string {
  return `${baseUrl()}/admin/content-manager/collection-types/${ARTICLE_UID}?plugins[i18n][locale]=${locale}`;
}

export function editUrl(documentId: string, locale = 'zh-Hant'): string {
  return `${baseUrl()}/admin/content-manager/collection-types/${ARTICLE_UID}/${documentId}?plugins[i18n][locale]=${locale}`;
}

/** The admin API as a given user, for setting up and for checking what the browser did. */
export class AdminApi {
  private constructor(private readonly token: string) {}

  private static readonly sessions = new Map<Role, Promise<AdminApi>>();

  /** One login per user and run, for the same reason as in the browser. */
  static as(role: Role): Promise<AdminApi> {
    let session = AdminApi.sessions.get(role);
    if (!session) {
      session = AdminApi.login(role);
      AdminApi.sessions.set(role, session);
    }
    return session;
  }

  private static async login(role: Role): Promise<AdminApi> {
    const res = await fetch(`${baseUrl()}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(LOGINS[role]),
    });
    if (!res.ok) throw new Error(`admin login as ${role} failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { data: { token: string } };
    return new AdminApi(body.data.token);
  }

  /** Moves a draft through review to approved, as an editor does in the workflow panel: only approved stories publish. */
  async approve(documentId: string, locale = 'zh-Hant'): Promise<void> {
    for (const to of ['in-review', 'approved']) {
      const { status, body } = await this.request('POST', `/editorial-workflow/entries/${ARTICLE_UID}/${documentId}/transition`, {
        locale,
        to,
      });
      if (status !== 200) throw new Error(`could not move ${documentId} to ${to}: ${status} ${JSON.stringify(body)}`);
    }
  }

  async request<T = any>(method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${baseUrl()}${url}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Uploads a file to the media library, as the Media Library's upload does; returns the new file's id. */
  async upload(bytes: Buffer, name: string, mime: string): Promise<number> {
    const form = new FormData();
    // A copy in a plain ArrayBuffer: a Buffer may be a view of a shared pool, which Blob's type does not take.
    form.append('files', new Blob([new Uint8Array(bytes)], { type: mime }), name);
    const res = await fetch(`${baseUrl()}/upload`, { method: 'POST', headers: { authorization: `Bearer ${this.token}` }, body: form });
    if (!res.ok) throw new Error(`upload of ${name} failed: ${res.status} ${await res.text()}`);
    const [file] = (await res.json()) as Array<{ id: number }>;
    return file!.id;
  }

  async articles(locale = 'zh-Hant'): Promise<Array<{ documentId: string; title: string; status: string; publishedAt: string | null }>> {
    const { body } = await this.request('GET', `/content-manager/collection-types/${ARTICLE_UID}?locale=${locale}&pageSize=100`);
    return body.results;
  }

  async articleByTitle(title: string, locale = 'zh-Hant') {
    const found = (await this.articles(locale)).find((a) => a.title === title);
    if (!found) throw new Error(`no article titled ${title} in ${locale}`);
    return found;
  }

  async check(documentId: string, locale = 'zh-Hant') {
    const { status, body } = await this.request('POST', '/attribution-guard/check', { contentType: ARTICLE_UID, documentId, locale });
    if (status !== 200) throw new Error(`check failed: ${status} ${JSON.stringify(body)}`);
    return body.data as { ok: boolean; findings: Array<{ rule: string; severity: string; path: string; message: Record<string, string> }> };
  }
}

/** What a reader gets from the public REST API. */
export async function publicArticle(documentId: string, locale = 'zh-Hant'): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl()}/api/articles/${documentId}?locale=${locale}`);
  return { status: res.status, body: await res.json() };
}
