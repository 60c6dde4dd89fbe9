// The draft as a negotiation text, in the browser: a delegate brackets words and the chair
// removes the bracket; a paragraph agreed ad ref cannot be typed into; "who wrote what" shows two
// delegations' words in one paragraph; and an edit the server refuses (the paragraph was agreed
// ad ref while the delegate's words were on their way) comes back in a "Not saved" panel.
import type { Page, WebSocketRoute } from 'playwright-core';
import { describe } from 'vitest';
import { z } from 'zod';
import { documentSchema } from './harness/api-shapes.js';
import {
  openDraft,
  paragraph,
  paragraphText,
  placeCursorAtEnd,
  screenshot,
  selectWords,
} from './harness/browser.js';
import { expect, test } from './harness/fixture.js';

const bracketListSchema = z.looseObject({
  brackets: z.array(
    z.looseObject({ bracketId: z.string(), paragraphId: z.string(), words: z.string() }),
  ),
});

const bracketsIn = (page: Page, label: string) =>
  paragraph(page, label).locator('.bracket-mark--open').count();

describe('the draft as a negotiation text', () => {
  test('a delegate brackets words and the chair removes the bracket', async ({
    accord,
    people,
  }) => {
    const maranu = await people.signIn('mru');
    const chair = await people.signIn('chair1');
    const mru = await openDraft(maranu, accord.negotiationId, accord.documentId);
    const ch = await openDraft(chair, accord.negotiationId, accord.documentId);
    const before = await bracketsIn(ch, 'OP 9');

    const words = (await paragraphText(mru, 'OP 9')).trim().split(/\s+/).slice(1, 4).join(' ');
    await selectWords(mru, 'OP 9', words);
    await mru.locator('.brackets-section').getByRole('button', { name: 'Bracket' }).click();
    await mru.locator('.brackets-section form input').fill('pending consultations');
    await mru
      .locator('.brackets-section form')
      .getByRole('button', { name: 'Bracket', exact: true })
      .click();

    // Both browsers show the new bracket; the chair sees who placed it.
    await expect.poll(() => bracketsIn(mru, 'OP 9')).toBe(before + 1);
    await expect.poll(() => bracketsIn(ch, 'OP 9')).toBe(before + 1);
    await screenshot(ch, 'bracket-placed');

    await paragraph(ch, 'OP 9').click();
    const item = ch.locator('.bracket-item', { hasText: words });
    await expect.poll(() => item.textContent()).toContain('pending consultations');
    await item.getByRole('button', { name: 'Remove bracket' }).click();
    await expect.poll(() => bracketsIn(ch, 'OP 9')).toBe(before);
    await expect.poll(() => bracketsIn(mru, 'OP 9')).toBe(before);

    const api = await people.api('chair1');
    const list = await api.get(`/api/documents/${accord.documentId}/brackets`, bracketListSchema);
    expect(list.brackets.some((b) => b.words === words)).toBe(false);
    expect([...maranu.errors, ...chair.errors]).toEqual([]);
  });

  test('nobody can type into a paragraph agreed ad ref', async ({ accord, people }) => {
    const maranu = await people.signIn('mru');
    const mru = await openDraft(maranu, accord.negotiationId, accord.documentId);
    const locked = paragraph(mru, 'OP 1');
    expect(await locked.getAttribute('aria-description')).toMatch(/^Agreed ad ref: .* locked/);
    const before = await paragraphText(mru, 'OP 1');

    await placeCursorAtEnd(mru, 'OP 1');
    await mru.keyboard.type(' and more words');
    await mru.keyboard.press('Backspace');
    await mru.keyboard.press('Enter');
    expect(await paragraphText(mru, 'OP 1')).toBe(before);

    const api = await people.api('mru');
    const document = await api.get(`/api/documents/${accord.documentId}`, documentSchema);
    expect(document.paragraphs.find((p) => p.label === 'OP 1')?.text).toBe(before);
    await screenshot(mru, 'locked-paragraph');
    expect(maranu.errors).toEqual([]);
  });

  test('who wrote what shows two delegations’ words in one paragraph', async ({
    accord,
    people,
  }) => {
    const maranu = await people.signIn('mru');
    const pelenoa = await people.signIn('pel');
    const mru = await openDraft(maranu, accord.negotiationId, accord.documentId);
    const pel = await openDraft(pelenoa, accord.negotiationId, accord.documentId);
    await placeCursorAtEnd(mru, 'OP 10');
    await mru.keyboard.type(' Maranu wrote these words.');
    await expect.poll(() => paragraphText(pel, 'OP 10')).toContain('Maranu wrote these words.');
    await placeCursorAtEnd(pel, 'OP 10');
    await pel.keyboard.type(' Pelenoa wrote these.');
    await expect.poll(() => paragraphText(mru, 'OP 10')).toContain('Pelenoa wrote these.');

    await mru.getByRole('link', { name: 'Who wrote what' }).click();
    const op10 = mru.locator('.authorship__paragraph', {
      has: mru.locator('.authorship__label', { hasText: /^OP 10$/ }),
    });
    await expect.poll(() => op10.locator('.authorship__run').count()).toBeGreaterThan(1);
    const runs = await op10.locator('.authorship__run').evaluateAll((spans) =>
      spans.map((s) => ({
        who: s.getAttribute('data-stakeholder'),
        text: s.textContent ?? '',
        title: s.getAttribute('title') ?? '',
      })),
    );
    const maranuRun = runs.find((r) => r.text.includes('Maranu wrote these words.'));
    const pelenoaRun = runs.find((r) => r.text.includes('Pelenoa wrote these.'));
    expect(maranuRun?.who).toBeTruthy();
    expect(pelenoaRun?.who).toBeTruthy();
    expect(maranuRun?.who).not.toBe(pelenoaRun?.who);
    expect(maranuRun?.title).toMatch(/Losa Tavake/);
    await op10.scrollIntoViewIfNeeded();
    await screenshot(mru, 'who-wrote-what', { fullPage: true });
    expect([...maranu.errors, ...pelenoa.errors]).toEqual([]);
  });

  test('an edit refused by the server comes back in a "Not saved" panel', async ({
    accord,
    people,
  }) => {
    const maranu = await people.signIn('mru');
    // Hold the delegate's outgoing text frames, as a slow network would, while the chair agrees
    // the paragraph ad ref: the words then reach a paragraph that is locked.
    let holding = false;
    const held: (string | Buffer)[] = [];
    let toServer: WebSocketRoute | undefined;
    await maranu.page.routeWebSocket(/\/collab\//, (ws) => {
      const server = ws.connectToServer();
      toServer = server;
      ws.onMessage((message) => {
        if (holding) held.push(message);
        else server.send(message);
      });
    });
    const mru = await openDraft(maranu, accord.negotiationId, accord.documentId);
    const before = await paragraphText(mru, 'OP 11');

    holding = true;
    await placeCursorAtEnd(mru, 'OP 11');
    await mru.keyboard.type(' Words that arrive too late.');

    const chair = await people.api('chair1');
    const document = await chair.get(`/api/documents/${accord.documentId}`, documentSchema);
    const op11 = document.paragraphs.find((p) => p.label === 'OP 11')!;
    await chair.send('PUT', `/api/documents/${accord.documentId}/paragraphs/${op11.id}/status`, {
      status: 'agreed-ad-ref',
    });
    holding = false;
    for (const message of held.splice(0)) toServer?.send(message);

    const panel = mru.locator('.not-saved');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('Words that arrive too late.');
    // The text is the server's again, the page is connected and the paragraph is now locked.
    await expect.poll(() => paragraphText(mru, 'OP 11')).toBe(before);
    await expect.poll(() => mru.locator('.connection').getAttribute('data-state')).toBe('synced');
    await expect
      .poll(() => paragraph(mru, 'OP 11').getAttribute('aria-description'))
      .toMatch(/^Agreed ad ref: .* locked/);
    await screenshot(mru, 'not-saved-panel');

    // The user can go on working elsewhere: typing in another paragraph is saved.
    await placeCursorAtEnd(mru, 'OP 9');
    await mru.keyboard.type(' Still editing.');
    await expect
      .poll(async () => {
        const now = await chair.get(`/api/documents/${accord.documentId}`, documentSchema);
        return now.paragraphs.find((p) => p.label === 'OP 9')?.text ?? '';
      })
      .toContain('Still editing.');
    expect(maranu.errors.filter((e) => !/WebSocket|paragraph-locked|4423/.test(e))).toEqual([]);
  });
});
