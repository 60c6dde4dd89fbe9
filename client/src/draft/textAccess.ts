// Whether the user may type in the text, and why not: mirrors the server's decision (the
// permission matrix with the document's mode; adoption closes the text) so the editor is
// read-only before anyone tries, and says why. The server still decides.
import { can, type DocumentMode, type Role } from '@accord/shared';

export interface TextAccess {
  editable: boolean;
  reason: 'readOnly.adopted' | 'readOnly.formal' | 'readOnly.role' | 'readOnly.refused' | null;
}

export function textAccess(
  role: Role,
  mode: DocumentMode,
  adopted: boolean,
  /** The server refused this tab's changes repeatedly: it sends none for now (useRefusalRecovery). */
  refusedByServer: boolean,
): TextAccess {
  if (adopted) return { editable: false, reason: 'readOnly.adopted' };
  if (!can(role, 'text.edit', mode)) {
    return {
      editable: false,
      reason: can(role, 'text.edit', 'open-drafting') ? 'readOnly.formal' : 'readOnly.role',
    };
  }
  if (refusedByServer) return { editable: false, reason: 'readOnly.refused' };
  return { editable: true, reason: null };
}
