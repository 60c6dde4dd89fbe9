// Choosing the interface language: catalogues load on demand, the browser's language is used
// until the person chooses, the choice is saved on the account and the account's choice is
// followed on every device.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../session/session.js';
import { ToastProvider } from '../ui/toasts.js';
import { createI18n, LanguageRoot, useI18n } from './i18n.js';
import { LanguageMenu } from './LanguageMenu.js';
import { availableLanguages, loadCatalogue } from './locales.js';

const answer = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

const session = (language?: string) => ({
  user: {
    userId: 'u1',
    email: 'ana@un.example',
    displayName: 'Ana',
    ...(language && { language }),
  },
  negotiations: [],
});

function Probe() {
  const { t } = useI18n();
  return <p data-testid="probe">{t('shell.signOut')}</p>;
}

function app() {
  return render(
    <LanguageRoot>
      <ToastProvider>
        <SessionProvider>
          <LanguageMenu />
          <Probe />
        </SessionProvider>
      </ToastProvider>
    </LanguageRoot>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.documentElement.lang = '';
  document.documentElement.dir = '';
});

describe('catalogues', () => {
  it('load when asked for, one chunk per language, and format with that language’s rules', async () => {
    const fr = await loadCatalogue('fr');
    const i18n = createI18n({
      preferred: ['fr-FR'],
      language: 'fr',
      catalogue: fr,
      timeZone: 'UTC',
    });
    expect(i18n.t('positions.objections', { count: 2 })).toBe('2 objections');
    expect(i18n.t('document.agreed', { count: 0 })).toBe('aucun paragraphe convenu ad ref');
    const es = await loadCatalogue('es');
    expect(es['status.bracketed']).toBe('Entre corchetes');
    expect(availableLanguages).toEqual(expect.arrayContaining(['en', 'fr', 'es']));
  });
});

describe('the language menu', () => {
  it('starts in the browser’s language, then saves a choice on the account', async () => {
    vi.stubGlobal('navigator', { ...navigator, languages: ['es-AR', 'en'] });
    const fetch = vi.fn((url: string, init?: RequestInit) =>
      Promise.resolve(
        url === '/api/me/language'
          ? answer(200, JSON.parse(init?.body as string) as unknown)
          : answer(200, session()),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    app();
    expect(await screen.findByText('Cerrar sesión')).toBeTruthy();
    expect(document.documentElement.lang).toBe('es');

    const menu = screen.getByLabelText('Idioma');
    await userEvent.selectOptions(menu, 'fr');
    expect(await screen.findByText('Se déconnecter')).toBeTruthy();
    const saved = fetch.mock.calls.find(([url]) => url === '/api/me/language');
    expect(saved?.[1]?.method).toBe('PUT');
    expect(saved?.[1]?.body).toBe('{"language":"fr"}');
    // Each language is offered in its own name.
    expect(screen.getByRole('option', { name: 'Français' }).getAttribute('lang')).toBe('fr');
  });

  it('follows the language kept on the account over the browser’s', async () => {
    vi.stubGlobal('navigator', { ...navigator, languages: ['en-GB'] });
    vi.stubGlobal('fetch', () => Promise.resolve(answer(200, session('fr'))));
    app();
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('Se déconnecter'));
    expect(document.documentElement.lang).toBe('fr');
    expect(screen.getByLabelText<HTMLSelectElement>('Langue').value).toBe('fr');
  });
});
