// Who the chair console is for: the chair and the secretariat, who create documents and schedule
// roundtables. (Exporting alone does not qualify: anyone may export what they may read.)
import { can, type Role } from '@accord/shared';

export const mayUseConsole = (role: Role): boolean =>
  can(role, 'document.create') || can(role, 'roundtable.schedule');
