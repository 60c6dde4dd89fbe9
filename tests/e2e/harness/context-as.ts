// A person in a browser set up differently from the shared fixture (another language, time
// zone or screen): a fresh context with the caller's options, signed in over HTTP with the
// session cookie handed to the browser, because the sign-in page's labels are in the
// context's language. Closed by the caller (or with the browser at the end of the file).
import type { Browser, BrowserContextOptions } from 'playwright-core';
import type { Accord } from './accord.js';
import { signIn } from './accord.js';
import { CONTEXT_OPTIONS, watchErrors, type Person } from './browser.js';

export async function personIn(
  browser: Browser,
  accord: Accord,
  key: string,
  options: BrowserContextOptions,
): Promise<Person> {
  const context = await browser.newContext({ baseURL: accord.url, ...CONTEXT_OPTIONS, ...options });
  const session = await signIn(accord.url, key);
  const [name, ...value] = session.cookie.split('=');
  await context.addCookies([{ name: name!, value: value.join('='), url: accord.url }]);
  const page = await context.newPage();
  return { key, context, page, errors: watchErrors(page) };
}
