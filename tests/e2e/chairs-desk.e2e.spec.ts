// The chair's desk in the browser against the real server: the chair console opens on the
// decision queue (here the demo's standing objection of Halvard, linked to its paragraph); following
// the link and gavelling asks for a reason naming the objector; a delegate cannot read the desk.
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { screenshot } from './harness/browser.js';
import { expect, test } from './harness/fixture.js';

async function status(page: Page, path: string): Promise<number> {
  return page.evaluate(async (p) => (await fetch(p, { credentials: 'same-origin' })).status, path);
}

describe("the chair's desk", () => {
  test('lists objections to follow up and guards the gavel over them', async ({
    accord,
    people,
  }) => {
    const chair = await people.signIn('chair1');
    const delegate = await people.signIn('hlv');
    const ch = chair.page;
    await ch.goto(`/negotiations/${accord.negotiationId}/chair`);
    const desk = ch.locator('section.desk');
    await desk.getByRole('heading', { name: 'Chair’s desk' }).waitFor();
    await desk.getByText(/Halvard objects: Halvard cannot accept/).waitFor();
    await screenshot(ch, 'chairs-desk');

    // The item that names Halvard's objection links to its paragraph, opened in the draft.
    const item = desk.locator('li:has(> a)', { hasText: /Halvard objects/ });
    const link = item.getByRole('link').first();
    const label = (await link.textContent())!;
    expect(await link.getAttribute('href')).toMatch(/\?paragraph=/);
    await link.click();
    await ch.getByRole('heading', { name: `Paragraph ${label}` }).waitFor();
    await ch.getByRole('button', { name: 'Gavel: agreed ad ref' }).click();
    const question = ch.getByRole('form', { name: new RegExp(`still objects? to ${label}`) });
    await question
      .getByText(/Halvard/)
      .first()
      .waitFor();
    const agree = question.getByRole('button', { name: `Agree ${label} ad ref` });
    expect(await agree.isDisabled()).toBe(true);
    await question.getByRole('button', { name: 'Cancel' }).click();

    expect(await status(delegate.page, `/api/negotiations/${accord.negotiationId}/desk`)).toBe(403);
    expect([...chair.errors, ...delegate.errors]).toEqual([]);
  });
});
