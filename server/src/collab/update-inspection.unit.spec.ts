// Telling a harmless sync step 2 from a real change, without applying anything.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { insertParagraphs, textFragment } from '../text/doc-structure.js';
import { MalformedMessage } from './protocol.js';
import { decodeYjsUpdate, wouldChange } from './update-inspection.js';

function server(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() =>
    insertParagraphs(doc, 0, [{ id: 'p', kind: 'operative', text: 'Decides to act;' }]),
  );
  const text = (textFragment(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  text.delete(0, 3); // the document has deletions, so a reader's delete set is not empty
  return doc;
}

function readerOf(doc: Y.Doc): Y.Doc {
  const reader = new Y.Doc();
  Y.applyUpdate(reader, Y.encodeStateAsUpdate(doc));
  return reader;
}

describe('update inspection', () => {
  it("treats a reader's sync step 2 (no new structs, a known delete set) as no change", () => {
    const doc = server();
    const reader = readerOf(doc);
    const step2 = Y.encodeStateAsUpdate(reader, Y.encodeStateVector(doc));
    const decoded = decodeYjsUpdate(step2);
    expect(decoded.ds.clients.size).toBeGreaterThan(0);
    expect(wouldChange(doc, decoded)).toBe(false);
    expect(wouldChange(doc, decodeYjsUpdate(Y.encodeStateAsUpdate(new Y.Doc())))).toBe(false);
  });

  it('sees new content and new deletions as changes', () => {
    const doc = server();
    const inserting = readerOf(doc);
    const before = Y.encodeStateVector(inserting);
    ((textFragment(inserting).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'x');
    expect(wouldChange(doc, decodeYjsUpdate(Y.encodeStateAsUpdate(inserting, before)))).toBe(true);

    const deleting = readerOf(doc);
    let update: Uint8Array | undefined;
    deleting.on('update', (u: Uint8Array) => (update = u));
    ((textFragment(deleting).get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 2);
    const decoded = decodeYjsUpdate(update!);
    expect(decoded.structs).toHaveLength(0);
    expect(wouldChange(doc, decoded)).toBe(true);
  });

  it('refuses an undecodable update as malformed', () => {
    expect(() => decodeYjsUpdate(new Uint8Array([1, 2, 3]))).toThrow(MalformedMessage);
  });
});
