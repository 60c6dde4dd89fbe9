/// <reference lib="dom" />
// The browser for the e2e tests, driven by playwright-core (no Playwright browser download):
// Debian's Chromium (installed by the test command when it runs as root, see
// scripts/system-tools.mjs), or any Chromium named by CHROMIUM_PATH. Plus helpers that act on
// the draft's page.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { DEMO_PASSWORD } from './accord.js';

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../screenshots');

/** Flags any Chromium gets: no sandbox (tests often run as root), and nothing phoning home. */
const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * The npm-packaged Chromium builds were tried and set aside: the one that runs here declares
 * Node 22, and the one that declares Node 20 does not start under this playwright-core.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  // A headless Chromium has no GPU to use here.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...COMMON_ARGS, '--disable-gpu', '--disable-quic'],
    headless: true,
  });
}

/** The page settings every person gets: a laptop screen, British English, Swiss time. */
export const CONTEXT_OPTIONS: BrowserContextOptions = {
  viewport: { width: 1440, height: 900 },
  locale: 'en-GB',
  timezoneId: 'Europe/Zurich',
};

export interface Person {
  key: string;
  context: BrowserContext;
  page: Page;
  /**
   * Browser errors seen so far, to assert none happened: uncaught exceptions, and anything the
   * Content-Security-Policy blocked (a blocked stylesheet breaks the page without throwing).
   */
  errors: string[];
}

/** Collects a page's errors as they happen, for `Person.errors`. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      errors.push(message.text());
  });
  return errors;
}

/** Signs a demo account in through the UI, in a fresh context; ends on the start page. */
export async function signInThroughUi(context: BrowserContext, key: string): Promise<Person> {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(`${key}@demo.accord.test`);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Your negotiations' }).waitFor();
  return { key, context, page, errors };
}

/** Opens the draft and waits until its text has arrived over the collaboration socket. */
export async function openDraft(
  person: Person,
  negotiationId: string,
  documentId: string,
): Promise<Page> {
  const { page } = person;
  await page.goto(`/negotiations/${negotiationId}/documents/${documentId}`);
  await page.locator('.draft-text .para[data-label="PP 1"]').waitFor();
  await page.locator('.connection[data-state="synced"]').waitFor();
  return page;
}

/** A paragraph of the draft by its number ("OP 4 (b)"). */
export const paragraph = (page: Page, label: string) =>
  page.locator(`.draft-text .para[data-label="${label}"]`);

/** Puts the cursor at the end of a paragraph by clicking it and selecting through the DOM. */
export async function placeCursorAtEnd(page: Page, label: string): Promise<void> {
  const target = paragraph(page, label);
  await target.click();
  await target.evaluate((element) => {
    // The paragraph's own text, not the suggestion widgets (which are not editable).
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement?.closest('[contenteditable="false"]')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    let last: Node | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node;
    if (!last) return;
    const range = document.createRange();
    range.setStart(last, last.textContent?.length ?? 0);
    range.collapse(true);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
}

/** Selects the first occurrence of `words` inside a paragraph, as a mouse drag would. */
export async function selectWords(page: Page, label: string, words: string): Promise<void> {
  const target = paragraph(page, label);
  await target.click();
  const found = await target.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('[contenteditable="false"]')) continue;
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    return false;
  }, words);
  if (!found) throw new Error(`"${words}" is not in ${label}`);
}

/** The viewport, or with `fullPage` the whole scrolled page (for long dashboards). */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), ...options });
}

/** A paragraph's words as the editor holds them: without carets, labels or proposal widgets. */
export function paragraphText(page: Page, label: string): Promise<string> {
  return paragraph(page, label).evaluate((element) => {
    const copy = element.cloneNode(true);
    if (!(copy instanceof Element)) return '';
    copy.querySelectorAll('[contenteditable="false"], .collab-caret').forEach((n) => n.remove());
    return copy.textContent ?? '';
  });
}
