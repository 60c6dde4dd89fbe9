import { isPermanentClose, isWriteRefused } from '@accord/shared';
import { cleanup, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createI18n, I18nProvider } from '../../i18n/i18n.js';
import type { CollabSnapshot } from './collabSession.js';
import { ConnectionStatus } from './ConnectionStatus.js';

const show = (snapshot: CollabSnapshot) =>
  render(
    <I18nProvider i18n={createI18n({ preferred: ['en'], timeZone: 'UTC' })}>
      <ConnectionStatus snapshot={snapshot} onReconnect={() => undefined} />
    </I18nProvider>,
  );

describe('the connection indicator', () => {
  it('says the text is saved when synced', () => {
    show({ state: { kind: 'synced' }, everSynced: true, unsent: 0 });
    expect(screen.getByRole('status').textContent).toBe('Connected · all changes saved');
  });

  it('counts changes waiting to be sent while offline or reconnecting', () => {
    show({ state: { kind: 'offline' }, everSynced: true, unsent: 3 });
    expect(screen.getByRole('status').textContent).toBe('Offline · 3 changes not sent yet');
  });

  it('explains a refused write and offers no reconnect loop of its own', () => {
    show({
      state: { kind: 'stopped', code: 4403, reason: 'write-refused: role' },
      everSynced: true,
      unsent: 1,
    });
    expect(screen.getByRole('status').textContent).toContain(
      'Read-only: the server did not accept your change.',
    );
    expect(screen.getByRole('status').textContent).toContain('1 change made here was not saved.');
    expect(screen.getByRole('button', { name: 'Reconnect' })).toBeTruthy();
  });

  it('says so when the document is full, and treats it as a refused change', () => {
    show({
      state: { kind: 'stopped', code: 4415, reason: 'document-too-large' },
      everSynced: true,
      unsent: 0,
    });
    expect(screen.getByRole('status').textContent).toContain(
      'This text has reached its maximum size',
    );
    expect(isWriteRefused(4415, 'document-too-large')).toBe(true);
  });

  it('names an over-long paragraph apart from a full document', () => {
    show({
      state: { kind: 'stopped', code: 4415, reason: 'paragraph-too-long: new' },
      everSynced: true,
      unsent: 0,
    });
    expect(screen.getByRole('status').textContent).toContain('Split it into two paragraphs');
  });

  it('names the schema gate’s refusals: a foreign structure, a locked paragraph', () => {
    show({
      state: { kind: 'stopped', code: 4423, reason: 'paragraph-locked: op1' },
      everSynced: true,
      unsent: 0,
    });
    expect(screen.getByRole('status').textContent).toContain('a paragraph agreed ad ref');
    cleanup();
    show({
      state: { kind: 'stopped', code: 4422, reason: 'schema-violation: element' },
      everSynced: true,
      unsent: 0,
    });
    expect(screen.getByRole('status').textContent).toContain('may not hold that structure');
  });

  it('treats the server’s 4400–4499 decisions and oversize frames as final', () => {
    expect([4400, 4401, 4403, 4404, 4413, 4414, 4415, 4429, 1009].every(isPermanentClose)).toBe(
      true,
    );
    expect([1001, 1011, 1013, 4500].some(isPermanentClose)).toBe(false);
  });
});
