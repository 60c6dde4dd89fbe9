// Two delegations draft the same paragraph at once: each sees the other's words arrive and the
// other's caret, labelled with their delegation and name.
import { describe } from 'vitest';
import { MESSAGE_AWARENESS, Reader, readAwarenessEntries } from '../bench/live/wire.js';
import { openDraft, paragraphText, placeCursorAtEnd, screenshot } from './harness/browser.js';
import { documentSchema } from './harness/api-shapes.js';
import { expect, test } from './harness/fixture.js';

describe('live drafting in the browser', () => {
  test('two delegates type in the same paragraph and see each other’s text and carets', async ({
    accord,
    people,
  }) => {
    const maranu = await people.signIn('mru');
    const pelenoa = await people.signIn('pel');
    // The awareness client ids each awareness frame from Pelenoa's tab speaks for.
    const pelSpeaksFor: number[] = [];
    pelenoa.page.on('websocket', (socket) => {
      if (!socket.url().includes('/collab')) return;
      socket.on('framesent', ({ payload }) => {
        if (typeof payload === 'string') return;
        const reader = new Reader(payload);
        if (reader.varUint() !== MESSAGE_AWARENESS) return;
        pelSpeaksFor.push(...readAwarenessEntries(reader).map((entry) => entry.clientId));
      });
    });
    const mru = await openDraft(maranu, accord.negotiationId, accord.documentId);
    const pel = await openDraft(pelenoa, accord.negotiationId, accord.documentId);

    await placeCursorAtEnd(mru, 'OP 9');
    await mru.keyboard.type(' Maranu adds these words.');
    await expect.poll(() => paragraphText(pel, 'OP 9')).toContain('Maranu adds these words.');

    await placeCursorAtEnd(pel, 'OP 9');
    await pel.keyboard.type(' Pelenoa answers.');
    await expect
      .poll(() => paragraphText(mru, 'OP 9'))
      .toContain('Maranu adds these words. Pelenoa answers.');
    await expect
      .poll(() => paragraphText(pel, 'OP 9'))
      .toContain('Maranu adds these words. Pelenoa answers.');

    // Each sees the other's caret, labelled by delegation (identities come from the server).
    await expect
      .poll(() => mru.locator('.collab-caret__label').allTextContents())
      .toContain('PEL · Henare Paulo');
    await expect
      .poll(() => pel.locator('.collab-caret__label').allTextContents())
      .toContain('MRU · Losa Tavake');
    // …and the other in the presence list.
    await expect
      .poll(() => mru.locator('.presence__name').allTextContents())
      .toContain('Henare Paulo (PEL)');
    expect(await mru.locator('.connection').getAttribute('data-state')).toBe('synced');
    await screenshot(mru, 'draft-delegate-live');

    // Maranu's caret moves elsewhere; Pelenoa's tab hears of it but sends only its own state:
    // an echo of Maranu's would be refused by the server after costing Pelenoa's budget.
    await placeCursorAtEnd(mru, 'OP 10');
    await mru.keyboard.type(' Noted.');
    await expect.poll(() => paragraphText(pel, 'OP 10')).toContain('Noted.');
    expect(pelSpeaksFor.length).toBeGreaterThan(0);
    expect(new Set(pelSpeaksFor).size).toBe(1);

    // What both typed is in the server's text, not just in the browsers.
    const chair = await people.api('chair1');
    const document = await chair.get(`/api/documents/${accord.documentId}`, documentSchema);
    expect(document.paragraphs.find((p) => p.label === 'OP 9')?.text).toContain(
      'Maranu adds these words. Pelenoa answers.',
    );
    expect([...maranu.errors, ...pelenoa.errors]).toEqual([]);
    await maranu.context.close();
    await pelenoa.context.close();
  });
});
