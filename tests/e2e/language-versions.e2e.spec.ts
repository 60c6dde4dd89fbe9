// Language versions in the browser: the secretariat reads the demo's French version beside the
// English, paragraph by paragraph; a delegate's words added to a paragraph put its French out of
// date, with the redline of what changed; the secretariat re-translates it; and the French
// version downloads as a Word file named for its language.
import { readFile } from 'node:fs/promises';
import { describe } from 'vitest';
import { openDraft, placeCursorAtEnd } from './harness/browser.js';
import { documented } from './harness/documented.js';
import { expect, test } from './harness/fixture.js';

const ADDED = ' Reports are published every year.';

describe('language versions', () => {
  test('French beside English goes out of date when the original changes, and downloads', async ({
    accord,
    people,
  }) => {
    const secretariat = await people.signIn('secretariat');
    const page = secretariat.page;
    const languages = `/negotiations/${accord.negotiationId}/documents/${accord.documentId}/languages?language=fr`;
    await page.goto(languages);
    await page.getByRole('columnheader', { name: 'English' }).waitFor();
    await page.getByRole('columnheader', { name: 'Français' }).waitFor();
    const row = (label: string) =>
      page.locator('tr.version-paragraph', {
        has: page.getByRole('rowheader', { name: label, exact: true }),
      });
    // The demo: most paragraphs current, some out of date since the zero draft, one missing.
    await expect(row('PP 1').locator('.badge').textContent()).resolves.toBe('Current');
    await expect(
      row('PP 1').locator('.version-paragraph__words').getAttribute('dir'),
    ).resolves.toBe('auto');
    await expect(page.locator('.version-paragraph--missing').count()).resolves.toBeGreaterThan(0);
    const counts = await page.getByTestId('counts-fr').textContent();
    expect(counts).toMatch(/^\d+ current · [1-9]\d* out of date · [1-9]\d* missing$/);
    // The burn-down: one French point a day since the draft began, ending at today's current count.
    const frenchLine = page.locator('.language-burndown__line--fr');
    await expect(frenchLine.count()).resolves.toBe(1);
    const points = ((await frenchLine.getAttribute('points')) ?? '').split(' ');
    expect(points.length).toBeGreaterThan(1);
    const frenchToday = page.locator('.language-burndown tr[data-language="fr"] td').last();
    await expect(frenchToday.textContent()).resolves.toBe(counts!.split(' ')[0]);
    await expect(row('OP 9').locator('.badge').textContent()).resolves.toBe('Current');
    // Maranu added words to what the zero draft numbered OP 10 (b) after the French was done: the
    // demo's one out-of-date paragraph (OP 11 (b) since Rev 1 added a paragraph before it).
    const changed = page.locator('tr.version-paragraph--out-of-date');
    await expect(changed.count()).resolves.toBe(1);
    await expect(
      changed.locator('.version-paragraph__redline ins').textContent(),
    ).resolves.toContain('and lessons learned');
    await changed.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await documented(page, 'side-by-side-en-fr');

    // A delegate adds words to OP 9 in the live draft.
    const maranu = await people.signIn('mru');
    const draft = await openDraft(maranu, accord.negotiationId, accord.documentId);
    const before = await accord.textEvents();
    await placeCursorAtEnd(draft, 'OP 9');
    await draft.keyboard.type(ADDED);
    await expect.poll(() => accord.textEvents()).toBeGreaterThan(before);

    // Its French is now out of date, and the translator sees what changed.
    await page.reload();
    const op9 = row('OP 9');
    await expect.poll(() => op9.locator('.badge').textContent()).toBe('Out of date');
    await expect(op9.locator('.version-paragraph__redline ins').textContent()).resolves.toContain(
      'Reports are published every year.',
    );

    // Re-translated, it is current again.
    await op9.getByRole('button', { name: 'Translation of OP 9' }).click();
    const editor = op9.getByRole('textbox');
    await editor.fill(`${await editor.inputValue()} Les rapports sont publiés chaque année.`);
    await op9.getByRole('button', { name: 'Save updated translation' }).click();
    await expect.poll(() => op9.locator('.badge').textContent()).toBe('Current');

    // The French version downloads as a Word file.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Word (DOCX)' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/-clean-fr\.docx$/);
    const bytes = await readFile(await file.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    expect(secretariat.errors).toEqual([]);
    expect(maranu.errors).toEqual([]);
    await maranu.context.close();
    await secretariat.context.close();
  });
});
