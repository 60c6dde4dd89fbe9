// The agreed-language library's endpoints (contract: shared/src/contracts/library.ts).
import { libraryContracts as library, type EndpointInput } from '@accord/shared';
import { call } from '../api/call.js';

type BodyOf<E> = EndpointInput<E> extends { body?: infer B } ? Exclude<B, undefined> : never;

export const libraryApi = {
  search: (negotiationId: string, q: string) =>
    call(library.search, { params: { negotiationId }, query: { q } }),
  citations: (documentId: string) => call(library.listCitations, { params: { documentId } }),
  cite: (documentId: string, body: BodyOf<typeof library.cite>) =>
    call(library.cite, { params: { documentId }, body }),
};
