// The frame of the pages seen before signing in, the product's name and one card, given its
// words: the sign-in screen renders it without the app's i18n (see app/sign-in/).
import type { ReactNode } from 'react';

export function AuthFrame({
  name,
  tagline,
  title,
  intro,
  children,
}: {
  name: string;
  tagline: string;
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <div className="auth">
      <header className="auth__brand">
        <span className="brand">{name}</span>
        <span className="muted">{tagline}</span>
      </header>
      <main id="main" className="card auth__card">
        <h1>{title}</h1>
        {intro && <p className="muted">{intro}</p>}
        {children}
      </main>
    </div>
  );
}
