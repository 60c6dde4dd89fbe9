// Private drafting in the browser against the real server: a delegate of Maranu drafts an
// amendment for the Alliance of Coastal and Island States; Pelenoa, also of the Alliance, sees and
// tables it; Halvard (in no group) and an observer never see the draft, and see the amendment
// once it is tabled.
import { describe } from 'vitest';
import { z } from 'zod';
import { documentSchema } from './harness/api-shapes.js';
import { expect, test } from './harness/fixture.js';
import { releaseOpenSegment } from './harness/segments.js';

const WORDS = 'Encourages coastal cities to share heat-shelter maps with island neighbours;';

describe('private drafting', () => {
  test('a group’s draft stays among its members until one of them tables it', async ({
    accord,
    people,
  }) => {
    // Every role reads the live record (the demo's government-only segment would hide it).
    await releaseOpenSegment(await people.api('chair1'), accord.negotiationId);
    const api = await people.api('mru');
    const document = await api.get(`/api/documents/${accord.documentId}`, documentSchema);
    const paragraph = document.paragraphs.find((p) => p.label?.startsWith('OP'))!;
    const stakeholders = await api.get(
      `/api/negotiations/${accord.negotiationId}/stakeholders`,
      z.array(
        z.looseObject({ stakeholderId: z.string(), kind: z.string(), shortCode: z.string() }),
      ),
    );
    const alliance = stakeholders.find((s) => s.kind === 'group' && s.shortCode === 'ACIS')!;
    const address = `/negotiations/${accord.negotiationId}/documents/${accord.documentId}?paragraph=${paragraph.id}`;
    const heading = `Paragraph ${paragraph.label}`;

    const maranu = await people.signIn('mru');
    await maranu.page.goto(address);
    await maranu.page.getByRole('heading', { name: heading }).waitFor();
    await maranu.page.getByRole('button', { name: 'Draft privately…' }).click();
    await maranu.page.getByLabel('Drafting for').selectOption(alliance.stakeholderId);
    await maranu.page.getByLabel('Change').selectOption('add-paragraph');
    await maranu.page
      .locator('.private-drafts__form')
      .getByLabel('Words', { exact: true })
      .fill(WORDS);
    await maranu.page.getByRole('button', { name: 'Start the draft' }).click();
    await maranu.page.getByText('Private draft started: only its members can see it.').waitFor();

    // Another member of the Alliance sees it, live or on opening the paragraph.
    const pelenoa = await people.signIn('pel');
    const pel = pelenoa.page;
    pel.on('dialog', (dialog) => void dialog.accept());
    await pel.goto(address);
    const card = pel.locator('.private-draft');
    await card.waitFor();
    expect(await card.getByLabel('Words', { exact: true }).inputValue()).toBe(WORDS);

    // Outside the Alliance: nothing of it.
    const halvard = await people.signIn('hlv');
    const observer = await people.signIn('obs1');
    for (const person of [halvard, observer]) {
      await person.page.goto(address);
      await person.page.getByRole('heading', { name: heading }).waitFor();
      expect(await person.page.content()).not.toContain(WORDS);
    }
    await halvard.page.getByText('No private drafts on this paragraph.').waitFor();
    expect(await observer.page.getByRole('heading', { name: 'Private drafts' }).count()).toBe(0);

    // Pelenoa tables it: a public amendment in the Alliance's name.
    await card.getByRole('button', { name: 'Table…' }).click();
    await pel.getByText('Tabled: the amendment is now on the record.').waitFor();
    for (const person of [halvard, observer]) {
      await person.page.reload();
      await person.page.getByText(WORDS).first().waitFor();
    }
    expect([...maranu.errors, ...pelenoa.errors, ...halvard.errors, ...observer.errors]).toEqual(
      [],
    );
  });
});
