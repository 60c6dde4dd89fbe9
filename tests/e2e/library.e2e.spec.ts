// Agreed language at hand, in the browser: a delegate searches the library of adopted texts from
// the paragraph panel, inserts a passage at the cursor, and the citation is recorded as
// provenance — the server checked the words are in the draft and in the cited paragraph.
import { describe } from 'vitest';
import { z } from 'zod';
import { openDraft, paragraphText, placeCursorAtEnd, screenshot } from './harness/browser.js';
import { expect, test } from './harness/fixture.js';

const citationsSchema = z.looseObject({
  citations: z.array(
    z.looseObject({ ref: z.string(), title: z.string(), words: z.string(), intact: z.boolean() }),
  ),
});

describe('agreed language', () => {
  test('a delegate inserts precedent wording with its citation', async ({ accord, people }) => {
    const maranu = await people.signIn('mru');
    const page = await openDraft(maranu, accord.negotiationId, accord.documentId);
    await placeCursorAtEnd(page, 'OP 9');
    const section = page.locator('section.agreed-language');
    await section.getByRole('searchbox').fill('early warning system');
    await section.getByRole('button', { name: 'Search' }).click();
    const hit = section.locator('.agreed-language__hits li', {
      hasText: 'Agreed in Ministerial Declaration on Climate-Ready Coastal Cities, OP 1',
    });
    await hit.waitFor();
    expect(await hit.locator('mark').allTextContents()).toEqual(
      expect.arrayContaining(['early', 'warning']),
    );
    await screenshot(page, 'agreed-language-search');

    await hit.getByRole('button', { name: 'Insert at the cursor' }).click();
    const inserted =
      'Commit to ensuring that every city has a multi-hazard early warning system by 2030;';
    await expect.poll(() => paragraphText(page, 'OP 9')).toContain(inserted);
    await section
      .locator('.agreed-language__citations')
      .getByText(/Agreed in Ministerial Declaration on Climate-Ready Coastal Cities, OP 1/)
      .waitFor();

    const api = await people.api('chair1');
    const { citations } = await api.get(
      `/api/documents/${accord.documentId}/citations`,
      citationsSchema,
    );
    expect(citations).toEqual([
      expect.objectContaining({ ref: 'OP 1', words: inserted, intact: true }),
    ]);
    expect(maranu.errors).toEqual([]);
  });
});
