// An observer follows the live text but cannot change it: the editor is read-only with the
// reason shown, typing changes nothing, and a write sent behind the browser's back is refused by
// the server (closed with 4403) and never reaches the document's log.
import * as Y from 'yjs';
import { describe } from 'vitest';
import { openDraft, paragraphText, placeCursorAtEnd, screenshot } from './harness/browser.js';
import { collabProbe } from './harness/collab-probe.js';
import { expect, test } from './harness/fixture.js';
import { releaseOpenSegment } from './harness/segments.js';

describe('an observer in the draft', () => {
  test('sees the text live and cannot type; the server refuses any attempt', async ({
    accord,
    people,
  }) => {
    // The demo's government-only segment hides the live text from observers: release it first.
    await releaseOpenSegment(await people.api('chair1'), accord.negotiationId);
    const observer = await people.signIn('obs1');
    const delegate = await people.signIn('osv');
    const obs = await openDraft(observer, accord.negotiationId, accord.documentId);
    const osv = await openDraft(delegate, accord.negotiationId, accord.documentId);

    expect(await obs.locator('.draft-text').getAttribute('contenteditable')).toBe('false');
    await screenshot(obs, 'draft-observer-read-only');
    expect(await obs.getByRole('note').first().textContent()).toContain(
      'As observer you follow the text',
    );
    const before = await accord.textEvents();
    const original = await paragraphText(obs, 'OP 10');

    // The observer tries to type…
    await placeCursorAtEnd(obs, 'OP 10');
    await obs.keyboard.type(' OBSERVER WORDS');
    await obs.keyboard.press('Enter');

    // …then a delegate types in the same paragraph; once the observer sees that, any change of
    // the observer's would have arrived too.
    await placeCursorAtEnd(osv, 'OP 10');
    await osv.keyboard.type(' Ostreva adds this.');
    await expect.poll(() => paragraphText(obs, 'OP 10')).toBe(`${original} Ostreva adds this.`);
    expect(await paragraphText(osv, 'OP 10')).toBe(`${original} Ostreva adds this.`);
    expect(await obs.locator('.connection').getAttribute('data-state')).toBe('synced');
    await screenshot(obs, 'draft-observer-live');

    // Behind the browser's back, with the observer's own session: refused and not stored.
    const afterDelegate = await accord.textEvents();
    expect(afterDelegate).toBeGreaterThan(before);
    const session = await people.api('obs1');
    const probe = collabProbe(accord.url, accord.documentId, session.cookie);
    await probe.synced;
    probe.doc.getXmlFragment('default').insert(0, [new Y.XmlText('forged')]);
    const closed = await probe.closed;
    probe.destroy();
    expect(closed.code).toBe(4403);
    expect(closed.reason).toMatch(/^write-refused/);
    expect(await accord.textEvents()).toBe(afterDelegate);
    expect(await paragraphText(osv, 'OP 10')).toBe(`${original} Ostreva adds this.`);
    expect([...observer.errors, ...delegate.errors]).toEqual([]);
  });
});
