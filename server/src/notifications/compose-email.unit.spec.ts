import { notificationKinds, type NotificationPayload } from '@accord/shared';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { composeDigest, composeNotice } from './compose-email.js';
import { mailLanguages } from './i18n/index.js';
import { createMailer } from './mailer.js';
import { notificationCounter } from './notification-metrics.js';

const payload: NotificationPayload = {
  negotiationId: '00000000-0000-4000-8000-000000000001',
  documentId: '00000000-0000-4000-8000-000000000002',
  paragraphId: '00000000-0000-4000-8000-000000000003',
  revisionLabel: 'Rev 2',
  until: '2026-05-14T17:00:00.000Z',
  deadlineKind: 'amendments',
  silenceOutcome: 'adopted',
  amendmentOutcome: 'accepted',
  paragraphCount: 3,
};
const composer = { publicUrl: 'https://accord.example.org' };

describe('notification e-mails', () => {
  it('writes every kind in every language, with the link to the paragraph', () => {
    for (const language of mailLanguages)
      for (const kind of notificationKinds) {
        const mail = composeNotice(
          { kind, payload, documentTitle: 'Compact <draft>', stakeholderName: 'Nahrim' },
          { ...composer, language },
        );
        expect(mail.subject, `${language} ${kind}`).not.toMatch(/[{}]/);
        expect(mail.text).toContain(
          `https://accord.example.org/negotiations/${payload.negotiationId}/documents/${payload.documentId}?paragraph=${payload.paragraphId}`,
        );
        // The title is escaped in the HTML part, never markup.
        expect(mail.html).not.toContain('<draft>');
      }
  });

  it('writes Arabic right to left, and counts a digest in the reader’s plural', () => {
    const notices = [
      { kind: 'revision-issued' as const, payload, documentTitle: 'Compact' },
      { kind: 'mentioned' as const, payload, documentTitle: 'Compact' },
    ];
    expect(composeDigest(notices, { ...composer, language: 'ar' }).html).toContain('dir="rtl"');
    expect(composeDigest(notices, { ...composer, language: 'en' }).subject).toBe(
      'Accord: 2 updates today',
    );
    expect(composeDigest(notices.slice(0, 1), { ...composer, language: 'en' }).subject).toBe(
      'Accord: 1 update today',
    );
  });

  it('retries a failed hand-off, then gives up, counting both', async () => {
    const registry = new Registry();
    const counter = notificationCounter({ registry });
    const mailer = createMailer({
      // Port 9 (discard) is closed here: every attempt fails to connect.
      settings: { smtpUrl: 'smtp://127.0.0.1:9', from: 'Accord <a@example.org>' },
      logger: pino({ level: 'silent' }),
      counter,
      retry: { attempts: 2, firstDelayMs: 5 },
    });
    mailer.post({ to: 'x@example.org', subject: 's', text: 't', html: 'h' }, 'mentioned');
    await mailer.idle();
    mailer.close();
    const values = (await counter.get()).values;
    const outcome = (o: string) => values.find((v) => v.labels.outcome === o)?.value;
    expect(outcome('retry')).toBe(1);
    expect(outcome('failed')).toBe(1);
  });
});
