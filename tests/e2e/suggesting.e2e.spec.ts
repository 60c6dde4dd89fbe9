// Suggesting mode in the browser: in a formal document a delegate rewrites a paragraph's words
// in place of editing them, sees the change marked, and tables it as their delegation's
// amendment; the shared text does not change until the chair accepts it, and then it does in
// every open editor.
import type { Locator, Page } from 'playwright-core';
import { describe } from 'vitest';
import { openDraft, paragraph, paragraphText, screenshot } from './harness/browser.js';
import { expect, test } from './harness/fixture.js';

/** The number of the paragraph holding `words` (numbers shift as revisions add paragraphs). */
function labelOf(page: Page, words: string): Promise<string> {
  return page.locator('.draft-text .para').evaluateAll((elements, wanted) => {
    const found = elements.find((e) => e.textContent?.includes(wanted));
    return found?.getAttribute('data-label') ?? '';
  }, words);
}

const trimmed = async (runs: Locator) => (await runs.allTextContents()).map((t) => t.trim());

async function goToParagraph(page: Page, label: string): Promise<void> {
  await page.getByLabel('Go to paragraph').selectOption({ label });
  await page.getByRole('heading', { name: `Paragraph ${label}` }).waitFor();
}

describe('suggesting mode', () => {
  test('a delegate suggests a change in a formal document and the chair accepts it', async ({
    accord,
    people,
  }) => {
    const chairApi = await people.api('chair1');
    await chairApi.send('PUT', `/api/documents/${accord.documentId}/mode`, { mode: 'formal' });

    const ostreva = await people.signIn('osv');
    const chair = await people.signIn('chair1');
    const osv = await openDraft(ostreva, accord.negotiationId, accord.documentId);
    const ch = await openDraft(chair, accord.negotiationId, accord.documentId);
    // Only the delegate, who may not type in a formal text, is offered suggesting mode.
    expect(await ch.getByRole('checkbox', { name: 'Suggest changes' }).count()).toBe(0);

    const label = await labelOf(osv, 'after each major heatwave');
    expect(label).toMatch(/^OP /);
    const original = await paragraphText(osv, label);
    const suggested = original.replace('after each major heatwave', 'after every heatwave');
    const textEventsBefore = await accord.textEvents();

    await osv.getByRole('checkbox', { name: 'Suggest changes' }).check();
    await paragraph(osv, label).click();
    const words = osv.getByLabel(`Your wording of ${label}`);
    await expect.poll(() => words.inputValue()).toBe(original);
    // Typed as a delegate would, key by key: the box in the text takes the keys, not the editor.
    await words.click();
    await osv.keyboard.press('ControlOrMeta+A');
    await osv.keyboard.type(suggested);
    const diff = osv.locator('.suggest-diff');
    await expect.poll(() => trimmed(diff.locator('del'))).toEqual(['each major']);
    await expect.poll(() => trimmed(diff.locator('ins'))).toEqual(['every']);
    await screenshot(osv, 'suggesting-mode');

    await osv.getByRole('button', { name: 'Table as suggestion' }).click();
    await osv.getByText(`Your suggestion to ${label} is tabled as an amendment.`).waitFor();
    // A tracked proposal by Ostreva in the text, for both; the shared words are as they were.
    await paragraph(osv, label).locator('ins.suggest-ins', { hasText: 'every' }).waitFor();
    await paragraph(ch, label).locator('ins.suggest-ins', { hasText: 'every' }).waitFor();
    expect(await paragraphText(osv, label)).toBe(original);
    expect(await accord.textEvents()).toBe(textEventsBefore);

    // The chair accepts it from the paragraph's amendments, as any amendment.
    await goToParagraph(ch, label);
    const card = ch.locator('article.amendment', { hasText: 'each major' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Ostreva');
    await card.getByRole('button', { name: 'Accept' }).click();

    await expect.poll(() => paragraphText(ch, label)).toBe(suggested);
    await expect.poll(() => paragraphText(osv, label)).toBe(suggested);
    expect([...ostreva.errors, ...chair.errors]).toEqual([]);
  });
});
