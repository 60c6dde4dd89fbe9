// Which roles a segment's access level lets follow it. Governments are always in; civil society
// and observers only in segments opened to them.
import type { Role } from '../vocabulary.js';
import type { SegmentAccess } from './events.js';

const followersOf = {
  governments: ['chair', 'secretariat', 'delegate'],
  observers: ['chair', 'secretariat', 'delegate', 'civil-society', 'observer'],
  // Public pages do not exist yet; until they do, a public segment is followed like an open one.
  public: ['chair', 'secretariat', 'delegate', 'civil-society', 'observer'],
} as const satisfies Record<SegmentAccess, readonly Role[]>;

/** Whether a member of `role` may follow (read live and act in) a segment of `access`. */
export const segmentAdmits = (access: SegmentAccess, role: Role): boolean =>
  (followersOf[access] as readonly Role[]).includes(role);
