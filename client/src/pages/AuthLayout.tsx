// The frame of the pages seen before signing in, inside the app: AuthFrame in the UI language.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { AuthFrame } from './AuthFrame.js';

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
    <AuthFrame name={t('app.name')} tagline={t('app.tagline')} title={title} intro={intro}>
      {children}
    </AuthFrame>
  );
}
