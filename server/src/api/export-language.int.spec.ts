// The language of an export's labels on a real server: the reader's interface language by
// default, `?lang=` over it, and a language version's own language for its export; and the
// language versions' burn-down, day by day, counting a translation on the day it is made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanguageVersionView, TranslationsSummary } from '@accord/shared';
import {
  createNegotiationFixture,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

describe('export labels and the language burn-down', () => {
  let server: TestServer;
  let fx: NegotiationFixture;
  let documentId: string;

  const html = async (query: string) => {
    const res = await fetch(`${server.url}/api/documents/${documentId}/export?${query}`, {
      headers: { cookie: fx.clients.delegate.cookie! },
    });
    expect(res.status).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    server = await startTestServer();
    fx = await createNegotiationFixture(server);
    documentId = fx.documents.formal;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('labels an export in English until the reader chooses a language, then in theirs', async () => {
    expect(await html('format=html')).toContain('<dt>Symbol</dt>');
    expect((await fx.clients.delegate.put('/api/me/language', { language: 'es' })).status).toBe(
      200,
    );
    const spanish = await html('format=html');
    expect(spanish).toContain('<dt>Signatura</dt>');
    expect(spanish).toContain('Texto limpio');
    expect(spanish).not.toContain('<dt>Symbol</dt>');
  });

  it('takes ?lang= over the reader’s language, and a version’s language for the version', async () => {
    expect(await html('format=html&lang=zh')).toContain('清洁文本');
    const french = await html('format=html&language=fr');
    expect(french).toContain('Version linguistique');
    expect(french).toContain('Paragraphes traduits');
    const arabic = await html('format=html&language=ar');
    expect(arabic).toContain('النسخة اللغوية');
    expect(arabic).toContain('dir="rtl"');
  });

  it('counts a translation in the burn-down on the day it is made', async () => {
    const summary = async () => {
      const res = await fx.clients.observer.get<TranslationsSummary>(
        `/api/documents/${documentId}/translations`,
      );
      expect(res.status).toBe(200);
      return res.body;
    };
    const today = new Date().toISOString().slice(0, 10);
    const before = (await summary()).burndown!;
    expect(before.at(-1)!.day).toBe(today);
    const frenchToday = (days: NonNullable<TranslationsSummary['burndown']>) =>
      days.at(-1)!.languages.find((l) => l.language === 'fr')!;
    expect(frenchToday(before).current).toBe(0);
    expect(frenchToday(before).total).toBeGreaterThan(0);

    const view = await fx.clients.delegate.get<LanguageVersionView>(
      `/api/documents/${documentId}/translations/fr`,
    );
    const paragraph = view.body.paragraphs.find((p) => p.kind !== 'heading')!;
    const done = await fx.clients.secretariat.put(
      `/api/documents/${documentId}/translations/fr/paragraphs/${paragraph.paragraphId}`,
      {
        text: 'Décident de renforcer les systèmes d’alerte.',
        originalFingerprint: paragraph.original.fingerprint,
      },
    );
    expect(done.status).toBe(200);
    expect(frenchToday((await summary()).burndown!).current).toBe(1);
  });
});
