import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

describe('mail settings', () => {
  it('leave e-mail off without an SMTP server, and link to this server by default', () => {
    const { mail } = loadConfig({ PORT: '4000', HOST: '127.0.0.1' });
    expect(mail).toEqual({
      smtpUrl: undefined,
      from: 'Accord <accord@localhost>',
      publicUrl: 'http://127.0.0.1:4000',
      digestHourUtc: 7,
      deadlineReminderMs: 24 * 3_600_000,
    });
  });

  it('take the SMTP server, the public address (without its trailing slash) and the digest hour', () => {
    const { mail } = loadConfig({
      ACCORD_SMTP_URL: 'smtps://user:pw@mail.example.org:465',
      ACCORD_PUBLIC_URL: 'https://accord.example.org/',
      ACCORD_DIGEST_HOUR_UTC: '18',
    });
    expect(mail.smtpUrl).toBe('smtps://user:pw@mail.example.org:465');
    expect(mail.publicUrl).toBe('https://accord.example.org');
    expect(mail.digestHourUtc).toBe(18);
  });

  it('refuse what is not an SMTP address, naming the variable', () => {
    expect(() => loadConfig({ ACCORD_SMTP_URL: 'http://mail' })).toThrow(ConfigError);
    expect(() => loadConfig({ ACCORD_SMTP_URL: 'http://mail' })).toThrow(/ACCORD_SMTP_URL/);
  });
});
