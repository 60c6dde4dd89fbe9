/**
 * Looks inside a Yjs update before it is applied: decodes it completely (Y.applyUpdate would
 * integrate the structs before reading the delete set, so a truncated update could half-apply)
 * and tells whether it would change a document at all.
 *
 *   const decoded = decodeYjsUpdate(update);       // throws MalformedMessage
 *   if (!canWrite && wouldChange(doc, decoded)) refuse();
 */
import * as Y from 'yjs';
import { MalformedMessage } from './protocol.js';

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export function decodeYjsUpdate(update: Uint8Array): DecodedUpdate {
  try {
    return Y.decodeUpdate(update);
  } catch (error) {
    throw new MalformedMessage('Undecodable Yjs update', { cause: error });
  }
}

/**
 * Whether applying the update would change the document. A reader's sync step 2 carries no
 * new structs but the whole delete set of its copy, all of which the server already knows:
 * that must count as "no change", or every read-only client would be refused on connect.
 */
export function wouldChange(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true;
  }
  for (const [client, deletions] of decoded.ds.clients) {
    for (const deletion of deletions) {
      if (!isDeletedRange(doc, client, deletion.clock, deletion.len)) return true;
    }
  }
  return false;
}

function isDeletedRange(doc: Y.Doc, client: number, clock: number, len: number): boolean {
  if (len === 0) return true;
  const end = clock + len;
  // Deleting something the server has not seen yet would be kept as a pending deletion: a change.
  if (end > Y.getState(doc.store, client)) return false;
  const structs = doc.store.clients.get(client);
  if (!structs) return false;
  for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
    const struct = structs[i]!;
    if (struct.id.clock >= end) break;
    if (!struct.deleted) return false;
  }
  return true;
}
