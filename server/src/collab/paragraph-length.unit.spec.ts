// The paragraph length check reads a decoded update against the server's document.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { insertParagraphs, listParagraphs, textFragment } from '../text/doc-structure.js';
import { overlongText } from './paragraph-length.js';

const MAX = 100;
const id = '3f0e2a1b-9c8d-4e7f-a6b5-c4d3e2f1a0b9';

/** A server doc with one paragraph of `length` characters, and a client in sync with it. */
function pair(length: number) {
  const server = new Y.Doc();
  server.transact(() =>
    insertParagraphs(server, 0, [{ id, kind: 'operative', text: 'a'.repeat(length) }]),
  );
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** The client's paragraph text. */
function text(doc: Y.Doc): Y.XmlText {
  const element = textFragment(doc).get(0) as Y.XmlElement;
  return element.get(0) as Y.XmlText;
}

/** What the client changed since it was in sync with the server, as one update. */
function changes(server: Y.Doc, client: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
}

function check(server: Y.Doc, update: Uint8Array) {
  return overlongText(server, Y.decodeUpdate(update), MAX);
}

describe('overlongText', () => {
  it('measures a new paragraph from its inserted text', () => {
    const server = new Y.Doc();
    const fits = new Y.Doc();
    insertParagraphs(fits, 0, [{ id, kind: 'operative', text: 'b'.repeat(MAX) }]);
    expect(check(server, Y.encodeStateAsUpdate(fits))).toBeUndefined();
    const over = new Y.Doc();
    insertParagraphs(over, 0, [{ id, kind: 'operative', text: 'b'.repeat(MAX + 1) }]);
    expect(check(server, Y.encodeStateAsUpdate(over))).toEqual({
      length: MAX + 1,
      paragraphId: undefined,
    });
  });

  it('adds insertions at the end, the start and in the middle to the current length', () => {
    for (const at of ['end', 'start', 'middle'] as const) {
      const { server, client } = pair(MAX - 5);
      const t = text(client);
      const index = at === 'end' ? t.length : at === 'start' ? 0 : 40;
      t.insert(index, 'xxxxx');
      expect(check(server, changes(server, client)), at).toBeUndefined();
      t.insert(index, 'y');
      expect(check(server, changes(server, client)), at).toEqual({
        length: MAX + 1,
        paragraphId: id,
      });
    }
  });

  it('follows a run of keystrokes, each inserted next to the one before', () => {
    const { server, client } = pair(MAX - 3);
    const t = text(client);
    for (let i = 0; i < 4; i++) t.insert(10 + i, `${i}`);
    const over = check(server, changes(server, client));
    expect(over).toEqual({ length: MAX + 1, paragraphId: id });
    Y.applyUpdate(server, changes(server, client));
    expect(listParagraphs(server)[0]!.text).toHaveLength(over!.length);
  });

  it('subtracts the live characters the update deletes, so a full replacement fits', () => {
    const { server, client } = pair(MAX);
    const t = text(client);
    client.transact(() => {
      t.delete(0, MAX);
      t.insert(0, 'c'.repeat(MAX));
    });
    expect(check(server, changes(server, client))).toBeUndefined();
  });

  it('ignores what the server already has (a sync step 2 without news)', () => {
    const { server } = pair(MAX);
    expect(check(server, Y.encodeStateAsUpdate(server))).toBeUndefined();
  });
});
