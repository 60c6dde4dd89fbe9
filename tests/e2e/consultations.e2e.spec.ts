// A public consultation in the browser: the chair opens one on the latest revision, someone with
// the link answers it without an account (a fresh browser, nobody signed in), ties their words to
// a paragraph, and the chair's synthesis counts the answer, per question and per paragraph.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';
import { z } from 'zod';
import { expect, test } from './harness/fixture.js';

const DOCS_SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');

const synthesisSchema = z.looseObject({
  responses: z.number(),
  throughLink: z.number(),
  questions: z.array(
    z.looseObject({ options: z.array(z.looseObject({ label: z.string(), count: z.number() })) }),
  ),
  paragraphs: z.array(z.looseObject({ ref: z.string(), answers: z.number() })),
});

describe('consultations', () => {
  test('a public consultation answer is given without an account and the synthesis counts it', async ({
    accord,
    people,
  }) => {
    const chair = await people.signIn('chair1');
    const page = chair.page;
    await page.goto(`/negotiations/${accord.negotiationId}/consultations`);
    await page.getByRole('button', { name: 'Open a consultation' }).click();
    const form = page.locator('form.consultation-form');
    await form.getByLabel('Title').fill('Your views on Rev 1');
    const first = form.getByRole('group', { name: 'Question 1' });
    await first
      .getByRole('textbox', { name: 'Question' })
      .fill('What would you change, and where?');
    await form.getByRole('button', { name: 'Add a question' }).click();
    const second = form.getByRole('group', { name: 'Question 2' });
    await second
      .getByRole('textbox', { name: 'Question' })
      .fill('Should the text name outdoor workers?');
    await second.getByRole('textbox', { name: /^Choices/ }).fill('Yes\nNo');
    await form.getByRole('button', { name: 'Open the consultation' }).click();

    const link = await page.getByTestId('consultation-link').textContent();
    expect(link).toMatch(/\/consult\/[A-Za-z0-9_-]{43}$/);
    const consultationId = page.url().split('/').at(-1)!;

    // Someone with the link, in a browser where nobody has signed in.
    const visitor = await people.visitor();
    await visitor.goto(new URL(link!).pathname);
    await visitor.getByRole('heading', { name: 'Your views on Rev 1' }).waitFor();
    const open = visitor.getByRole('group', { name: '1. What would you change, and where?' });
    await open.getByRole('textbox').fill('Say plainly who pays for the cooling centres.');
    await open.locator('summary').click();
    await open.getByRole('checkbox').first().check();
    const choice = visitor.getByRole('group', { name: '2. Should the text name outdoor workers?' });
    await choice.getByLabel('Yes').check();
    await visitor.getByRole('button', { name: 'Send my answer' }).click();
    await visitor.getByTestId('public-thanks').waitFor();
    const cookies = await visitor.context().cookies();
    expect(cookies.map((c) => c.name)).toEqual(['accord_respondent']);

    // The chair's synthesis counts it.
    await page.goto(
      `/negotiations/${accord.negotiationId}/consultations/${consultationId}/synthesis`,
    );
    await expect
      .poll(() => page.getByTestId('synthesis-totals').textContent())
      .toContain('1 answer, 1 through the public link');
    await page.getByText('Say plainly who pays for the cooling centres.').first().waitFor();
    const api = await people.api('chair1');
    const synthesis = await api.get(
      `/api/consultations/${consultationId}/synthesis`,
      synthesisSchema,
    );
    expect(synthesis.responses).toBe(1);
    expect(synthesis.throughLink).toBe(1);
    expect(synthesis.questions[1]!.options).toEqual([
      expect.objectContaining({ label: 'Yes', count: 1 }),
      expect.objectContaining({ label: 'No', count: 0 }),
    ]);
    expect(synthesis.paragraphs[0]!.answers).toBe(1);

    // The demo's closed consultation on the zero draft, with its answers, for the screenshot.
    await page.goto(`/negotiations/${accord.negotiationId}/consultations`);
    await page.getByRole('link', { name: 'Public consultation on the zero draft' }).click();
    await page.getByRole('link', { name: 'Synthesis' }).click();
    await expect
      .poll(() => page.getByTestId('synthesis-totals').textContent())
      .toContain('7 answers, 5 through the public link');
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    await page.screenshot({
      path: path.join(DOCS_SCREENSHOTS, 'consultation-synthesis.png'),
      fullPage: true,
    });
    expect(chair.errors).toEqual([]);
  });
});
