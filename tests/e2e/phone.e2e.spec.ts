/// <reference lib="dom" />
// The draft on a phone (390 × 844 CSS pixels, touch) against the real server: a delegate reads
// the text with its numbers and brackets without scrolling sideways, opens a paragraph, reads
// the positions on it, states their delegation's position and comments, all from the phone.
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { seriousViolations } from './harness/axe.js';
import { openDraft, paragraph } from './harness/browser.js';
import { personIn } from './harness/context-as.js';
import { documented } from './harness/documented.js';
import { expect, test } from './harness/fixture.js';

const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** Whether the element is inside the viewport's width (not cut off or pushed off the side). */
const withinWidth = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.left >= -1 && box.right <= window.innerWidth + 1 && box.width > 0;
    });

describe('the draft on a phone', () => {
  test('a delegate reads the draft, states a position and comments', async ({
    accord,
    browser,
  }) => {
    const delegate = await personIn(browser, accord, 'pel', { ...PHONE });
    const page = await openDraft(delegate, accord.negotiationId, accord.documentId);

    // Nothing is wider than the phone: no sideways scrolling.
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      screen: window.innerWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.screen);

    await documented(page, 'phone-draft-top');
    await paragraph(page, 'OP 4').evaluate((element) => element.scrollIntoView());
    await documented(page, 'phone-draft');

    // The numbers are on screen beside their text, and bracketed words show their brackets.
    const number = await paragraph(page, 'OP 2').evaluate((element) => {
      const style = getComputedStyle(element, '::before');
      const box = element.getBoundingClientRect();
      const start = style.position === 'absolute' ? box.left + parseFloat(style.left) : box.left;
      return { content: style.content, start };
    });
    expect(number.content).toBe('"OP 2"');
    expect(number.start).toBeGreaterThanOrEqual(0);
    expect(await withinWidth(page, '.draft-text .para[data-label="OP 2"]')).toBe(true);
    expect(await page.locator('.draft-text .bracketed-words').count()).toBeGreaterThan(0);

    // Tapping a paragraph opens its panel, on screen and within the phone's width.
    await paragraph(page, 'OP 3').tap();
    const heading = page.getByRole('heading', { name: 'Paragraph OP 3' });
    await heading.waitFor();
    expect(await withinWidth(page, '.draft__side')).toBe(true);

    // The positions on it, and the delegation's own, stated from the phone.
    await page.getByRole('tab', { name: /^Positions/ }).tap();
    const form = page.locator('.position-form');
    await form.getByRole('radio', { name: /Can accept/ }).check();
    await form.getByLabel(/^Statement/).fill('Pelenoa can accept this as drafted.');
    await form.getByRole('button', { name: 'State the position' }).tap();
    await page.getByText('Pelenoa can accept this as drafted.').first().waitFor();
    await paragraph(page, 'OP 3').evaluate((element) => element.scrollIntoView());
    await documented(page, 'phone-position');
    expect(await seriousViolations(page)).toEqual([]);

    // A comment on the paragraph.
    await page.getByRole('tab', { name: /^Comments/ }).tap();
    await page.getByRole('button', { name: 'Comment on this paragraph' }).tap();
    await page
      .getByRole('textbox', { name: 'Comment', exact: true })
      .fill('Could the deadline be 2031?');
    await page.getByRole('button', { name: 'Post the comment' }).tap();
    await page.locator('.comment__body', { hasText: 'Could the deadline be 2031?' }).waitFor();

    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    expect(delegate.errors).toEqual([]);
    await delegate.context.close();
  });
});
