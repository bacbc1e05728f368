/**
 * The pages in a real browser: Debian's Chromium (`apt-get install
 * chromium`) driven by playwright-core, never a downloaded browser. Every
 * page of every language, served by the real HTTP server, loads without a
 * console error or a failed request, shows its demands word for word,
 * passes axe-core without a serious or critical violation (in the light and
 * the dark scheme), has no horizontal scrolling on a 390 px phone, and is
 * kept as screenshots at 390 and 1280 px in `test-artifacts/web/`. So does
 * each language's not-found page, shown at a missing address deep in its
 * folder, where all its links must still lead somewhere.
 * Skipped, saying so, where /usr/bin/chromium is absent.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import { campaignIn } from '../../src/content/editions.js';
import type { Campaign } from '../../src/content/campaign.js';
import { startHttpServer, type HttpServer } from '../../src/http/server.js';
import { LANGUAGES, type Language } from '../../src/i18n/languages.js';
import { sharedTranslator } from '../../src/i18n/translator.js';
import { voiceOf } from '../../src/i18n/voice.js';
import { languageDir } from '../../src/present/site-urls.js';
import { siteHandler } from '../../src/site/serve.js';
import { shippedCampaign } from '../helpers/core.js';
import { notFoundPaths, pagePaths, shippedSite } from './site-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts/web');
if (!available) console.warn(`tests/web/browser.test.ts: SKIPPED — ${CHROMIUM} is absent (apt-get install -y chromium); .ci/run installs it`);

interface Axe { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[] }> }

const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

let context: BrowserContext;
let server: HttpServer;
let profile: string;
let campaign: Campaign;
let axeSource: string;

beforeAll(async () => {
  if (!available) return;
  campaign = await shippedCampaign();
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  server = await startHttpServer({ port: 0, host: '127.0.0.1', readiness: {}, site: siteHandler([...(await shippedSite()).values()]) });
  profile = await mkdtemp(join(tmpdir(), 'placard-chromium-'));
  await mkdir(ARTIFACTS, { recursive: true });
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    offline: false,
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** Opens `path`, collecting console errors, page errors and failed or refused requests (but the document's own `status`). */
async function open(path: string, expect: ExpectStatic, status = 200): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  const url = `http://127.0.0.1:${server.port}/${path}`;
  const expected = (m: { text(): string; location(): { url: string } }): boolean =>
    status !== 200 && m.location().url === url && m.text().includes(`status of ${status}`);
  page.on('console', (m) => { if ((m.type() === 'error' || m.type() === 'warning') && !expected(m)) problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400 && !(r.url() === url && r.status() === status)) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(status);
  return { page, problems };
}

/** Evaluates a browser-side expression (written as text: the tests are compiled without the DOM's types). */
const inPage = <T = unknown>(page: Page, expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;

/** axe-core's serious and critical violations on the page as it is now. */
async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the pages' Content-Security-Policy (no script at all) does not apply to.
  await page.evaluate(axeSource);
  const options = rules ? { runOnly: { type: 'rule', values: rules } } : { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } };
  const { violations } = await page.evaluate((o) => {
    const page = globalThis as unknown as { axe: Axe; document: unknown };
    return page.axe.run(page.document, { ...o, resultTypes: ['violations'] });
  }, options);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** The demands a page must show word for word. */
function demandsOf(language: Language, statement: string | undefined): string[] {
  const edition = campaignIn(campaign, language);
  return edition.statements.filter((s) => statement === undefined || s.id === statement).flatMap((s) => s.demands.map((d) => flat(d.text)));
}

const name = (path: string): string => path.replace(/\.html$/, '').replace(/\//g, '-');

/** A phone's and a desktop's view of `page`: no horizontal scroll at 390 px, axe-core clean, screenshots at both widths (as `shot`). */
async function checkViews(page: Page, label: string, shot: string, expect: ExpectStatic, fullPage = false): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  const widths = await inPage<{ scroll: number; inner: number }>(page, '({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })');
  expect(widths.scroll, `${label} scrolls sideways at 390 px`).toBeLessThanOrEqual(widths.inner);
  await page.screenshot({ path: join(ARTIFACTS, `${shot}-390.png`), fullPage });
  expect(await axeViolations(page), label).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(ARTIFACTS, `${shot}-1280.png`), fullPage });
}


