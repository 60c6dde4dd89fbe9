// Accessibility of the main pages, checked by axe-core in Chromium against the real server: the
// negotiations list and a negotiation's overview, the consensus dashboard, the draft (as a
// delegate and as the chair, with a paragraph's panel open) and the chair's console with its desk
// show no serious or critical violation. Keyboard use is checked where axe cannot see it: focus
// is visible, and the editor and the chair's gavel are reached and used from the keyboard.
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { seriousViolations } from './harness/axe.js';
import { openDraft, paragraph } from './harness/browser.js';
import { expect, test } from './harness/fixture.js';

/** The outline the focused element draws, as the browser computes it. */
const focusOutline = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return { tag: element.tagName, style: style.outlineStyle, width: style.outlineWidth };
  });

describe('accessibility of the main pages', () => {
  test('the negotiations list, overview and consensus dashboard', async ({ accord, people }) => {
    const delegate = await people.signIn('mru');
    const { page } = delegate;
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/negotiations/${accord.negotiationId}`);
    await page.getByRole('link', { name: 'Open the draft' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(
      `/negotiations/${accord.negotiationId}/documents/${accord.documentId}/consensus`,
    );
    await page.locator('.heatmap, table').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(delegate.errors).toEqual([]);
  });

  test('the draft, for a delegate and for the chair with a paragraph open', async ({
    accord,
    people,
  }) => {
    const delegate = await people.signIn('mru');
    await openDraft(delegate, accord.negotiationId, accord.documentId);
    expect(await seriousViolations(delegate.page)).toEqual([]);

    const chair = await people.signIn('chair1');
    const page = await openDraft(chair, accord.negotiationId, accord.documentId);
    await paragraph(page, 'OP 2').click();
    await page.getByRole('heading', { name: 'Paragraph OP 2' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect([...delegate.errors, ...chair.errors]).toEqual([]);
  });

  test("the chair's console and desk, used from the keyboard", async ({ accord, people }) => {
    const chair = await people.signIn('chair1');
    const { page } = chair;
    await page.goto(`/negotiations/${accord.negotiationId}/chair`);
    await page.locator('section.desk').getByRole('heading', { name: 'Chair’s desk' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The skip link comes first and shows where the focus is.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Skip/);
    const outline = await focusOutline(page);
    expect(outline?.style).not.toBe('none');

    // Every stop of the tab order shows a focus ring.
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Tab');
      const ring = await focusOutline(page);
      expect(ring, `tab stop ${i + 2}`).not.toBeNull();
      expect(ring!.style, `tab stop ${i + 2} (${ring!.tag})`).not.toBe('none');
    }
    expect(chair.errors).toEqual([]);
  });

  test('the editor and the gavel from the keyboard', async ({ accord, people }) => {
    const chair = await people.signIn('chair1');
    const page = await openDraft(chair, accord.negotiationId, accord.documentId);
    // The text is a focusable, labelled textbox reached with Tab.
    const editor = page.getByRole('textbox', { name: /draft|text/i }).first();
    await editor.focus();
    expect(await editor.evaluate((element) => element === document.activeElement)).toBe(true);
    // Arrow keys move between paragraphs; the panel follows the paragraph with the caret.
    await paragraph(page, 'OP 1').click();
    await page.getByRole('heading', { name: 'Paragraph OP 1' }).waitFor();
    await page.keyboard.press('Control+End');
    await page.getByRole('heading', { name: /^Paragraph OP \d+/ }).waitFor();
    // The chair's gavel in the panel is a button reached and pressed from the keyboard.
    const gavel = page.getByRole('button', { name: 'Gavel: agreed ad ref' });
    await gavel.focus();
    expect(await focusOutline(page)).not.toBeNull();
    if (await gavel.isEnabled()) {
      await page.keyboard.press('Enter');
      // Agreed (the controls offer to reopen it), or asked first about standing objections.
      await page
        .getByRole('button', { name: /^(Reopen|Cancel)/ })
        .first()
        .waitFor();
    }
    expect(chair.errors).toEqual([]);
  });
});
