// The chair's work beyond the text itself, in real browsers against the real server: revising an
// amendment and merging it into a chair's compromise that is then accepted; the export picker's
// comparison as a Word file with tracked changes; importing a Markdown draft after checking what
// was recognised; and a roundtable paper signed off by both co-chairs, issued, and downloaded
// byte for byte as its fingerprint says. Each step is checked on screen and in the server's record.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { describe } from 'vitest';
import { openDraft, paragraph, paragraphText, screenshot, selectWords } from './harness/browser.js';
import type { z } from 'zod';
import {
  amendmentListSchema,
  documentSchema,
  documentSummaryListSchema,
  roundtableListSchema,
  roundtableSchema,
} from './harness/api-shapes.js';
import { docxBody } from './harness/documents.js';
import { expect, test } from './harness/fixture.js';
import { releaseOpenSegment } from './harness/segments.js';

/** Calls the API from inside a page, so the request carries that person's session cookie. */
async function call(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const answer = await page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, text };
    },
    { method, path, body },
  );
  return { status: answer.status, body: answer.text ? JSON.parse(answer.text) : null };
}

/** GETs a path as the page's person and checks the answer against what the test will read. */
async function get<T>(page: Page, path: string, schema: z.ZodType<T>): Promise<T> {
  const answer = await call(page, 'GET', path);
  expect(answer.status, `GET ${path}`).toBe(200);
  return schema.parse(answer.body);
}

async function goToParagraph(page: Page, label: string): Promise<void> {
  await page.getByLabel('Go to paragraph').selectOption({ label });
  await page.getByRole('heading', { name: `Paragraph ${label}` }).waitFor();
}

async function dismissToast(page: Page, message: string): Promise<void> {
  const toast = page.locator('li.toast', { hasText: message });
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await toast.waitFor({ state: 'detached' });
}

