import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { userEmailEventSchemas, userEventSchemas } from './accounts/events.js';
import { sessionEventSchemas } from './accounts/session.js';
import { amendmentEventSchemas } from './amendment/events.js';
import { commentsEventSchemas } from './comments/events.js';
import { documentEventSchemas } from './document/events.js';
import { defineEvent } from './event-definition.js';
import {
  EventParseError,
  eventSchemas,
  eventTypes,
  parseEvent,
  parseStoredEvent,
  toEventMetadata,
} from './events.js';
import { negotiationEventSchemas } from './negotiation/events.js';
import { positionsEventSchemas } from './positions/events.js';
import { processEventSchemas } from './process/events.js';
import { privateDraftEventSchemas } from './private-drafts/events.js';
import { roundtableEventSchemas } from './roundtable/events.js';
import { segmentsEventSchemas } from './segments/events.js';
import { translationEventSchemas } from './language-versions/events.js';
import { citationEventSchemas, libraryEventSchemas } from './library/events.js';
import { notificationEventSchemas } from './notifications/events.js';
import { recommendationEventSchemas } from './recommendations/events.js';
import { consultationEventSchemas } from './consultations/events.js';
import { pledgeEventSchemas } from './pledges/events.js';
import { NOW, uuid } from './test-support/fixtures.js';

const negotiationId = uuid(1);

describe('event registry', () => {
  it('holds every aggregate’s events, no type defined twice', () => {
    const parts = [
      negotiationEventSchemas,
      documentEventSchemas,
      amendmentEventSchemas,
      positionsEventSchemas,
      commentsEventSchemas,
      roundtableEventSchemas,
      processEventSchemas,
      privateDraftEventSchemas,
      segmentsEventSchemas,
      translationEventSchemas,
      notificationEventSchemas,
      libraryEventSchemas,
      citationEventSchemas,
      consultationEventSchemas,
      recommendationEventSchemas,
      pledgeEventSchemas,
      userEventSchemas,
      userEmailEventSchemas,
      sessionEventSchemas,
    ];
    const total = parts.reduce((n, part) => n + Object.keys(part).length, 0);
    expect(eventTypes).toHaveLength(total);
  });

  it('names events in the past tense', () => {
    // Past participles: …ed, and the irregular …en (Chosen, Broken, Withdrawn), Set and Read,
    // and the phrasal TakenUp (a recommendation taken up).
    for (const type of eventTypes) expect(type).toMatch(/(ed|en|Set|Withdrawn|Read|TakenUp)$/);
  });

  it('refuses an event definition without an upcaster for each older version', () => {
    expect(() => defineEvent(2, z.object({}))).toThrow(/version\(s\) 1/);
  });
});

