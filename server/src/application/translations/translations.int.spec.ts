/**
 * Language versions on a real server: the secretariat translates a paragraph into French, a
 * delegation may not; the French goes out of date when the original changes (an accepted
 * amendment), shows the redline of what changed, and is current again once re-translated; a
 * translation made against older words is refused. The French, Arabic and Chinese exports are
 * read back as a recipient's software would: DOCX (bidi for Arabic, Noto fonts named), PDF (the
 * words come out, so the fonts hold their glyphs) and Akoma Ntoso (valid, carrying the language).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanguageVersionView, TranslationsSummary } from '@accord/shared';
import {
  createNegotiationFixture,
  type NegotiationFixture,
} from '../../test-support/negotiation-fixture.js';
import { openDocx, pdfText, validateAkomaNtoso } from '../../test-support/documents.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

const FRENCH = 'Décident de renforcer les systèmes d’alerte.';
const FRENCH_AGAIN = 'Décident résolument de renforcer les systèmes d’alerte.';
const ARABIC = 'تقرر تعزيز نظم الإنذار المبكر.';
const CHINESE = '决定加强预警系统。';

describe('language versions', () => {
  let server: TestServer;
  let fx: NegotiationFixture;
  let documentId: string;
  let paragraphId: string;

  const version = async (language = 'fr') => {
    const res = await fx.clients.delegate.get<LanguageVersionView>(
      `/api/documents/${documentId}/translations/${language}`,
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const paragraphOf = async (language = 'fr') =>
    (await version(language)).paragraphs.find((p) => p.paragraphId === paragraphId)!;
  const translate = (
    who: keyof NegotiationFixture['clients'],
    text: string,
    originalFingerprint: string,
    language = 'fr',
  ) =>
    fx.clients[who].put(
      `/api/documents/${documentId}/translations/${language}/paragraphs/${paragraphId}`,
      { text, originalFingerprint },
    );
  const exported = async (query: string) => {
    const res = await fetch(`${server.url}/api/documents/${documentId}/export?${query}`, {
      headers: { cookie: fx.clients.delegate.cookie! },
    });
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    server = await startTestServer();
    fx = await createNegotiationFixture(server);
    documentId = fx.documents.formal;
    paragraphId = (await fx.paragraphIds(documentId))[1]!;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('starts with every paragraph missing in the five other languages', async () => {
    const res = await fx.clients.observer.get<TranslationsSummary>(
      `/api/documents/${documentId}/translations`,
    );
    expect(res.status).toBe(200);
    expect(res.body.original.language).toBe('en');
    expect(res.body.languages.map((l) => l.language)).toEqual(['ar', 'zh', 'fr', 'ru', 'es']);
    for (const l of res.body.languages) expect(l.counts.missing).toBe(l.counts.total);
    expect(res.body.languages.find((l) => l.language === 'ar')!.dir).toBe('rtl');
  });

  it('lets the secretariat translate a paragraph, not a delegation', async () => {
    const before = await paragraphOf();
    expect(before.status).toBe('missing');
    const refused = await translate('delegate', FRENCH, before.original.fingerprint);
    expect(refused.status).toBe(403);
    const done = await translate('secretariat', FRENCH, before.original.fingerprint);
    expect(done.status).toBe(200);
    const after = await paragraphOf();
    expect(after.status).toBe('current');
    expect(after.translation?.text).toBe(FRENCH);
    expect(after.translation?.translatedBy.stakeholderId).toBe(fx.stakeholders.secretariat);
    expect(after.redline).toBeNull();
    expect((await version()).counts.current).toBe(1);
  });

  it('refuses the original’s language and an unknown one', async () => {
    const { original } = await paragraphOf();
    expect((await translate('secretariat', FRENCH, original.fingerprint, 'en')).status).toBe(422);
    expect((await translate('secretariat', FRENCH, original.fingerprint, 'de')).status).toBe(422);
  });

  it('goes out of date when the original changes, with the redline, and is current again once re-translated', async () => {
    const stale = (await paragraphOf()).original.fingerprint;
    const tabled = await fx.clients.delegate2.post<{ amendmentId: string }>(
      `/api/documents/${documentId}/amendments`,
      {
        paragraphId,
        kind: 'insert',
        range: { start: 0, end: 0 },
        proposedText: 'Resolutely ',
        rationale: 'Firmer',
      },
    );
    expect(tabled.status).toBe(201);
    const accepted = await fx.clients.chair.post(
      `/api/amendments/${tabled.body.amendmentId}/accept`,
      {},
    );
    expect(accepted.status).toBe(200);

    const outOfDate = await paragraphOf();
    expect(outOfDate.status).toBe('out-of-date');
    expect(outOfDate.original.text.startsWith('Resolutely ')).toBe(true);
    expect(outOfDate.translation?.text).toBe(FRENCH);
    expect(outOfDate.redline!.filter((r) => r.op !== 'equal')).toEqual([
      { op: 'insert', text: 'Resolutely ' },
    ]);
    expect((await version()).counts).toMatchObject({ current: 0, outOfDate: 1 });

    // A translation of the words the translator saw before the change is refused.
    const late = await translate('secretariat', FRENCH_AGAIN, stale);
    expect(late.status).toBe(409);
    expect((late.body as { type: string }).type).toBe('urn:accord:problem:original-changed');

    const again = await translate('secretariat', FRENCH_AGAIN, outOfDate.original.fingerprint);
    expect(again.status).toBe(200);
    const current = await paragraphOf();
    expect([current.status, current.translation?.text]).toEqual(['current', FRENCH_AGAIN]);
  });

  it('exports the French version as DOCX, PDF and Akoma Ntoso', async () => {
    const docx = await exported('format=docx&language=fr');
    expect(docx.res.status).toBe(200);
    expect(docx.res.headers.get('content-disposition')).toMatch(/-clean-fr\.docx/);
    const body = await (await openDocx(docx.bytes)).part('word/document.xml');
    expect(body).toContain('Décident résolument');
    expect(body).toContain('[Traduction manquante]');
    expect(body).not.toContain('Resolutely');

    const pdf = await pdfText((await exported('format=pdf&language=fr')).bytes);
    expect(pdf.replace(/\s+/g, ' ')).toContain('Décident résolument de renforcer');
    expect(pdf).toContain('Texte mis au propre');

    const akn = Buffer.from((await exported('format=akn&language=fr')).bytes).toString('utf8');
    const check = await validateAkomaNtoso(akn, 'fr.akn.xml');
    expect(check.errors).toEqual([]);
    expect(akn).toMatch(/<FRBRlanguage language="fra"/);
    expect(akn).toMatch(/xml:lang="fr"/);
    expect(akn).toContain('Décident résolument');
  }, 60_000);

  it('exports Arabic right to left and Chinese in fonts that hold their glyphs', async () => {
    for (const [language, text] of [
      ['ar', ARABIC],
      ['zh', CHINESE],
    ] as const) {
      const { original } = await paragraphOf(language);
      expect((await translate('secretariat', text, original.fingerprint, language)).status).toBe(
        200,
      );
    }
    const arabic = await (
      await openDocx((await exported('format=docx&language=ar')).bytes)
    ).part('word/document.xml');
    expect(arabic).toContain(ARABIC);
    expect(arabic).toMatch(/<w:bidi\/>/);
    expect(arabic).toMatch(/<w:rtl\/>/);
    const styles = await (
      await openDocx((await exported('format=docx&language=zh')).bytes)
    ).part('word/styles.xml');
    expect(styles).toContain('Noto Sans CJK SC');
    expect(styles).toContain('Noto Naskh Arabic');

    // pdf.js gives back the characters only when the embedded font maps them.
    const chinese = await pdfText((await exported('format=pdf&language=zh')).bytes);
    expect(chinese).toContain(CHINESE);
    const arabicPdf = await pdfText((await exported('format=pdf&language=ar')).bytes);
    expect(arabicPdf).toMatch(/[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]/);
  }, 60_000);

  it('refuses a language version of a past point or another variant', async () => {
    const past = await exported('format=docx&language=fr&variant=compilation');
    expect(past.res.status).toBe(422);
  });
});
