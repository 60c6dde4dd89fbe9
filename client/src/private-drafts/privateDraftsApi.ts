// The REST calls of private drafting, typed by the contracts in @accord/shared. A live
// `private-draft` notice (sent only to the owner's members) tells the list to reload.
import { privateDraftContracts as drafts, type StartPrivateDraftBody } from '@accord/shared';
import { call } from '../api/call.js';

export const privateDraftsApi = {
  list: (documentId: string) => call(drafts.listPrivateDrafts, { params: { documentId } }),
  start: (
    documentId: string,
    body: Partial<StartPrivateDraftBody> & Pick<StartPrivateDraftBody, 'paragraphId' | 'kind'>,
  ) => call(drafts.startPrivateDraft, { params: { documentId }, body }),
  edit: (draftId: string, text: string, rationale: string) =>
    call(drafts.editPrivateDraft, { params: { draftId }, body: { text, rationale } }),
  comment: (draftId: string, body: string) =>
    call(drafts.commentOnPrivateDraft, { params: { draftId }, body: { body } }),
  table: (draftId: string) => call(drafts.tablePrivateDraft, { params: { draftId }, body: {} }),
  discard: (draftId: string) => call(drafts.discardPrivateDraft, { params: { draftId } }),
};

/** The kind of live change notice about a private draft. */
export const PRIVATE_DRAFT_NOTICE_KIND = 'private-draft';
