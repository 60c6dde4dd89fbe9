import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, NotFound } from '../decider.js';
import { userEmailStream } from '../ids.js';
import type { AccountCommandMeta } from '../messages.js';
import { DeciderSpecification } from '../test-support/decider-spec.js';
import { NOW, uuid } from '../test-support/fixtures.js';
import type { UserCommand, UserEmailCommand } from './commands.js';
import { userEmailDecider } from './email-reservation.js';
import type { UserEmailEvent, UserEvent } from './events.js';
import { sessionDecider } from './session.js';
import { userDecider } from './user.js';

const userId = uuid(100);
const HASH = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g';
const NEW_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$bmV3aGFzaA';
const anonymous: AccountCommandMeta = { commandId: uuid(900), actor: null, now: NOW };
const signedInAs = (id: string): AccountCommandMeta => ({ ...anonymous, actor: { userId: id } });

const registered: UserEvent = {
  type: 'UserRegistered',
  data: {
    userId,
    email: 'ana.lopez@un.example',
    displayName: 'Ana López',
    passwordHash: HASH,
    registeredAt: NOW,
  },
};

describe('user decider', () => {
  const spec = DeciderSpecification.for(userDecider);
  const register: UserCommand = {
    type: 'RegisterUser',
    data: { userId, email: 'Ana.Lopez@UN.example ', displayName: 'Ana López', passwordHash: HASH },
    meta: anonymous,
  };
  const changePassword = (meta: AccountCommandMeta): UserCommand => ({
    type: 'ChangePassword',
    data: { userId, passwordHash: NEW_HASH },
    meta,
  });
  const passwordChanged: UserEvent = {
    type: 'PasswordChanged',
    data: { userId, passwordHash: NEW_HASH, changedAt: NOW },
  };

  it('registers a user with a normalised e-mail address', () => {
    spec.given([]).when(register).then([registered]);
  });

  it('refuses registering twice', () => {
    spec.given([registered]).when(register).thenThrows(Conflict);
  });

  it('lets users change their own password, and the server on its own authority', () => {
    spec
      .given([registered])
      .when(changePassword(signedInAs(userId)))
      .then([passwordChanged]);
    spec.given([registered]).when(changePassword(anonymous)).then([passwordChanged]);
  });

  it('refuses changing someone else’s password, or an unknown user’s', () => {
    spec
      .given([registered])
      .when(changePassword(signedInAs(uuid(101))))
      .thenThrows(Forbidden);
    spec
      .given([])
      .when(changePassword(signedInAs(userId)))
      .thenThrows(NotFound);
  });
});

describe('interface language of a user', () => {
  const spec = DeciderSpecification.for(userDecider);
  const choose = (language: 'fr' | 'ar', meta: AccountCommandMeta): UserCommand => ({
    type: 'ChooseUserLanguage',
    data: { userId, language },
    meta,
  });
  const choseFrench: UserEvent = {
    type: 'UserLanguageChosen',
    data: { userId, language: 'fr', chosenAt: NOW },
  };

  it('records the language a person chooses for themselves', () => {
    spec
      .given([registered])
      .when(choose('fr', signedInAs(userId)))
      .then([choseFrench]);
    spec
      .given([registered, choseFrench])
      .when(choose('ar', signedInAs(userId)))
      .then([{ type: 'UserLanguageChosen', data: { userId, language: 'ar', chosenAt: NOW } }]);
  });

  it('records nothing when the language is already the chosen one', () => {
    spec
      .given([registered, choseFrench])
      .when(choose('fr', signedInAs(userId)))
      .thenNothingHappens();
  });

  it('lets nobody else choose it, not even the server on its own', () => {
    spec
      .given([registered])
      .when(choose('fr', signedInAs(uuid(101))))
      .thenThrows(Forbidden);
    spec.given([registered]).when(choose('fr', anonymous)).thenThrows(Forbidden);
    spec
      .given([])
      .when(choose('fr', signedInAs(userId)))
      .thenThrows(NotFound);
  });
});

describe('e-mail reservation decider', () => {
  const spec = DeciderSpecification.for(userEmailDecider);
  const reserve = (forUser: string): UserEmailCommand => ({
    type: 'ReserveUserEmail',
    data: { email: 'ANA.LOPEZ@un.example', userId: forUser },
    meta: anonymous,
  });
  const reserved: UserEmailEvent = {
    type: 'UserEmailReserved',
    data: { email: 'ana.lopez@un.example', userId, reservedAt: NOW },
  };

  it('reserves a free address', () => {
    spec.given([]).when(reserve(userId)).then([reserved]);
  });

  it('refuses an address reserved by another user, and is a no-op for the same user', () => {
    spec
      .given([reserved])
      .when(reserve(uuid(101)))
      .thenThrows(Conflict);
    spec.given([reserved]).when(reserve(userId)).thenNothingHappens();
  });

  it('names the reservation stream by the normalised address', () => {
    expect(userEmailStream(' ANA.Lopez@UN.example')).toBe('useremail-ana.lopez@un.example');
  });
});

describe('session', () => {
  const tokenHash = 'a'.repeat(64);
  const userId = '0b6f9c2e-3c1a-4a8e-9a55-6f1f2a3b4c5d';
  const meta = { commandId: 'c-1', actor: null, now: '2026-11-23T09:00:00.000Z' };
  const started = {
    type: 'SessionStarted' as const,
    data: { tokenHash, userId, startedAt: meta.now, expiresAt: '2026-11-23T21:00:00.000Z' },
  };

  it('starts once', () => {
    DeciderSpecification.for(sessionDecider)
      .given([])
      .when({
        type: 'StartSession',
        data: { tokenHash, userId, expiresAt: '2026-11-23T21:00:00.000Z' },
        meta,
      })
      .then([started]);
    DeciderSpecification.for(sessionDecider)
      .given([started])
      .when({
        type: 'StartSession',
        data: { tokenHash, userId, expiresAt: '2026-11-23T21:00:00.000Z' },
        meta,
      })
      .thenThrows(Conflict);
  });

  it('ends once; ending again changes nothing; an unknown session is not found', () => {
    const end = {
      type: 'EndSession' as const,
      data: { tokenHash, reason: 'signed-out' as const },
      meta,
    };
    const ended = {
      type: 'SessionEnded' as const,
      data: { tokenHash, userId, reason: 'signed-out' as const, endedAt: meta.now },
    };
    DeciderSpecification.for(sessionDecider).given([started]).when(end).then([ended]);
    DeciderSpecification.for(sessionDecider).given([started, ended]).when(end).thenNothingHappens();
    DeciderSpecification.for(sessionDecider).given([]).when(end).thenThrows(NotFound);
  });
});
