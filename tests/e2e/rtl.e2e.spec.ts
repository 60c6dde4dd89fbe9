/// <reference lib="dom" />
// Right-to-left in Chromium against the real server: the Arabic interface is mirrored (the page
// is rtl, the brand and navigation start on the right, the paragraph panel sits to the left of
// the text, the paragraph numbers in the right margin) while English paragraphs keep reading
// left-to-right; and in the English interface a paragraph typed in Arabic reads right-to-left.
import type { Locator, Page } from 'playwright-core';
import { describe } from 'vitest';
import { seriousViolations } from './harness/axe.js';
import { openDraft, paragraph, placeCursorAtEnd } from './harness/browser.js';
import { personIn } from './harness/context-as.js';
import { documented } from './harness/documented.js';
import { expect, test } from './harness/fixture.js';

/** Where the words of a paragraph sit inside its box: flush to which side? */
async function textSide(locator: Locator): Promise<'left' | 'right' | 'both'> {
  return locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const text = range.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const left = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
    const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    const nearLeft = Math.abs(text.left - left) < 4;
    const nearRight = Math.abs(text.right - right) < 4;
    return nearLeft && nearRight ? 'both' : nearRight ? 'right' : 'left';
  });
}

const box = async (page: Page, selector: string) => {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on screen`);
  return found;
};

describe('right-to-left', () => {
  test('the Arabic interface is mirrored, English paragraphs still read left-to-right', async ({
    accord,
    browser,
  }) => {
    const person = await personIn(browser, accord, 'nhr', {
      locale: 'ar',
      timezoneId: 'Asia/Dubai',
    });
    const page = await openDraft(person, accord.negotiationId, accord.documentId);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');

    // The header starts on the right: the brand, then the navigation to its left.
    const viewport = page.viewportSize()!;
    const brand = await box(page, '.brand');
    const nav = await box(page, '.header__nav');
    expect(brand.x + brand.width).toBeGreaterThan(viewport.width - 40);
    expect(nav.x + nav.width).toBeLessThanOrEqual(brand.x + 1);

    // The side panel is to the left of the text, the numbers in the right margin.
    await paragraph(page, 'OP 2').click();
    const text = await box(page, '.draft__page');
    const side = await box(page, '.draft__side');
    expect(side.x + side.width).toBeLessThanOrEqual(text.x + 1);
    const number = await paragraph(page, 'OP 2').evaluate((element) => {
      const before = getComputedStyle(element, '::before');
      return { right: before.right, left: before.left };
    });
    expect(number.right).not.toBe('auto');

    // The demo text is English: its paragraphs keep reading left-to-right inside Arabic.
    expect(await textSide(paragraph(page, 'PP 2'))).toBe('left');
    await page.evaluate(() => window.scrollTo(0, 0));
    await documented(page, 'rtl-draft-arabic');
    expect(await seriousViolations(page)).toEqual([]);
    expect(person.errors).toEqual([]);
    await person.context.close();
  });

  test('a paragraph typed in Arabic reads right-to-left in the English interface', async ({
    accord,
    people,
  }) => {
    const delegate = await people.signIn('zhr');
    const page = await openDraft(delegate, accord.negotiationId, accord.documentId);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');

    const arabic = 'تلتزم المدن بحماية العمال في الهواء الطلق من الحر الشديد';
    const paragraphs = page.locator('.draft-text .para');
    const before = await paragraphs.count();
    await placeCursorAtEnd(page, 'PP 2');
    await page.keyboard.press('Enter');
    // The new, empty paragraph is there (and holds the caret) before the words go in.
    await expect.poll(() => paragraphs.count()).toBe(before + 1);
    await page.keyboard.insertText(arabic);
    const typed = page.locator('.draft-text .para', { hasText: arabic });
    await typed.waitFor();
    expect(await typed.evaluate((element) => getComputedStyle(element).unicodeBidi)).toBe(
      'plaintext',
    );
    expect(await textSide(typed)).toBe('right');
    // Its neighbours, in English, still start on the left.
    expect(await textSide(paragraph(page, 'PP 2'))).toBe('left');
    await typed.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await documented(page, 'rtl-arabic-paragraph-in-english');
    expect(delegate.errors).toEqual([]);
  });
});
