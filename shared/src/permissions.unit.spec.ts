import { describe, expect, it } from 'vitest';
import { Forbidden } from './decider.js';
import { actions, assertCan, can, permissionMatrix, rolesAllowed } from './permissions.js';
import { documentModes, roles } from './vocabulary.js';

describe('permission matrix', () => {
  it('defines every action × role × mode as a boolean', () => {
    expect(actions.length).toBeGreaterThan(20);
    for (const action of actions) {
      for (const role of roles) {
        for (const mode of documentModes) {
          expect(typeof permissionMatrix[action][role][mode], `${action} ${role} ${mode}`).toBe(
            'boolean',
          );
        }
      }
    }
  });

  it('lets delegates edit the text in open drafting only; chair and secretariat always', () => {
    expect(can('delegate', 'text.edit', 'open-drafting')).toBe(true);
    expect(can('delegate', 'text.edit', 'formal')).toBe(false);
    for (const mode of documentModes) {
      expect(can('chair', 'text.edit', mode)).toBe(true);
      expect(can('secretariat', 'text.edit', mode)).toBe(true);
      expect(can('civil-society', 'text.edit', mode)).toBe(false);
      expect(can('observer', 'text.edit', mode)).toBe(false);
    }
  });

  it('keeps civil society and observers from tabling amendments but lets them state positions', () => {
    expect(rolesAllowed('amendment.table')).toEqual(['chair', 'delegate']);
    expect(can('civil-society', 'position.state')).toBe(true);
    expect(can('observer', 'position.state')).toBe(true);
    expect(can('secretariat', 'position.state')).toBe(false);
  });

  it('leaves the political decisions to the chair', () => {
    for (const action of [
      'amendment.decide',
      'paragraph.setStatus',
      'revision.issue',
      'document.changeMode',
      'document.adopt',
    ] as const) {
      expect(rolesAllowed(action), action).toEqual(['chair']);
    }
  });

  it('lets the secretariat do the housekeeping', () => {
    for (const action of [
      'stakeholders.manage',
      'invitations.manage',
      'members.manage',
      'comment.resolve',
    ] as const) {
      expect(rolesAllowed(action), action).toEqual(['chair', 'secretariat']);
    }
  });

  it('lets everyone read and comment', () => {
    for (const action of [
      'document.read',
      'record.read',
      'document.export',
      'comment.post',
    ] as const) {
      expect(rolesAllowed(action), action).toEqual([...roles]);
    }
  });

  it('grants without a mode only what every mode grants', () => {
    expect(can('delegate', 'text.edit')).toBe(false);
    expect(can('chair', 'text.edit')).toBe(true);
  });

  it('throws Forbidden from assertCan', () => {
    expect(() => assertCan('observer', 'amendment.table')).toThrow(Forbidden);
    expect(() => assertCan('chair', 'amendment.decide')).not.toThrow();
  });
});
