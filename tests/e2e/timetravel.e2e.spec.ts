// Time travel and the consensus dashboard in the browser: a delegate's words added to the live
// text are absent from the zero draft, which shows the paragraph as it was first circulated; the
// redline from the zero draft to now marks who inserted what; the dashboard charts consensus over
// time, lists the blocking objections with their statements, and draws the coalitions.
import { describe } from 'vitest';
import { openDraft, paragraphText, placeCursorAtEnd, screenshot } from './harness/browser.js';
import { expect, test } from './harness/fixture.js';

const ADDED = ' Maranu asks for yearly reporting.';

describe('time travel and the consensus dashboard', () => {
  test('time travel to the zero draft shows the original paragraph', async ({ accord, people }) => {
    const maranu = await people.signIn('mru');
    const page = await openDraft(maranu, accord.negotiationId, accord.documentId);
    const before = await accord.textEvents();
    await placeCursorAtEnd(page, 'OP 9');
    await page.keyboard.type(ADDED);
    await expect.poll(() => paragraphText(page, 'OP 9')).toContain(ADDED.trim());
    // Stored on the server before we travel (the past is read from the log).
    await expect.poll(() => accord.textEvents()).toBeGreaterThan(before);

    // From the live draft into the past: it opens at the latest revision, read-only.
    await page.getByRole('link', { name: 'Time travel' }).click();
    await page.getByText('Past state, read-only.').waitFor();
    await page.getByRole('heading', { name: 'The draft in the past' }).waitFor();
    await expect(page.locator('.past-text [contenteditable]').count()).resolves.toBe(0);

    // Back along the milestones with the keyboard: document created, then the zero draft.
    const scrubber = page.getByLabel('Point in the negotiation');
    await scrubber.focus();
    await page.keyboard.press('Home');
    await page.getByText('The document had no text yet at this point.').waitFor();
    await scrubber.focus();
    await page.keyboard.press('ArrowRight');
    await page.getByText(/^As of Zero draft issued/).waitFor();
    const past = (label: string) => page.locator(`.past-text .para[data-label="${label}"]`);
    // Rev 1 added a paragraph on schools before it: in the zero draft this one is still OP 8,
    // without the words added today, and the paragraph on schools is not there at all.
    await past('OP 8').waitFor();
    const original = await past('OP 8').textContent();
    expect(original).toMatch(/^Commit to strengthen heat-health surveillance/);
    expect(original).not.toContain(ADDED.trim());
    await expect(
      page.locator('.past-text .para', { hasText: 'Encourage education authorities' }).count(),
    ).resolves.toBe(0);
    // Positions and consensus as they were: nobody had stated anything yet.
    await page.getByText(/^0 agreed ad ref · 0 contested/).waitFor();
    await screenshot(page, 'timetravel-zero-draft');

    // The redline from the zero draft to now, attributed.
    // The comparison starts from the point on screen.
    await expect(
      page.getByLabel('From', { exact: true }).locator('option:checked').textContent(),
    ).resolves.toMatch(/^Zero draft issued/);
    await page.getByLabel('To', { exact: true }).selectOption('now');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByText('Comparison, read-only.').waitFor();
    const schools = page.locator('.redline__para--added', {
      hasText: 'Encourage education authorities',
    });
    await expect(schools.locator('ins.redline__insert').getAttribute('data-by')).resolves.toBe(
      'STR',
    );
    const op9 = page.locator('.redline__para[data-label="OP 9"]');
    const inserted = op9.locator('ins.redline__insert', { hasText: 'yearly reporting' });
    await expect(inserted.getAttribute('data-by')).resolves.toBe('MRU');
    await expect(inserted.getAttribute('title')).resolves.toContain(
      'Federated Islands of Maranu (MRU)',
    );
    await screenshot(page, 'timetravel-redline');

    // And back to the live draft, which can be written again.
    await page.getByRole('link', { name: 'Back to the live draft' }).click();
    await page.locator('.connection[data-state="synced"]').waitFor();
    await expect(paragraphText(page, 'OP 9')).resolves.toContain(ADDED.trim());
    expect(maranu.errors).toEqual([]);
    await maranu.context.close();
  });

  test('the dashboard charts consensus over time, the blocking objections and the coalitions', async ({
    accord,
    people,
  }) => {
    const chair = await people.signIn('chair1');
    const { page } = chair;
    await page.goto(
      `/negotiations/${accord.negotiationId}/documents/${accord.documentId}/consensus`,
    );
    await page.getByRole('heading', { name: 'Consensus over time' }).waitFor();
    // One bar per day the document moved, the revisions named under theirs.
    await page.locator('.chart__bar').first().waitFor();
    expect(await page.locator('.chart__bar').count()).toBeGreaterThan(3);
    await page.locator('.chart__revision', { hasText: 'Zero draft' }).waitFor();
    await page.locator('.chart__revision', { hasText: 'Rev 1' }).waitFor();
    // The last bar is today's record: two paragraphs agreed ad ref, two contested.
    const lastBar = await page.locator('.chart__bar title').last().textContent();
    expect(lastBar).toMatch(/2 agreed ad ref, \d+ open, 2 contested/);

    // Ostreva's objection to PP 9, in its own words.
    const pp9 = page.locator('.objections__item', {
      has: page.getByRole('link', { name: 'PP 9' }),
    });
    await pp9.getByText('Union of Ostreva').waitFor();
    expect(await pp9.locator('blockquote').count()).toBeGreaterThan(0);

    // Coalitions appear once the groups' positions count.
    await page.getByLabel('Count positions taken from negotiating groups').check();
    await page.getByRole('heading', { name: 'Coalition 1' }).waitFor();
    await screenshot(page, 'consensus-dashboard', { fullPage: true });
    expect(chair.errors).toEqual([]);
    await chair.context.close();
  });
});
