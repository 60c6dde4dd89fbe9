// Breaking silence in the browser against the real server: the chair puts a fresh document under
// a silence procedure from the draft's banner; a delegate breaks it with a written statement; the
// chair's desk lists the silence as broken with that statement, and every role — another
// delegation, civil society, an observer — reads the statement on the draft.
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { screenshot } from './harness/browser.js';
import { expect, test } from './harness/fixture.js';
import { releaseOpenSegment } from './harness/segments.js';

const STATEMENT = 'Maranu cannot join consensus on the review clause as drafted.';

/** `YYYY-MM-DDTHH:mm` two hours from now in the page's own time zone, as datetime-local wants. */
const inTwoHours = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const d = new Date(Date.now() + 2 * 3_600_000);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
  });

describe('the silence procedure', () => {
  test('a delegate breaks silence with a statement the chair’s desk and everyone see', async ({
    accord,
    people,
  }) => {
    // A document of its own, so the demo's silences do not stand in the way.
    const api = await people.api('chair1');
    const created = (await api.send('POST', `/api/negotiations/${accord.negotiationId}/documents`, {
      title: 'Ministerial declaration on heat',
      symbol: 'A/HEAT/DECL',
      mode: 'formal',
      paragraphs: [
        { kind: 'preambular', text: 'Recalling the heat action partnership,' },
        { kind: 'operative', text: 'Decides to review progress at its next session;' },
      ],
    })) as { documentId: string };
    const address = `/negotiations/${accord.negotiationId}/documents/${created.documentId}`;

    const chair = await people.signIn('chair1');
    const ch = chair.page;
    ch.on('dialog', (dialog) => void dialog.accept());
    await ch.goto(address);
    await ch.getByText('Deadlines and silence procedure (chair)').click();
    await ch.getByLabel(/^Silence until/).fill(await inTwoHours(ch));
    await ch.getByRole('button', { name: 'Start silence procedure' }).click();
    await ch.getByText('Under silence procedure:').waitFor();

    const delegate = await people.signIn('mru');
    const mru = delegate.page;
    mru.on('dialog', (dialog) => void dialog.accept());
    await mru.goto(address);
    await mru.getByRole('button', { name: 'Break silence…' }).click();
    await mru.getByLabel(/^Statement of your delegation/).fill(STATEMENT);
    await mru.getByRole('button', { name: 'Break silence', exact: true }).click();
    await mru.getByText('Silence broken.').waitFor();

    // The chair's desk: the broken silence, with the statement, linked to the document.
    await ch.goto(`/negotiations/${accord.negotiationId}/chair`);
    const desk = ch.locator('section.desk');
    await desk.getByRole('heading', { name: 'Silence broken' }).waitFor();
    const item = desk.locator('li', { hasText: STATEMENT });
    await item.waitFor();
    expect(await item.getByRole('link').first().getAttribute('href')).toBe(address);
    await screenshot(ch, 'silence-broken-desk');

    // The statement is on the record for every role. The demo runs a government-only segment,
    // behind which civil society and observers read the record until the chair releases it; so
    // the chair closes and releases it first, and then they read the statement too.
    await releaseOpenSegment(api, accord.negotiationId);
    for (const key of ['pel', 'cso1', 'obs1']) {
      const person = await people.signIn(key);
      await person.page.goto(address);
      await person.page.getByText('Silence broken.').waitFor();
      await person.page.locator('.process-statements blockquote', { hasText: STATEMENT }).waitFor();
      expect(person.errors, key).toEqual([]);
    }
    expect([...chair.errors, ...delegate.errors]).toEqual([]);
  });
});