/** Clicks what starts a download and returns the file's suggested name and bytes. */
async function download(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; bytes: Buffer }> {
  const [file]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** A select by the words of its field's label (its accessible name also holds the chosen option). */
const selectField = (scope: Locator, label: string) =>
  scope
    .locator('label.field')
    .filter({ has: scope.page().locator('.field__label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('select');

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the chair console, merging, exports, imports and roundtable papers', () => {
  test('a delegate revises, the chair merges it into a compromise and accepts that', async ({
    accord,
    people,
  }) => {
    const losa = await people.signIn('mru');
    const chair = await people.signIn('chair1');
    const mru = await openDraft(losa, accord.negotiationId, accord.documentId);
    const ch = await openDraft(chair, accord.negotiationId, accord.documentId);
    // The finance paragraph, wherever earlier decisions have numbered it.
    const { paragraphs } = await get(mru, `/api/documents/${accord.documentId}`, documentSchema);
    const label = paragraphs.find((p) => p.text.includes('heat adaptation in developing'))!.label!;
    const original = await paragraphText(mru, label);
    expect(original).toContain('heat adaptation in developing countries,');
    const amendmentsPath = `/api/documents/${accord.documentId}/amendments`;

    // Losa revises her delegation's pending amendment to it.
    await goToParagraph(mru, label);
    const ownCard = mru.locator('article.amendment', { hasText: 'small island developing' });
    await ownCard.getByRole('button', { name: 'Revise' }).click();
    const revised =
      ', in particular small island developing States, the least developed countries and ' +
      'landlocked developing countries';
    await ownCard.getByLabel('Proposed words').fill(revised);
    await ownCard.getByRole('button', { name: 'Save the revision' }).click();
    await dismissToast(mru, 'Amendment revised.');
    await ownCard.getByText(/· revised once$/).waitFor();
    await ownCard.locator('ins', { hasText: 'landlocked developing countries' }).waitFor();
    const afterRevision = await get(mru, amendmentsPath, amendmentListSchema);
    const mine = afterRevision.find(
      (a) => a.sponsor.shortCode === 'MRU' && a.proposal.proposedText === revised,
    );
    expect(mine).toMatchObject({ status: 'pending', revision: 2, chairsCompromise: false });

    // The chair sees the revised words and tables a compromise on the same paragraph.
    await goToParagraph(ch, label);
    const mruOnChair = ch.locator('article.amendment', { hasText: 'landlocked developing' });
    await mruOnChair.waitFor();
    await selectWords(ch, label, 'developing countries');
    await ch.getByText('Selected: “developing countries”').waitFor();
    await ch.getByRole('button', { name: 'Table an amendment' }).click();
    await ch.getByText('As chair, what you table here is a chair’s compromise').waitFor();
    const compromiseWords =
      'developing countries, first those most exposed to extreme heat and least able to pay for adaptation';
    await ch.locator('form.amendment-form').getByLabel('Proposed words').fill(compromiseWords);
    await ch
      .locator('form.amendment-form')
      .getByLabel(/^Rationale/)
      .fill('Brings the island and least-developed concerns into one criterion of need.');
    await ch.getByRole('button', { name: 'Table the amendment' }).click();
    await dismissToast(ch, `Amendment to ${label} tabled.`);
    const compromiseOnChair = ch.locator('article.amendment', { hasText: 'least able to pay' });
    await compromiseOnChair.getByText('Chair’s compromise', { exact: true }).waitFor();
    const tabled = await get(ch, amendmentsPath, amendmentListSchema);
    const compromise = tabled.find((a) => a.proposal.proposedText === compromiseWords)!;
    expect(compromise).toMatchObject({
      chairsCompromise: true,
      status: 'pending',
      paragraphId: mine!.paragraphId,
    });

    // Merge Losa's amendment into it.
    await mruOnChair.getByRole('button', { name: 'Merge into a compromise' }).click();
    const into = mruOnChair.getByLabel('Chair’s compromise');
    expect(await into.locator('option:checked').textContent()).toBe(
      `${label}: “${compromiseWords.slice(0, 60)}…”`,
    );
    await mruOnChair.getByRole('button', { name: 'Merge', exact: true }).click();
    // Both are told; each reads the note and dismisses it, as it would cover the panel's end.
    await dismissToast(ch, 'Amendment merged into the chair’s compromise.');
    await dismissToast(mru, 'Your delegation’s amendment was merged into a compromise.');
    await compromiseOnChair.getByText('Merges the amendments of').waitFor();
    await compromiseOnChair.locator('abbr.chip', { hasText: 'MRU' }).waitFor();
    const merged = (await get(ch, amendmentsPath, amendmentListSchema)).find(
      (a) => a.amendmentId === mine!.amendmentId,
    );
    expect(merged).toMatchObject({ status: 'merged', mergedInto: compromise.amendmentId });

    // Both see it as merged into the compromise that names the delegation.
    const mergedNote = `Merged into the chair’s compromise on ${label}: “${compromiseWords.slice(0, 60)}…”`;
    for (const page of [ch, mru]) {
      await page.getByRole('button', { name: /^Show decided and withdrawn/ }).click();
      const card = page.locator('article.amendment--merged', { hasText: 'landlocked' });
      await card.locator('.badge', { hasText: 'Merged' }).waitFor();
      await card.getByText(mergedNote).waitFor();
      const bridge = page.locator('article.amendment', { hasText: 'least able to pay' });
      await bridge.getByText('Merges the amendments of').waitFor();
      expect(await bridge.locator('.amendment__merged abbr.chip').allTextContents()).toEqual([
        'MRU',
      ]);
    }
    await screenshot(ch, 'merge');

    // The chair accepts the compromise: the text changes in both editors and on the server.
    await compromiseOnChair.getByRole('button', { name: 'Accept' }).click();
    const accepted = original.replace('developing countries', compromiseWords);
    await expect.poll(() => paragraphText(ch, label)).toBe(accepted);
    await expect.poll(() => paragraphText(mru, label)).toBe(accepted);
    const decided = (await get(mru, amendmentsPath, amendmentListSchema)).find(
      (a) => a.amendmentId === compromise.amendmentId,
    );
    expect(decided?.status).toBe('accepted');
    const document = await get(mru, `/api/documents/${accord.documentId}`, documentSchema);
    expect(document.paragraphs.find((p) => p.label === label)?.text).toBe(accepted);
    expect([...losa.errors, ...chair.errors]).toEqual([]);
    await losa.context.close();
    await chair.context.close();
  });

  test('the chair exports a comparison from the first revision to now as a Word file', async ({
    accord,
    people,
  }) => {
    const chair = await people.signIn('chair1');
    const { page } = chair;
    // A change since the first revision that the comparison must show: the chair accepts a deletion.
    await page.goto(`/negotiations/${accord.negotiationId}`);
    const pending = await get(
      page,
      `/api/documents/${accord.documentId}/amendments?status=pending`,
      amendmentListSchema,
    );
    const deletion = pending.find(
      (a) => a.proposal.originalText === ', irrespective of migration status',
    )!;
    expect(
      (await call(page, 'POST', `/api/amendments/${deletion.amendmentId}/accept`)).status,
    ).toBe(200);
    const document = await get(page, `/api/documents/${accord.documentId}`, documentSchema);
    const firstRevision = [...document.revisions].sort((a, b) => a.sequence - b.sequence)[0]!;

    await page.getByRole('link', { name: 'Chair console' }).click();
    await page.getByRole('heading', { name: 'Chair console', level: 1 }).waitFor();
    const card = page.locator('li.document-card', { hasText: document.title });
    await card.getByRole('link', { name: 'Open the draft' }).waitFor();
    await screenshot(page, 'chair-console');

    await card.getByRole('button', { name: 'Export…' }).click();
    await card.getByRole('radio', { name: /Comparison of two points/ }).check();
    await selectField(card, 'Format').selectOption({ label: 'Word (DOCX)' });
    const from = selectField(card, 'From');
    const first = (await from.locator('option').first().textContent())!;
    expect(first).toMatch(new RegExp(`^${firstRevision.label} \\(issued `));
    await from.selectOption({ label: first });
    await selectField(card, 'To').selectOption({ label: 'The text now' });
    const submit = card.getByRole('button', { name: 'Download' });
    expect(await submit.getAttribute('data-export-url')).toBe(
      `/api/documents/${accord.documentId}/export?` +
        new URLSearchParams({
          format: 'docx',
          variant: 'compare',
          from: `revision:${firstRevision.label}`,
          to: 'now',
        }).toString(),
    );
    await screenshot(page, 'export-picker');

    const file = await download(page, () => submit.click());
    expect(file.name).toMatch(/\.docx$/);
    await card.getByRole('status').getByText(`Saved as ${file.name}.`).waitFor();
    // A DOCX is a zip (PK\x03\x04) whose body records the changes as tracked revisions.
    expect(file.bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const body = await docxBody(file.bytes);
    expect(body).toMatch(/<w:(ins|del)\b/);
    expect(body).toContain('<w:del ');
    expect(body).toContain('irrespective of migration status');
    expect(chair.errors).toEqual([]);
    await chair.context.close();
  });

  test('the chair checks a Markdown draft, imports it and opens the new document', async ({
    accord,
    people,
  }) => {
    const chair = await people.signIn('chair1');
    const { page } = chair;
    const markdown = [
      '# Compact on Shaded Streets',
      '',
      '- Symbol: A/SHADE/2026/L.1',
      '',
      '---',
      '',
      '## Preamble',
      '',
      'Recognising that shade at street level lowers the heat people feel on foot,',
      '',
      'Noting that tree cover is thinnest where incomes are lowest,',
      '',
      '1. Encourage municipalities to:',
      '',
      '   (a) map the streets with the least shade before each summer;',
      '',
      '   (b) plant and water trees along those streets first;',
      '',
      '2. Invite development banks to fund shade on routes to schools and clinics;',
      '',
    ].join('\n');
    const documentsPath = `/api/negotiations/${accord.negotiationId}/documents`;
    await page.goto(`/negotiations/${accord.negotiationId}/chair`);
    await page.getByRole('heading', { name: 'Import a draft' }).waitFor();
    const before = await get(page, documentsPath, documentSummaryListSchema);

    const form = page.locator('form.import-form');
    await form.getByLabel('Draft file (.docx or .md)').setInputFiles({
      name: 'shaded-streets.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(markdown),
    });
    await form.getByRole('button', { name: 'Check the file' }).click();
    const report = form.locator('section.import-report');
    await report.getByRole('heading', { name: 'What was recognised' }).waitFor();
    expect(await report.getByRole('list', { name: 'Paragraphs by kind' }).innerText()).toBe(
      ['1 heading', '2 PPs', '2 OPs', '2 sub-paragraphs', '7 paragraphs in all'].join('\n'),
    );
    await report
      .getByText(
        'Markdown · title in the draft: “Compact on Shaded Streets” · symbol in the draft: A/SHADE/2026/L.1',
      )
      .waitFor();
    await report.getByText('2 warnings').waitFor();
    await screenshot(page, 'import-report', { fullPage: true });
    // A check writes nothing.
    expect(await get(page, documentsPath, documentSummaryListSchema)).toHaveLength(before.length);

    await form.getByRole('button', { name: 'Import as a new document' }).click();
    await form
      .getByRole('status')
      .getByText('A new document with 7 paragraphs was created.')
      .waitFor();
    const after = await get(page, documentsPath, documentSummaryListSchema);
    expect(after).toHaveLength(before.length + 1);
    const created = after.find((d) => !before.some((b) => b.documentId === d.documentId))!;
    expect(created).toMatchObject({
      title: 'Compact on Shaded Streets',
      symbol: 'A/SHADE/2026/L.1',
    });
    // The console's list of documents shows it too.
    await page.locator('li.document-card', { hasText: 'Compact on Shaded Streets' }).waitFor();

    await form.getByRole('link', { name: 'Open the new draft' }).click();
    await paragraph(page, 'PP 1').waitFor();
    await page.locator('.connection[data-state="synced"]').waitFor();
    const expected: [string, string][] = [
      ['PP 1', 'Recognising that shade at street level lowers the heat people feel on foot,'],
      ['PP 2', 'Noting that tree cover is thinnest where incomes are lowest,'],
      ['OP 1', 'Encourage municipalities to:'],
      ['OP 1 (a)', 'map the streets with the least shade before each summer;'],
      ['OP 1 (b)', 'plant and water trees along those streets first;'],
      ['OP 2', 'Invite development banks to fund shade on routes to schools and clinics;'],
    ];
    for (const [label, text] of expected) expect(await paragraphText(page, label)).toBe(text);
    await page.locator('.draft-text', { hasText: 'Preamble' }).waitFor();
    const stored = await get(page, `/api/documents/${created.documentId}`, documentSchema);
    expect(stored.paragraphs.map((p) => [p.label, p.text])).toEqual([
      [null, 'Preamble'],
      ...expected,
    ]);
    expect(chair.errors).toEqual([]);
    await chair.context.close();
  });

  test('both co-chairs sign off, the chair issues version 1, and its PDF matches its fingerprint', async ({
    accord,
    people,
  }) => {
    // The demo's government-only segment keeps observers from the roundtables until released.
    await releaseOpenSegment(await people.api('chair1'), accord.negotiationId);
    const chair = await people.signIn('chair1');
    const nahrim = await people.signIn('nhr');
    const observer = await people.signIn('obs1');
    const ch = chair.page;
    const list = await get(
      ch,
      `/api/negotiations/${accord.negotiationId}/roundtables`,
      roundtableListSchema,
    );
    const roundtable = list.find((r) => r.theme === 'Working safely through the hottest hours')!;
    const address = `/negotiations/${accord.negotiationId}/roundtables/${roundtable.roundtableId}`;
    const recordPath = `/api/roundtables/${roundtable.roundtableId}`;

    // Before Nahrim signs, the chair may not issue.
    await ch.goto(address);
    await ch.getByRole('heading', { name: 'Working safely through the hottest hours' }).waitFor();
    const issue = ch.getByRole('button', { name: 'Issue version 1' });
    await issue.waitFor();
    expect(await issue.isDisabled()).toBe(true);
    await ch.getByText('Waiting for the sign-off of Republic of Nahrim.').waitFor();
    await ch.getByText('No paper issued yet').waitFor();

    // Nahrim signs off for her delegation.
    const nhr = nahrim.page;
    await nhr.goto(address);
    const draft = (await get(nhr, recordPath, roundtableSchema)).draft;
    await nhr.getByRole('button', { name: `Sign off draft ${draft} for your delegation` }).click();
    await nhr.getByText('Your delegation has signed off this draft.').waitFor();
    expect(await nhr.locator('.signoff__item--signed').count()).toBe(2);
    await screenshot(nhr, 'roundtable-signoff');
    const signed = await get(nhr, recordPath, roundtableSchema);
    expect(signed.signOffs.map((s) => s.stakeholder.shortCode).sort()).toEqual(['NHR', 'PEL']);

    // The chair's page follows live: the button is enabled and issues version 1.
    await ch.getByText(`Both co-chairs signed off draft ${draft}.`, { exact: false }).waitFor();
    await expect.poll(() => issue.isEnabled()).toBe(true);
    await issue.click();
    const version = ch.locator('li.roundtable__paper', {
      has: ch.getByRole('heading', { name: 'Version 1' }),
    });
    await version.waitFor();
    const issued = await get(ch, recordPath, roundtableSchema);
    expect(issued.papers.map((p) => p.version)).toEqual([1]);
    const recordedPdf = issued.papers[0]!.files.find((f) => f.format === 'pdf')!.sha256;

    // Downloaded twice, the PDF is the same bytes, whose SHA-256 is the fingerprint shown.
    const buttons = version.getByRole('group', { name: 'Download version 1' });
    const first = await download(ch, () => buttons.getByRole('button', { name: 'PDF' }).click());
    const second = await download(ch, () => buttons.getByRole('button', { name: 'PDF' }).click());
    expect(first.name).toMatch(/-v1\.pdf$/);
    expect(first.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(second.bytes.equals(first.bytes)).toBe(true);
    // And straight from the server, past any cache.
    const fresh = await ch.evaluate(async (url) => {
      const response = await fetch(url, { cache: 'no-store' });
      return Array.from(new Uint8Array(await response.arrayBuffer()));
    }, `${recordPath}/papers/1?format=pdf`);
    expect(Buffer.from(fresh).equals(first.bytes)).toBe(true);
    await version.getByText('SHA-256 fingerprints of the issued files').click();
    const shown = await version.locator('li', { hasText: 'PDF' }).locator('code').textContent();
    expect(shown).toBe(sha256(first.bytes));
    expect(recordedPdf).toBe(shown);
    await screenshot(ch, 'roundtable-issued', { fullPage: true });

    // An observer sees the issued version and has nothing to sign.
    const obs = observer.page;
    await obs.goto(address);
    await obs.getByRole('heading', { name: 'Version 1' }).waitFor();
    expect(await obs.getByRole('button', { name: /^Sign off/ }).count()).toBe(0);
    expect(await obs.getByRole('button', { name: /^Issue version/ }).count()).toBe(0);
    expect([...chair.errors, ...nahrim.errors, ...observer.errors]).toEqual([]);
    await Promise.all([chair, nahrim, observer].map((p) => p.context.close()));
  });
});
