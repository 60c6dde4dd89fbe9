// The bracket and option endpoints the draft uses (contract: shared/src/contracts/brackets.ts),
// called by their contracts like every other request of the app.
import { bracketContracts as brackets, type EndpointInput } from '@accord/shared';
import { call } from '../../api/call.js';

type BodyOf<E> = EndpointInput<E> extends { body?: infer B } ? Exclude<B, undefined> : never;

export const bracketsApi = {
  list: (documentId: string) => call(brackets.listBrackets, { params: { documentId }, query: {} }),
  place: (documentId: string, body: BodyOf<typeof brackets.placeBracket>) =>
    call(brackets.placeBracket, { params: { documentId }, body }),
  remove: (documentId: string, bracketId: string) =>
    call(brackets.removeBracket, { params: { documentId, bracketId }, body: {} }),
  deleteWords: (documentId: string, bracketId: string) =>
    call(brackets.deleteBracketedWords, { params: { documentId, bracketId } }),
  openOptionSet: (documentId: string, body: BodyOf<typeof brackets.openOptionSet>) =>
    call(brackets.openOptionSet, { params: { documentId }, body }),
  addOption: (documentId: string, optionSetId: string, body: BodyOf<typeof brackets.addOption>) =>
    call(brackets.addOption, { params: { documentId, optionSetId }, body }),
  choose: (documentId: string, optionSetId: string, optionId: string) =>
    call(brackets.chooseOption, { params: { documentId, optionSetId }, body: { optionId } }),
};

/** Change notices after which a document's brackets may have changed. */
export const BRACKET_NOTICE_KINDS: ReadonlySet<string> = new Set(['document', 'paragraph']);
