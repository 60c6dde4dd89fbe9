/// <reference lib="dom" />
// Dates follow the browser's locale and time zone, in Chromium against the real server: the same
// moments of the negotiation's activity read the American way in New York and the French way
// in Paris (where the interface is French too), each in its own zone, as Intl formats them.
import type { Browser } from 'playwright-core';
import { describe } from 'vitest';
import type { Accord } from './harness/accord.js';
import { personIn } from './harness/context-as.js';
import { expect, test } from './harness/fixture.js';

interface Shown {
  iso: string;
  shown: string;
  expected: string;
}

/** The activity feed's first entry: its instant, the date-time shown on hover, and Intl's. */
async function activityDate(
  browser: Browser,
  accord: Accord,
  locale: string,
  timezoneId: string,
): Promise<Shown & { language: string }> {
  const person = await personIn(browser, accord, 'mru', { locale, timezoneId });
  const { page } = person;
  await page.goto(`/negotiations/${accord.negotiationId}`);
  const time = page.locator('.activity time[datetime]').first();
  await time.waitFor();
  const language = await page.evaluate(() => document.documentElement.lang);
  const found = await time.evaluate(
    (element, { locale: l, zone }) => {
      const iso = element.getAttribute('datetime') ?? '';
      const format = new Intl.DateTimeFormat(l, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: zone,
      });
      return {
        iso,
        shown: element.getAttribute('title') ?? '',
        expected: format.format(new Date(iso)),
      };
    },
    { locale, zone: timezoneId },
  );
  expect(person.errors).toEqual([]);
  await person.context.close();
  return { ...found, language };
}

describe('dates in the browser’s locale and time zone', () => {
  test('New York reads them the American way, Paris the French way, each in its zone', async ({
    accord,
    browser,
  }) => {
    const newYork = await activityDate(browser, accord, 'en-US', 'America/New_York');
    const paris = await activityDate(browser, accord, 'fr-FR', 'Europe/Paris');
    expect(newYork.shown).toBe(newYork.expected);
    expect(paris.shown).toBe(paris.expected);
    // The same record, told differently: month first and a 12-hour clock, six hours earlier.
    expect(newYork.iso).toBe(paris.iso);
    expect(newYork.shown).not.toBe(paris.shown);
    expect(newYork.shown).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M$/);
    // Day first, a French month, a 24-hour clock; and the interface itself in French.
    expect(paris.shown).toMatch(/^\d{1,2} \p{Ll}+\.? \d{4}.* \d{2}:\d{2}$/u);
    expect(paris.language).toBe('fr');
    expect(newYork.language).toBe('en');
  });
});