describe.skipIf(!available)(`the site in Chromium (${CHROMIUM})`, () => {
  for (const language of LANGUAGES) {
    it(`every ${language} page: no console error, demands verbatim, axe-core clean, no horizontal scroll at 390 px, screenshots`, async ({ expect }) => {
      const pages = pagePaths(campaign).filter((p) => p.language === language);
      for (const { path, statement } of pages) {
        const { page, problems } = await open(path, expect);
        try {
          await page.setViewportSize({ width: 390, height: 844 });
          const main = flat(await page.locator('main').innerText());
          const demands = demandsOf(language, statement);
          expect(demands.length, path).toBeGreaterThan(statement ? 0 : 20);
          for (const d of demands) expect(main, `${path}: ${d}`).toContain(d);
          expect(await page.locator('h1').count(), path).toBe(1);
          expect(await page.getAttribute('html', 'lang'), path).toBe(language);
          // The whole English page once; the others as a phone shows them first (a full page of 24,000 px takes seconds).
          await checkViews(page, path, name(path), expect, path === 'index.html');
          expect(problems, path).toEqual([]);
        } finally {
          await page.close();
        }
      }
    }, 60_000);
  }

  it('shows each language’s not-found page at a missing address deep in its folder: 404, its links all lead somewhere, axe-core clean, no horizontal scroll', async ({ expect }) => {
    for (const { language, path } of notFoundPaths()) {
      const missing = `${languageDir(language)}no/such/page`;
      const { page, problems } = await open(missing, expect, 404);
      try {
        expect(await page.getAttribute('html', 'lang'), missing).toBe(language);
        expect(await page.locator('h1').count(), missing).toBe(1);
        expect(flat(await page.locator('h1').innerText()), missing).toBe(voiceOf(sharedTranslator(), language).t('web-not-found-title'));
        // The stylesheet loaded from two folders down (a relative link would have missed it).
        expect(await inPage(page, "getComputedStyle(document.querySelector('.skip')).position"), missing).toBe('absolute');
        const hrefs = await inPage<string[]>(page, "[...document.querySelectorAll('a[href]')].map((a) => a.href)");
        for (const href of hrefs.filter((h) => !h.includes('#'))) expect((await fetch(href)).status, `${missing} → ${href}`).toBe(200);
        expect(await page.locator('main [lang="ru"], main [lang="kk"]').count(), missing).toBe(language === 'en' ? 2 : 0);
        await checkViews(page, missing, name(path), expect);
        expect(problems, missing).toEqual([]);
      } finally {
        await page.close();
      }
    }
  }, 60_000);

  it('keeps its contrast in the dark scheme and drops the navigation in print', async ({ expect }) => {
    const { page, problems } = await open('kk/index.html', expect);
    try {
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await axeViolations(page, ['color-contrast', 'link-in-text-block'])).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'kk-index-dark-390.png') });
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      expect(await inPage(page, "[...document.querySelectorAll('nav, .skip')].map((n) => getComputedStyle(n).display)")).toEqual(['none', 'none', 'none']);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 30_000);

  it('opens an event from the bot\'s link on a phone: the 16 December event in view, marked as the target', async ({ expect }) => {
    const { page, problems } = await open('ru/#event-zhanaozen-massacre-2011', expect);
    try {
      const top = await inPage<number | undefined>(page, "document.querySelector(':target')?.getBoundingClientRect().top");
      expect(top).toBeDefined();
      expect(Math.abs(top!)).toBeLessThan(40);
      expect(await page.locator(':target h3').innerText()).toContain('16 декабря 2011');
      await page.screenshot({ path: join(ARTIFACTS, 'ru-event-zhanaozen-390.png') });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 30_000);

  it('moves the focus to the content with the skip link', async ({ expect }) => {
    const { page } = await open('', expect);
    try {
      await page.keyboard.press('Tab');
      expect(await inPage(page, 'document.activeElement?.className')).toBe('skip');
      expect(await inPage<number>(page, 'document.activeElement.getBoundingClientRect().top')).toBeGreaterThanOrEqual(0);
      await page.keyboard.press('Enter');
      expect(await inPage(page, 'document.activeElement?.id')).toBe('main');
    } finally {
      await page.close();
    }
  }, 30_000);
});
