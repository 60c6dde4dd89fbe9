// The screens around the draft: signing in, choosing a negotiation, its overview with who is
// online and what is new since the last visit (updated live), and the chair's invitation whose
// link, shown once, lets a new person create their account and join.
import { describe } from 'vitest';
import { screenshot } from './harness/browser.js';
import { documentSchema } from './harness/api-shapes.js';
import { expect, test } from './harness/fixture.js';

describe('the app around the draft', () => {
  test('signs in, shows the overview live, and says what is new since the last visit', async ({
    accord,
    people,
  }) => {
    const anonymous = await people.visitor();
    await anonymous.goto('/');
    await anonymous.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(anonymous, 'sign-in');
    await anonymous.context().close();

    const chair = await people.signIn('chair1');
    const { page } = chair;
    await page
      .getByRole('link', { name: /Global Compact/ })
      .first()
      .waitFor();
    await screenshot(page, 'negotiations');
    await page
      .getByRole('link', { name: /Global Compact/ })
      .first()
      .click();
    await page.getByText('Your first visit here').waitFor();
    expect(await page.getByTestId('identity').textContent()).toBe(
      'Amb. Helena Orvell — Republic of Veradia (VRD) · Chair',
    );

    // Someone else comes online: the overview shows it without a reload.
    const nahrim = await people.signIn('nhr');
    await nahrim.page.goto(`/negotiations/${accord.negotiationId}`);
    await page.locator('.participant--online', { hasText: 'Rania Haddour' }).waitFor();

    // Leave and come back: this visit is now the last one.
    await page.getByRole('link', { name: 'Open the draft' }).click();
    await page.locator('.draft-text').waitFor();
    await page.getByRole('link', { name: 'Overview' }).first().click();
    await page.getByText(/Nothing new since your last visit/).waitFor();

    // A delegation states a position meanwhile: the feed and the count update live.
    const delegate = await people.api('nhr');
    const document = await delegate.get(`/api/documents/${accord.documentId}`, documentSchema);
    const op2 = document.paragraphs.find((p) => p.label === 'OP 2')!;
    const answer = await fetch(`${accord.url}/api/documents/${accord.documentId}/positions`, {
      method: 'PUT',
      headers: { cookie: delegate.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ target: { kind: 'paragraph', id: op2.id }, stance: 'support' }),
    });
    expect(answer.status).toBe(200);
    await page.getByText(/^1 new since your last visit/).waitFor();
    await page.locator('.activity__item--new', { hasText: 'Republic of Nahrim' }).waitFor();
    await screenshot(page, 'negotiation-overview');
    expect([...chair.errors, ...nahrim.errors]).toEqual([]);
    await nahrim.context.close();
    await chair.context.close();
  });

  test('shows who stands where as a heatmap, now and at any milestone of the timeline', async ({
    accord,
    people,
  }) => {
    const delegate = await people.signIn('nhr');
    const { page } = delegate;
    await page.goto(
      `/negotiations/${accord.negotiationId}/documents/${accord.documentId}/consensus`,
    );
    await page.getByText('Live: as it stands now').waitFor();
    // PP 9: Ostreva objects; the island states hold their group's reservation.
    const pp9 = page.locator('table.heatmap tr', { has: page.getByRole('link', { name: 'PP 9' }) });
    await pp9.getByText('Contested').waitFor();
    expect(await pp9.locator('td.cell--objection').textContent()).toContain('OSV: Objection');
    expect(await pp9.locator('td.cell--reservation.cell--group').first().textContent()).toContain(
      'MRU: Reservation (as ACIS)',
    );
    await screenshot(page, 'consensus-heatmap');

    // Back to the document's creation: nobody had said anything yet.
    await page.getByLabel('Point in the negotiation').focus();
    await page.keyboard.press('Home');
    await page.getByText(/^As of Document created/).waitFor();
    await page.getByText(/^0 agreed ad ref · 0 contested/).waitFor();
    await page.getByRole('button', { name: 'Back to now' }).click();
    await page.getByText(/^2 agreed ad ref · 2 contested/).waitFor();
    expect(delegate.errors).toEqual([]);
    await delegate.context.close();
  });

  test('the chair invites a person, who accepts the link and joins as a delegate', async ({
    accord,
    people,
  }) => {
    const chair = await people.signIn('chair1');
    const { page } = chair;
    await page.goto(`/negotiations/${accord.negotiationId}/manage`);
    await page.getByRole('heading', { name: 'Participants and invitations' }).waitFor();
    await page.getByLabel('E-mail').fill('new.delegate@example.test');
    await page.getByLabel('Acts for').selectOption({ label: 'OSV — Union of Ostreva' });
    await page.getByRole('button', { name: 'Create the invitation' }).click();
    const link = await page.getByTestId('invitation-link').inputValue();
    expect(link).toMatch(/\/invitations\/[0-9a-f-]+#token=/);
    await page
      .locator('li', { hasText: 'new.delegate@example.test' })
      .getByText('Pending')
      .waitFor();
    await screenshot(page, 'manage-invitation');

    const guest = await people.visitor();
    await guest.goto(link);
    await guest.getByText('You are invited to').waitFor();
    // The token leaves the address bar at once.
    expect(guest.url()).not.toContain('token');
    await guest.getByLabel('Your name, as others will see it').fill('Mila Novak');
    await guest.getByLabel('Password').fill('a long enough password');
    await screenshot(guest, 'invitation');
    await guest.getByRole('button', { name: 'Accept the invitation' }).click();
    await guest.getByTestId('identity').waitFor();
    await expect
      .poll(() => guest.getByTestId('identity').textContent())
      .toBe('Mila Novak — Union of Ostreva (OSV) · Delegate');
    // The chair's list shows the invitation accepted, live.
    await page
      .locator('li', { hasText: 'new.delegate@example.test' })
      .getByText('Accepted')
      .waitFor();
    expect(chair.errors).toEqual([]);
    await guest.context().close();
    await chair.context.close();
  });
});
