// Losing the connection while drafting: the draft says it is reconnecting, then offline, with the
// changes not sent yet; the words typed meanwhile are kept, and once the connection is back they
// reach the other delegation's editor and the indicator says everything is saved.
//
// The cut is real at the browser's edge: the page's /collab websocket runs through
// routeWebSocket, which the test closes and then refuses to reconnect until it lets it through.
import type { WebSocketRoute } from 'playwright-core';
import { describe } from 'vitest';
import { openDraft, paragraphText, placeCursorAtEnd, screenshot } from './harness/browser.js';
import { expect, test } from './harness/fixture.js';

const GOING_AWAY = 1001;
const TYPED = ' Typed while the line was down.';

describe('reconnection in the browser', () => {
  test('an edit made offline is shown as unsent, then reaches another client once reconnected', async ({
    accord,
    people,
  }) => {
    const maranu = await people.signIn('mru');
    const pelenoa = await people.signIn('pel');

    let cut = false;
    const open: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
    await maranu.page.routeWebSocket(/\/collab\//, (ws) => {
      if (cut) {
        void ws.close({ code: GOING_AWAY, reason: 'test: line down' });
        return;
      }
      open.push({ page: ws, server: ws.connectToServer() });
    });

    const mru = await openDraft(maranu, accord.negotiationId, accord.documentId);
    const pel = await openDraft(pelenoa, accord.negotiationId, accord.documentId);
    const before = await paragraphText(pel, 'OP 10');

    // The line goes down: the page's socket is closed and reconnecting is refused.
    cut = true;
    for (const { page, server } of open.splice(0)) {
      await server.close({ code: GOING_AWAY });
      await page.close({ code: GOING_AWAY, reason: 'test: line down' });
    }
    await mru.locator('.connection[data-state="reconnecting"]').waitFor();

    await placeCursorAtEnd(mru, 'OP 10');
    await mru.keyboard.type(TYPED);
    await mru.locator('.connection__unsent').waitFor();
    expect(await mru.locator('.connection').textContent()).toMatch(/not sent yet/);
    // And with the browser offline, it says so.
    await maranu.context.setOffline(true);
    await mru.locator('.connection[data-state="offline"]').waitFor();
    await mru.locator('.connection__unsent').waitFor();
    await mru.locator('.connection').scrollIntoViewIfNeeded();
    await screenshot(mru, 'draft-offline-unsent');
    // Nothing reached the other delegation meanwhile.
    expect(await paragraphText(pel, 'OP 10')).toBe(before);

    // The line comes back: the provider reconnects, sends what waited, and all is saved.
    await maranu.context.setOffline(false);
    cut = false;
    await mru.locator('.connection[data-state="synced"]').waitFor({ timeout: 30_000 });
    expect(await mru.locator('.connection__unsent').count()).toBe(0);
    await expect.poll(() => paragraphText(pel, 'OP 10')).toContain(TYPED.trim());
    expect(await paragraphText(mru, 'OP 10')).toContain(TYPED.trim());
    expect([...maranu.errors, ...pelenoa.errors]).toEqual([]);
    await maranu.context.close();
    await pelenoa.context.close();
  });
});
