// Recommendations in the browser: a civil-society member submits one for their organisation on a
// paragraph of the draft, a delegate takes it up in one step (the amendment is tabled for the
// delegation and linked to it), the chair accepts that amendment and issues a revision, and the
// recommendation's timeline shows the way it went — saved as a screenshot for the docs.
import { describe } from 'vitest';
import { z } from 'zod';
import { documented } from './harness/documented.js';
import { expect, test } from './harness/fixture.js';
import { releaseOpenSegment } from './harness/segments.js';

const wording =
  'Invite meteorological and health services to produce joint heat-health forecasts with named heat thresholds for each city, and encourage relevant international organizations to assist countries with sparse observation networks;';

const recommendationSchema = z.looseObject({
  recommendation: z.looseObject({
    fate: z.string(),
    uptake: z.array(
      z.looseObject({
        amendmentId: z.string(),
        delegation: z.looseObject({ name: z.string().nullable() }),
      }),
    ),
  }),
});
const amendmentSchema = z.looseObject({
  sponsor: z.looseObject({ name: z.string().nullable() }),
  proposal: z.looseObject({ kind: z.string(), proposedText: z.string() }),
});

describe('recommendations', () => {
  test('civil society submits one and a delegate takes it up as an amendment', async ({
    accord,
    people,
  }) => {
    const chair = await people.api('chair1');
    await releaseOpenSegment(chair, accord.negotiationId);

    // Healthy Cities Action Network puts forward new words for OP 9.
    const cso = await people.signIn('cso2');
    const page = cso.page;
    await page.goto(`/negotiations/${accord.negotiationId}`);
    await page.getByRole('link', { name: 'Recommendations' }).click();
    await page.getByRole('button', { name: 'Submit a recommendation' }).click();
    const form = page.locator('form.recommendation-form');
    await form.getByLabel('Title').fill('Named heat thresholds in joint forecasts');
    await form
      .getByLabel('Document')
      .selectOption({ label: 'Global Compact on Extreme Heat and Resilient Cities' });
    await form.locator('label', { hasText: 'OP 9' }).getByRole('checkbox').check();
    await form
      .getByLabel('Themes (separated by commas, at most five)')
      .fill('Early warning, Health');
    await form.getByLabel('Proposed wording').fill(wording);
    await form
      .getByLabel('Rationale')
      .fill('A forecast helps only when people know the level at which to act.');
    await form.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('heading', { name: 'Named heat thresholds in joint forecasts' }).waitFor();
    await page.getByText('Not taken up', { exact: true }).waitFor();
    const detailPath = new URL(page.url()).pathname;
    const recommendationId = detailPath.split('/').at(-1)!;

    // A delegate of Halvard takes it up: the amendment is pre-filled; they confirm it.
    const delegate = await people.signIn('hlv');
    await delegate.page.goto(detailPath);
    await delegate.page.getByRole('button', { name: 'Take up as amendment' }).click();
    const takeUp = delegate.page.locator('form.take-up');
    await expect.poll(() => takeUp.getByLabel('Proposed wording').inputValue()).toBe(wording);
    await expect
      .poll(() => takeUp.getByLabel('Paragraph', { exact: true }).inputValue())
      .not.toBe('');
    await takeUp.getByRole('button', { name: 'Table the amendment' }).click();
    await delegate.page
      .getByTestId('linked-amendment')
      .filter({ hasText: 'Taken up by Federal Republic of Halvard' })
      .waitFor();

    const { recommendation } = await chair.get(
      `/api/recommendations/${recommendationId}`,
      recommendationSchema,
    );
    expect(recommendation.fate).toBe('taken-up');
    const [uptake] = recommendation.uptake;
    expect(uptake?.delegation.name).toBe('Federal Republic of Halvard');
    const amendment = await chair.get(`/api/amendments/${uptake!.amendmentId}`, amendmentSchema);
    expect(amendment).toMatchObject({
      sponsor: { name: 'Federal Republic of Halvard' },
      proposal: { kind: 'replace', proposedText: wording },
    });

    // The chair accepts it and issues the next revision: the timeline follows.
    await chair.send('POST', `/api/amendments/${uptake!.amendmentId}/accept`, {});
    await chair.send('POST', `/api/documents/${accord.documentId}/revisions`, {});
    await page.reload();
    await page.getByText('Accepted into the text', { exact: true }).waitFor();
    const timeline = page.getByTestId('uptake-timeline');
    await timeline.getByText(/Taken up by Federal Republic of Halvard as an amendment/).waitFor();
    await timeline.getByText(/^In Rev 2$/).waitFor();
    await documented(page, 'recommendation-uptake');
    expect(cso.errors).toEqual([]);
    expect(delegate.errors).toEqual([]);
  });
});
