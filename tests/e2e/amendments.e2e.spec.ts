// The amendment cycle across three browsers: a delegate selects words and tables an amendment,
// another delegate states an objection to it, the chair accepts it — and the text changes in
// every open editor, with the news reaching the sponsor as it happens. A sub-amendment is shown
// nested under the amendment it changes and decided before it.
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { openDraft, paragraphText, screenshot, selectWords } from './harness/browser.js';
import { expect, test } from './harness/fixture.js';

const proposedCard = (page: Page) =>
  page.locator('article.amendment', { hasText: 'every three years' });

async function goToParagraph(page: Page, label: string): Promise<void> {
  await page.getByLabel('Go to paragraph').selectOption({ label });
  await page.getByRole('heading', { name: `Paragraph ${label}` }).waitFor();
}

describe('amendments in the browser', () => {
  // First in the file: the other test ends in formal mode.
  test('a sub-amendment is nested under its parent and decided before it', async ({
    accord,
    people,
  }) => {
    const halvard = await people.signIn('hlv');
    const kaldara = await people.signIn('kdr');
    const chair = await people.signIn('chair1');
    const hlv = await openDraft(halvard, accord.negotiationId, accord.documentId);
    const original = await paragraphText(hlv, 'OP 2');
    expect(original).toContain('every five years');

    await selectWords(hlv, 'OP 2', 'every five years');
    await hlv.getByRole('button', { name: 'Table an amendment' }).click();
    await hlv.getByLabel('Proposed words').fill('every six years');
    await hlv.getByRole('button', { name: 'Table the amendment' }).click();
    const tabled = hlv.locator('article.amendment', { hasText: 'every six years' }).first();
    await tabled.waitFor();
    const parentId = (await tabled.getAttribute('data-amendment-id'))!;
    const parentCard = (page: Page) =>
      page.locator(`article.amendment[data-amendment-id="${parentId}"]`);

    // Kaldara proposes other words for Halvard's amendment.
    const kdr = await openDraft(kaldara, accord.negotiationId, accord.documentId);
    await goToParagraph(kdr, 'OP 2');
    await parentCard(kdr).getByRole('button', { name: 'Amend this amendment' }).click();
    await kdr.getByLabel('Words in place of the proposed words').fill('every seven years');
    await kdr.getByRole('button', { name: 'Table the sub-amendment' }).click();
    const nestedSub = (page: Page) =>
      parentCard(page).locator('ol.amendment__subs article.amendment', {
        hasText: 'every seven years',
      });
    await nestedSub(kdr).waitFor();

    // The chair sees it nested; the parent waits for it.
    const ch = await openDraft(chair, accord.negotiationId, accord.documentId);
    await goToParagraph(ch, 'OP 2');
    await nestedSub(ch).waitFor();
    const acceptParent = parentCard(ch)
      .locator(':scope > .amendment__actions')
      .getByRole('button', { name: 'Accept' });
    expect(await acceptParent.isDisabled()).toBe(true);
    await parentCard(ch).getByText('Decide its sub-amendment first.').waitFor();
    await nestedSub(ch).scrollIntoViewIfNeeded();
    await screenshot(ch, 'sub-amendment-nested');

    // Accepting the sub-amendment changes the parent's words, not the text.
    await nestedSub(ch).getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => acceptParent.isDisabled()).toBe(false);
    await parentCard(ch)
      .locator(':scope > p.suggestion ins', { hasText: 'every seven years' })
      .waitFor();
    expect(await paragraphText(ch, 'OP 2')).toBe(original);

    // Then the parent, with the sub-amended words, goes into the text everywhere.
    await acceptParent.click();
    const accepted = original.replace('every five years', 'every seven years');
    await expect.poll(() => paragraphText(ch, 'OP 2')).toBe(accepted);
    await expect.poll(() => paragraphText(hlv, 'OP 2')).toBe(accepted);
    expect([...halvard.errors, ...kaldara.errors, ...chair.errors]).toEqual([]);
  });

  test('a delegate tables, another objects, the chair accepts and the text changes everywhere', async ({
    accord,
    people,
  }) => {
    const halvard = await people.signIn('hlv');
    const kaldara = await people.signIn('kdr');
    const chair = await people.signIn('chair1');
    const hlv = await openDraft(halvard, accord.negotiationId, accord.documentId);
    const kdr = await openDraft(kaldara, accord.negotiationId, accord.documentId);
    const original = await paragraphText(hlv, 'OP 12');
    expect(original).toContain('every two years');

    // Halvard selects the words and tables a replacement.
    await selectWords(hlv, 'OP 12', 'every two years');
    await hlv.getByText('Selected: “every two years”').waitFor();
    await hlv.getByRole('button', { name: 'Table an amendment' }).click();
    await hlv.getByLabel('Proposed words').fill('every three years');
    await hlv.getByLabel(/^Rationale/).fill('Two years is too short for cities to show results.');
    await screenshot(hlv, 'amendment-form');
    await hlv.getByRole('button', { name: 'Table the amendment' }).click();
    await proposedCard(hlv).waitFor();
    // Shown in place in the text as well, struck and underlined, marked with the sponsor.
    await hlv.locator('.draft-text ins.suggest-ins', { hasText: 'every three years' }).waitFor();
    await kdr.locator('.draft-text ins.suggest-ins', { hasText: 'every three years' }).waitFor();

    // Kaldara finds it on the paragraph and objects.
    await goToParagraph(kdr, 'OP 12');
    const card = proposedCard(kdr);
    await card.waitFor();
    await card.getByRole('button', { name: 'State your position' }).click();
    await card.getByRole('radio', { name: /Objection/ }).check();
    await card
      .getByLabel(/^Statement/)
      .fill('Kaldara cannot report more often than every four years.');
    await card.getByRole('button', { name: 'State the position' }).click();
    await card.getByText('1 objection').waitFor();
    await screenshot(kdr, 'positions-objection');
    // The sponsor sees the objection arrive, and is told.
    await proposedCard(hlv).getByText('1 objection').waitFor();
    await hlv.getByText('A position was stated on your delegation’s amendment.').waitFor();

    // The chair accepts it.
    const ch = await openDraft(chair, accord.negotiationId, accord.documentId);
    await goToParagraph(ch, 'OP 12');
    const chairCard = proposedCard(ch);
    await chairCard.getByText('1 objection').waitFor();
    await screenshot(ch, 'draft-chair-amendment');
    await chairCard.getByRole('button', { name: 'Accept' }).click();

    const accepted = original.replace('every two years', 'every three years');
    await expect.poll(() => paragraphText(hlv, 'OP 12')).toBe(accepted);
    await expect.poll(() => paragraphText(kdr, 'OP 12')).toBe(accepted);
    await expect.poll(() => paragraphText(ch, 'OP 12')).toBe(accepted);
    await hlv.getByText('Your delegation’s amendment was accepted.').waitFor();
    // No longer pending: gone from the list and from the text's proposals.
    await expect.poll(() => proposedCard(kdr).count()).toBe(0);
    await expect
      .poll(() =>
        kdr.locator('.draft-text ins.suggest-ins', { hasText: 'every three years' }).count(),
      )
      .toBe(0);
    await screenshot(hlv, 'draft-after-acceptance');

    // The chair gavels the paragraph: shaded as agreed ad ref in every editor.
    await ch.getByRole('button', { name: 'Gavel: agreed ad ref' }).click();
    await hlv.locator('.draft-text .para--agreed-ad-ref[data-label="OP 12"]').waitFor();
    await kdr.locator('.draft-text .para--agreed-ad-ref[data-label="OP 12"]').waitFor();

    // Issuing the next revision shows a summary first; once confirmed, everyone's header follows.
    await ch.getByRole('button', { name: 'Issue Rev 2' }).click();
    await ch.getByRole('button', { name: 'Issue Rev 2 now' }).click();
    await hlv.getByText('Current revision: Rev 2').waitFor();
    await ch.getByRole('button', { name: 'Issue Rev 3' }).waitFor();

    // Formal mode: delegations stop typing and are told why, at once.
    await ch.getByLabel('Mode').selectOption({ label: 'Formal' });
    await hlv.getByText(/Formal mode: only the chair and the secretariat edit the text/).waitFor();
    await expect
      .poll(() => hlv.locator('.draft-text').getAttribute('contenteditable'))
      .toBe('false');
    expect(await ch.locator('.draft-text').getAttribute('contenteditable')).toBe('true');
    await screenshot(ch, 'draft-chair-console');
    expect([...halvard.errors, ...kaldara.errors, ...chair.errors]).toEqual([]);
  });
});
