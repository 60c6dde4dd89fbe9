import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aggregateOf, aggregates, streamForCommand } from './aggregates.js';
import { tableAmendmentSchema } from './amendment/commands.js';
import { commandSchemas, commandTypes } from './commands.js';
import { registerStakeholderSchema } from './negotiation/commands.js';
import { NOW, uuid } from './test-support/fixtures.js';

describe('command schemas', () => {
  it('all convert to JSON Schema for OpenAPI', () => {
    for (const type of commandTypes) {
      expect(() => z.toJSONSchema(commandSchemas[type]), type).not.toThrow();
      expect(() => z.toJSONSchema(commandSchemas[type], { io: 'input' }), type).not.toThrow();
    }
  });

  it('reject unknown fields', () => {
    for (const type of commandTypes) {
      const json = JSON.stringify(z.toJSONSchema(commandSchemas[type]));
      expect(json, type).toContain('"additionalProperties":false');
    }
    const result = registerStakeholderSchema.safeParse({
      negotiationId: uuid(1),
      stakeholderId: uuid(11),
      kind: 'group',
      name: 'Group of 77',
      shortCode: 'G77',
      isAdmin: true,
    });
    expect(result.success).toBe(false);
  });

  it('refuse an anchor on a whole-paragraph amendment and a missing one inside a paragraph', () => {
    const base = {
      amendmentId: uuid(400),
      documentId: uuid(2),
      paragraphId: uuid(300),
      rationale: '',
    };
    const anchor = { start: 'AQID', end: 'BAUG' };
    const ok = tableAmendmentSchema.safeParse({
      ...base,
      proposal: { kind: 'delete', anchor, originalText: 'all', proposedText: '' },
    });
    expect(ok.success).toBe(true);
    const anchoredParagraph = tableAmendmentSchema.safeParse({
      ...base,
      proposal: { kind: 'delete-paragraph', anchor, originalText: 'x', proposedText: '' },
    });
    expect(anchoredParagraph.success).toBe(false);
    const unanchoredReplace = tableAmendmentSchema.safeParse({
      ...base,
      proposal: { kind: 'replace', anchor: null, originalText: 'a', proposedText: 'b' },
    });
    expect(unanchoredReplace.success).toBe(false);
  });

  it('refuse non-UTC times and ids that are neither UUID nor ULID', () => {
    const invite = commandSchemas.InviteMember;
    const valid = {
      negotiationId: '01JNE5Q3M0ZC8Y8V6K7S2X1A9B',
      invitationId: uuid(200),
      email: 'delegate@kenya.example',
      stakeholderId: uuid(12),
      role: 'delegate',
      tokenHash: 'a'.repeat(64),
      expiresAt: NOW,
    };
    expect(invite.safeParse(valid).success).toBe(true);
    expect(invite.safeParse({ ...valid, expiresAt: '2026-03-02T10:00:00+01:00' }).success).toBe(
      false,
    );
    expect(invite.safeParse({ ...valid, invitationId: 'invite-1' }).success).toBe(false);
  });
});

describe('command routing', () => {
  it('assigns every command type to exactly one aggregate', () => {
    const routed = Object.values(aggregates).flatMap((a) => a.commandTypes);
    expect([...routed].sort()).toEqual([...commandTypes].sort());
    expect(aggregateOf('AcceptAmendment')).toBe('amendment');
  });

  it('names the stream a command is decided on', () => {
    const meta = {
      commandId: uuid(900),
      actor: { userId: uuid(106), stakeholderId: uuid(17), role: 'chair' as const },
      now: NOW,
    };
    expect(
      streamForCommand({ type: 'AcceptAmendment', data: { amendmentId: uuid(400) }, meta }),
    ).toBe(`amendment-${uuid(400)}`);
    expect(
      streamForCommand({
        type: 'ResolveComment',
        data: { documentId: uuid(2), commentId: uuid(500) },
        meta,
      }),
    ).toBe(`comments-${uuid(2)}`);
    expect(
      streamForCommand({
        type: 'ReserveUserEmail',
        data: { email: 'Ana@UN.example', userId: uuid(100) },
        meta: { ...meta, actor: null },
      }),
    ).toBe('useremail-ana@un.example');
  });
});
