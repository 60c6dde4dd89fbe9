// Pledges and follow-up, in the browser: a delegation registers an action pledge towards an
// objective of the adopted declaration, reports progress on it, sees it in the review of that
// objective, and a visitor with no account finds it, with its history, on the public page.
import { describe } from 'vitest';
import { seriousViolations } from './harness/axe.js';
import { documented } from './harness/documented.js';
import { expect, test } from './harness/fixture.js';
import { releaseOpenSegment } from './harness/segments.js';

const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('pledges and follow-up', () => {
  test('a pledge is registered, reported on, reviewed and shown on the public page', async ({
    accord,
    people,
  }) => {
    // The public page shows nothing said in a segment the public may not follow.
    await releaseOpenSegment(await people.api('chair1'), accord.negotiationId);
    const pel = await people.signIn('pel');
    const { page } = pel;
    await page.goto(`/negotiations/${accord.negotiationId}/pledges`);
    await page
      .getByRole('heading', { name: 'Port Aleva Declaration on Cooler Island Cities' })
      .waitFor();
    await page.getByRole('button', { name: 'Register a pledge' }).click();
    const form = page.locator('form.pledge-form');
    const title = 'Cool roofs on every island school';
    await form.getByLabel('Title', { exact: true }).fill(title);
    await form
      .getByLabel('Commitments')
      .fill('Paint the roofs of island schools white before the next hot season.');
    await form.getByLabel('Starts').fill(day(-200));
    await form.getByLabel('Ends').fill(day(700));
    await form.getByLabel('Indicator', { exact: true }).fill('Schools with a cool roof');
    await form.getByLabel('Target').fill('40');
    await form.getByLabel('Objective 2: Cool the places where people live and work').check();
    await form.getByRole('button', { name: 'Register a pledge' }).click();

    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const report = page.locator('form.pledge-form').first();
    await report.getByLabel('Status').selectOption('on-track');
    await report.getByLabel('Period from').fill(day(-40));
    await report.getByLabel('Period to').fill(day(-10));
    await report.getByLabel('Narrative').fill('Twelve schools painted, with parents’ help.');
    await report.getByLabel('Schools with a cool roof').fill('12');
    await report.getByRole('button', { name: 'Send the report' }).click();
    const steps = page.getByTestId('pledge-step');
    await expect.poll(() => steps.count()).toBe(2);
    await expect.poll(() => steps.nth(1).textContent()).toContain('Progress reported');
    // The pledge as it stood when registered: no report yet.
    await steps.nth(0).click();
    await expect
      .poll(() => page.getByTestId('pledge-as-of').textContent())
      .toContain('No report yet.');

    await page.goto(`/negotiations/${accord.negotiationId}/pledges/review`);
    await page
      .getByRole('button', { name: 'Objective 2: Cool the places where people live and work' })
      .click();
    const row = page.getByTestId('review-row').filter({ hasText: title });
    await row.waitFor();
    expect(await row.textContent()).toContain('On track');
    await page.locator('.pledge-trend svg').waitFor();
    await documented(page, 'pledge-review');
    expect(await seriousViolations(page)).toEqual([]);

    // A fresh browser, nobody signed in.
    const visitor = await people.visitor();
    await visitor.goto(`/public/negotiations/${accord.negotiationId}/pledges`);
    await visitor.getByRole('link', { name: title }).click();
    await visitor.getByRole('heading', { name: title, level: 1 }).waitFor();
    await expect.poll(() => visitor.getByTestId('pledge-step').count()).toBe(2);
    expect(await visitor.getByTestId('pledge-as-of').textContent()).toContain(
      'Twelve schools painted',
    );
    expect(await seriousViolations(visitor)).toEqual([]);
    expect(pel.errors).toEqual([]);
  });
});
