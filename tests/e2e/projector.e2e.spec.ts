// The projector view in the browser: an observer puts the room's screen on the projector page;
// it shows the paragraph the chair's cursor is in, follows the chair to another paragraph (with
// its open brackets drawn), and shows neither who is here nor any comment.
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { openDraft, placeCursorAtEnd, screenshot } from './harness/browser.js';
import { expect, test } from './harness/fixture.js';
import { releaseOpenSegment } from './harness/segments.js';

const currentLabel = (page: Page) =>
  page.locator('.projector__current .projector__label').textContent();

describe('the projector view', () => {
  test("follows the chair's cursor, shows brackets and hides presence and comments", async ({
    accord,
    people,
  }) => {
    // The demo's government-only segment hides the live text from observers: release it first.
    await releaseOpenSegment(await people.api('chair1'), accord.negotiationId);
    const chair = await people.signIn('chair1');
    const observer = await people.signIn('obs1');
    const ch = await openDraft(chair, accord.negotiationId, accord.documentId);
    await placeCursorAtEnd(ch, 'OP 9');

    // The chair's toolbar links to the projector page, for the room's screen.
    const address = `/negotiations/${accord.negotiationId}/documents/${accord.documentId}/projector`;
    expect(await ch.getByRole('link', { name: 'Projector view' }).getAttribute('href')).toBe(
      address,
    );

    const screen = observer.page;
    await screen.goto(address);
    await screen.locator('.projector .connection[data-state="synced"]').waitFor();
    await expect.poll(() => currentLabel(screen)).toBe('OP 9');

    // The chair moves on to OP 4, which carries open brackets: the projector follows.
    await placeCursorAtEnd(ch, 'OP 4');
    await expect.poll(() => currentLabel(screen)).toBe('OP 4');
    const current = screen.locator('.projector__current');
    await expect.poll(() => current.locator('.projector__bracket').count()).toBeGreaterThan(0);
    expect(await current.textContent()).toContain('[');

    // Read-only and for the room: nobody's presence, no comments, nothing to type into.
    expect(await screen.locator('.presence').count()).toBe(0);
    expect(await screen.locator('[class*="comment"]').count()).toBe(0);
    expect(await screen.getByText(/comment/i).count()).toBe(0);
    expect(await screen.locator('[contenteditable="true"]').count()).toBe(0);
    expect(await screen.getByRole('button', { name: 'Full screen' }).count()).toBe(1);
    await screenshot(screen, 'projector');
    expect([...chair.errors, ...observer.errors]).toEqual([]);
  });
});
