// Civil society's voice seen from the draft, and the pledges' public review, in the browser: a
// delegate reading an amendment taken up from a recommendation follows its link to the
// recommendation; a civil-society member recommends a change from the paragraph panel with the
// form pre-filled; a pledger revises a pledge; and a visitor reads the review per objective.
import { describe } from 'vitest';
import { z } from 'zod';
import { documentSchema } from './harness/api-shapes.js';
import { expect, test } from './harness/fixture.js';
import { releaseOpenSegment } from './harness/segments.js';

const takenUpSchema = z.array(
  z.looseObject({
    amendmentId: z.string(),
    paragraphId: z.string(),
    status: z.string(),
    takenUpFrom: z
      .looseObject({
        recommendationId: z.string(),
        stakeholder: z.looseObject({ name: z.string().nullable() }),
      })
      .optional(),
  }),
);

describe('recommendations and pledges, from where people work', () => {
  test('the draft links amendments and paragraphs to recommendations', async ({
    accord,
    people,
  }) => {
    const chair = await people.api('chair1');
    await releaseOpenSegment(chair, accord.negotiationId);
    const amendments = await chair.get(
      `/api/documents/${accord.documentId}/amendments`,
      takenUpSchema,
    );
    const taken = amendments.find((a) => a.takenUpFrom !== undefined)!;
    expect(taken).toBeDefined();
    const document = await chair.get(`/api/documents/${accord.documentId}`, documentSchema);
    const paragraph = document.paragraphs.find((p) => p.id === taken.paragraphId)!;
    const address = `/negotiations/${accord.negotiationId}/documents/${accord.documentId}?paragraph=${paragraph.id}`;

    const delegate = await people.signIn('hlv');
    await delegate.page.goto(address);
    await delegate.page.getByRole('heading', { name: `Paragraph ${paragraph.label}` }).waitFor();
    if (taken.status !== 'pending')
      await delegate.page.getByRole('button', { name: /^Show decided and withdrawn/ }).click();
    await delegate.page.getByText(/recommendations? on this paragraph$/).waitFor();
    await delegate.page
      .getByRole('link', {
        name: `Taken up from ${taken.takenUpFrom!.stakeholder.name}’s recommendation`,
      })
      .click();
    await delegate.page.waitForURL(`**/recommendations/${taken.takenUpFrom!.recommendationId}`);

    const cso = await people.signIn('cso2');
    await cso.page.goto(address);
    await cso.page.getByRole('link', { name: 'Recommend a change to this paragraph' }).click();
    const form = cso.page.locator('form.recommendation-form');
    await expect
      .poll(() =>
        form.locator('label', { hasText: paragraph.label! }).getByRole('checkbox').isChecked(),
      )
      .toBe(true);
    expect(delegate.errors).toEqual([]);
    expect(cso.errors).toEqual([]);
  });

  test('a pledger revises a pledge, and a visitor reads the review', async ({ accord, people }) => {
    await releaseOpenSegment(await people.api('chair1'), accord.negotiationId);
    const pel = await people.signIn('pel');
    const { page } = pel;
    await page.goto(`/negotiations/${accord.negotiationId}/pledges`);
    await page.getByRole('button', { name: 'Register a pledge' }).click();
    const form = page.locator('form.pledge-form');
    await form.getByLabel('Title', { exact: true }).fill('Shade over island bus stops');
    await form.getByLabel('Commitments').fill('Put shade over every bus stop on the islands.');
    await form.getByLabel('Starts').fill('2026-01-01');
    await form.getByLabel('Ends').fill('2028-12-31');
    await form.getByLabel('Objective 2: Cool the places where people live and work').check();
    await form.getByRole('button', { name: 'Register a pledge' }).click();
    await page.getByRole('heading', { name: 'Shade over island bus stops', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Revise the pledge' }).click();
    const revise = page.locator('form.pledge-form').first();
    await revise.getByLabel('Title', { exact: true }).fill('Shade and water at island bus stops');
    await revise.getByLabel(/What changed/).fill('Water fountains too.');
    await revise.getByRole('button', { name: 'Save the revision' }).click();
    await page
      .getByRole('heading', { name: 'Shade and water at island bus stops', level: 1 })
      .waitFor();
    await expect.poll(() => page.getByTestId('pledge-step').count()).toBe(2);

    const visitor = await people.visitor();
    await visitor.goto(`/public/negotiations/${accord.negotiationId}/pledges`);
    await visitor.getByRole('link', { name: 'Review per objective' }).click();
    await visitor
      .getByRole('button', { name: 'Objective 2: Cool the places where people live and work' })
      .click();
    await visitor
      .getByTestId('review-row')
      .filter({ hasText: 'Shade and water at island bus stops' })
      .waitFor();
    expect(pel.errors).toEqual([]);
  });
});
