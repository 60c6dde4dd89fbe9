// The frame of the pages seen before signing in: the product's name and one card.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';

export function AuthLayout({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="auth">
      <header className="auth__brand">
        <span className="brand">{t('app.name')}</span>
        <span className="muted">{t('app.tagline')}</span>
      </header>
      <main id="main" className="card auth__card">
        <h1>{title}</h1>
        {intro && <p className="muted">{intro}</p>}
        {children}
      </main>
    </div>
  );
}
