// Who gets suggesting mode: in a formal document, someone who may table amendments but may not
// type in the shared text (a delegate). Their typing stays in this tab and becomes an amendment;
// those who may edit the text have no need of it. The server decides on the amendment anyway.
import { can, type DocumentMode, type Role } from '@accord/shared';

export function maySuggest(role: Role, mode: DocumentMode, adopted: boolean): boolean {
  return (
    mode === 'formal' &&
    !adopted &&
    can(role, 'amendment.table', mode) &&
    !can(role, 'text.edit', mode)
  );
}
