// Which roles a member may hold for which kind of stakeholder, as data: a user acts for exactly
// one stakeholder, and the role must make sense for it (a civil-society organisation has no chair).
import type { Role, StakeholderKind } from './vocabulary.js';

export const stakeholderKindsForRole = {
  chair: ['delegation', 'secretariat'],
  secretariat: ['secretariat'],
  delegate: ['delegation', 'group'],
  'civil-society': ['civil-society'],
  observer: ['observer'],
} as const satisfies Record<Role, readonly StakeholderKind[]>;

export const roleFitsStakeholder = (role: Role, kind: StakeholderKind): boolean =>
  (stakeholderKindsForRole[role] as readonly StakeholderKind[]).includes(kind);

/** The role a member returns to when they stop being a chair, and the natural role to invite as. */
export const defaultRoleFor = {
  delegation: 'delegate',
  group: 'delegate',
  'civil-society': 'civil-society',
  observer: 'observer',
  secretariat: 'secretariat',
} as const satisfies Record<StakeholderKind, Role>;
