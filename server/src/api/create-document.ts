// Creating a document moved to the application layer (`application/documents/document-service.ts`);
// the limits stay importable from here for the draft importer, which reads them.
export { DOCUMENT_LIMITS } from '../application/documents/document-service.js';
