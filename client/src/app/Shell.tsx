// The frame of every signed-in screen: a skip link, the header with the user, the stakeholder they
// act for and their role, the navigation, and the main landmark.
import { can } from '@accord/shared';
import type { ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import type { Actor, Stakeholder } from '../api/types.js';
import { mayUseConsole } from '../chair/console-access.js';
import { useI18n } from '../i18n/i18n.js';
import { LanguageMenu } from '../i18n/LanguageMenu.js';
import { NotificationBell } from '../notifications/NotificationBell.js';
import { useSession, useSignedIn } from '../session/session.js';
import { paths } from './paths.js';

export interface ShellNegotiation {
  negotiationId: string;
  title: string;
  you: Actor;
  stakeholder: Stakeholder | undefined;
}

export function Shell({
  negotiation,
  wide = false,
  children,
}: {
  negotiation?: ShellNegotiation;
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const { signOut } = useSession();
  const navigate = useNavigate();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="header">
        <Link to={paths.home()} className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('shell.nav')} className="header__nav">
          <NavLink to={paths.home()} end>
            {t('shell.nav.negotiations')}
          </NavLink>
          {negotiation && (
            <NavLink to={paths.negotiation(negotiation.negotiationId)} end>
              {t('shell.nav.overview')}
            </NavLink>
          )}
          {negotiation && can(negotiation.you.role, 'members.manage') && (
            <NavLink to={paths.manage(negotiation.negotiationId)}>{t('shell.nav.manage')}</NavLink>
          )}
          {negotiation && (
            <NavLink to={paths.roundtables(negotiation.negotiationId)}>
              {t('roundtable.nav')}
            </NavLink>
          )}
          {negotiation && (
            <NavLink to={paths.consultations(negotiation.negotiationId)}>
              {t('consultation.nav')}
            </NavLink>
          )}
          {negotiation && (
            <NavLink to={paths.pledges(negotiation.negotiationId)}>{t('pledge.nav')}</NavLink>
          )}
          {negotiation && (
            <NavLink to={paths.recommendations(negotiation.negotiationId)}>
              {t('recommendation.nav')}
            </NavLink>
          )}
          {negotiation && mayUseConsole(negotiation.you.role) && (
            <NavLink to={paths.chairConsole(negotiation.negotiationId)}>{t('console.nav')}</NavLink>
          )}
        </nav>
        <div className="header__user">
          <NotificationBell />
          <LanguageMenu />
          <span className="header__identity" data-testid="identity" dir="auto">
            {negotiation
              ? t('shell.actingFor', {
                  name: user.displayName,
                  stakeholder: negotiation.stakeholder?.name ?? '',
                  code: negotiation.stakeholder?.shortCode ?? '',
                  role: t(`role.${negotiation.you.role}`),
                })
              : user.displayName}
          </span>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => void signOut().then(() => navigate(paths.signIn()))}
          >
            {t('shell.signOut')}
          </button>
        </div>
      </header>
      {negotiation && (
        <div className="context-bar">
          <p className="context-bar__title" dir="auto">
            {negotiation.title}
          </p>
        </div>
      )}
      <main id="main" tabIndex={-1} className={wide ? 'main main--wide' : 'main'}>
        {children}
      </main>
    </div>
  );
}