describe('parseEvent', () => {
  const stakeholderV2 = {
    negotiationId,
    stakeholderId: uuid(12),
    kind: 'delegation',
    name: 'Kenya',
    shortCode: 'KEN',
    groupIds: [uuid(11)],
    registeredAt: NOW,
  };

  it('reads a current event as it is', () => {
    expect(parseEvent('StakeholderRegistered', stakeholderV2, 2)).toEqual({
      type: 'StakeholderRegistered',
      data: stakeholderV2,
    });
  });

  it('upcasts StakeholderRegistered v1 (one group) to v2 (a list of groups)', () => {
    const { groupIds: _groupIds, ...common } = stakeholderV2;
    expect(parseEvent('StakeholderRegistered', { ...common, groupId: uuid(11) }, 1).data).toEqual(
      stakeholderV2,
    );
    expect(parseEvent('StakeholderRegistered', { ...common, groupId: null }, 1).data).toEqual({
      ...stakeholderV2,
      groupIds: [],
    });
  });

  it('upcasts DocumentCreated v1, from before open drafting, to a formal document', () => {
    const v1 = {
      documentId: uuid(2),
      negotiationId,
      title: 'Zero draft',
      symbol: 'A/CONF.231/L.1',
      createdBy: uuid(100),
      createdAt: NOW,
    };
    expect(parseEvent('DocumentCreated', v1, 1).data).toEqual({ ...v1, mode: 'formal' });
  });

  it('treats an event without a version as version 1', () => {
    const { groupIds: _groupIds, ...common } = stakeholderV2;
    expect(parseEvent('StakeholderRegistered', { ...common, groupId: null }).data).toHaveProperty(
      'groupIds',
      [],
    );
  });

  it('ignores fields a newer writer added, so an older reader still folds the stream', () => {
    const data = { ...stakeholderV2, addedLater: true };
    expect(parseEvent('StakeholderRegistered', data, 2).data).toEqual(stakeholderV2);
  });

  it('refuses unknown types, versions from the future and invalid data', () => {
    expect(() => parseEvent('NegotiationClosed', {}, 1)).toThrow(EventParseError);
    expect(() => parseEvent('toString', {}, 1)).toThrow(EventParseError);
    expect(() => parseEvent('StakeholderRegistered', stakeholderV2, 3)).toThrow(/versions 1 to 2/);
    expect(() =>
      parseEvent('StakeholderRegistered', { ...stakeholderV2, kind: 'nation' }, 2),
    ).toThrow(EventParseError);
    // v1 data labelled v2 fails rather than being half-read.
    expect(() => parseEvent('StakeholderRegistered', { negotiationId }, 1)).toThrow(
      EventParseError,
    );
  });
});

describe('parseStoredEvent', () => {
  it('takes the schema version from the metadata, defaulting to 1', () => {
    const data = {
      documentId: uuid(2),
      negotiationId,
      title: 'Zero draft',
      symbol: 'A/CONF.231/L.1',
      createdBy: uuid(100),
      createdAt: NOW,
    };
    expect(parseStoredEvent({ type: 'DocumentCreated', data, metadata: {} }).data).toHaveProperty(
      'mode',
      'formal',
    );
    const v2 = { ...data, mode: 'open-drafting' };
    const stored = { type: 'DocumentCreated', data: v2, metadata: { schemaVersion: 2 } };
    expect(parseStoredEvent(stored).data).toEqual(v2);
    expect(() => parseStoredEvent({ ...stored, metadata: { schemaVersion: '2' } })).toThrow(
      EventParseError,
    );
  });
});

describe('toEventMetadata', () => {
  const actor = { userId: uuid(100), stakeholderId: uuid(10), role: 'secretariat' as const };
  const meta = { commandId: uuid(900), actor, now: NOW };

  it('records the command, the actor, the time and the version written', () => {
    const command = { type: 'RegisterStakeholder', meta };
    expect(toEventMetadata(command, { type: 'StakeholderRegistered' })).toEqual({
      commandId: uuid(900),
      commandType: 'RegisterStakeholder',
      occurredAt: NOW,
      schemaVersion: 2,
      userId: actor.userId,
      stakeholderId: actor.stakeholderId,
      role: 'secretariat',
    });
    expect(toEventMetadata(command, { type: 'AmendmentTabled' }).schemaVersion).toBe(
      eventSchemas.AmendmentTabled.version,
    );
  });

  it('leaves out what a non-member or the server itself does not have', () => {
    const asUser = { type: 'AcceptInvitation', meta: { ...meta, actor: { userId: uuid(104) } } };
    expect(toEventMetadata(asUser, { type: 'InvitationAccepted' })).toEqual({
      commandId: uuid(900),
      commandType: 'AcceptInvitation',
      occurredAt: NOW,
      schemaVersion: 1,
      userId: uuid(104),
    });
    const asServer = { type: 'ChangePassword', meta: { ...meta, actor: null } };
    expect(toEventMetadata(asServer, { type: 'PasswordChanged' })).not.toHaveProperty('userId');
  });
});
