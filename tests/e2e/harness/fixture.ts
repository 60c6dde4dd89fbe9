// The one set-up every browser test shares, as vitest fixtures: per test file, the built Accord
// server on a temporary store and one Chromium; per test, people signed in through the real
// sign-in page, each in their own browser context, closed when the test ends.
//
//   import { expect, test } from './harness/fixture.js';
//   test('…', async ({ accord, people }) => {
//     const chair = await people.signIn('chair1');
//   });
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { test as base } from 'vitest';
import { signIn as signInOverHttp, startAccord, type Accord, type ApiSession } from './accord.js';
import { CONTEXT_OPTIONS, launchBrowser, signInThroughUi, type Person } from './browser.js';

export { expect } from 'vitest';
export type { Accord, ApiSession, Person };

export interface People {
  /** A demo account (`chair1`, `mru`, …) signed in through the UI, on the start page. */
  signIn(key: string): Promise<Person>;
  /** A page in a fresh context with nobody signed in (for the sign-in page or an invitation). */
  visitor(): Promise<Page>;
  /** The same account signed in over HTTP, for reading the record behind the screen. */
  api(key: string): Promise<ApiSession>;
}

// vitest reads a fixture's dependencies from the pattern of its first parameter, so fixtures that
// depend on nothing must still destructure an empty object.
/* eslint-disable no-empty-pattern */
export const test = base
  .extend('accord', { scope: 'file' }, async ({}, { onCleanup }): Promise<Accord> => {
    const accord = await startAccord();
    onCleanup(() => accord.close());
    return accord;
  })
  .extend('browser', { scope: 'file' }, async ({}, { onCleanup }): Promise<Browser> => {
    const browser = await launchBrowser();
    onCleanup(() => browser.close());
    return browser;
  })
  /* eslint-enable no-empty-pattern */
  .extend('people', ({ accord, browser }, { onCleanup }): People => {
    const contexts: BrowserContext[] = [];
    const newContext = async (): Promise<BrowserContext> => {
      const context = await browser.newContext({ baseURL: accord.url, ...CONTEXT_OPTIONS });
      contexts.push(context);
      return context;
    };
    onCleanup(async () => {
      await Promise.all(contexts.map((context) => context.close()));
    });
    return {
      signIn: async (key) => signInThroughUi(await newContext(), key),
      visitor: async () => (await newContext()).newPage(),
      api: (key) => signInOverHttp(accord.url, key),
    };
  });
