// The schema gate judges real Yjs updates (made by a second Y.Doc) against the server's copy,
// without applying them: honest edits pass, every step outside the schema or into a lock does not.
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { insertParagraphs, listParagraphs, textFragment } from '../text/doc-structure.js';
import { checkTextSchema, OPEN_TEXT, type TextRules } from './schema-check.js';
import { decodeYjsUpdate } from './update-inspection.js';

const P1 = 'p1';
const P2 = 'p2';
const P1_TEXT = 'Recalling its resolution 70/1,';

/** A server doc with two paragraphs and a client in sync with it. */
function pair() {
  const server = new Y.Doc();
  server.transact(() =>
    insertParagraphs(server, 0, [
      { id: P1, kind: 'preambular', text: P1_TEXT },
      { id: P2, kind: 'operative', text: 'Decides to act;' },
    ]),
  );
  return { server, client: syncedWith(server) };
}

function syncedWith(server: Y.Doc): Y.Doc {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return client;
}

function paragraph(doc: Y.Doc, index: number): Y.XmlElement {
  return textFragment(doc).get(index) as Y.XmlElement;
}

function text(doc: Y.Doc, index: number): Y.XmlText {
  return paragraph(doc, index).get(0) as Y.XmlText;
}

/** What the client changed since it was in sync with the server, as one update. */
function changes(server: Y.Doc, client: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
}

function check(server: Y.Doc, update: Uint8Array, rules: TextRules = OPEN_TEXT) {
  return checkTextSchema(server, decodeYjsUpdate(update), rules);
}

const locked = (...ids: string[]): TextRules => ({ lockedParagraphIds: new Set(ids) });

/** The refusal of what `edit` does on a fresh client, against a fresh server. */
function refusalOf(edit: (client: Y.Doc) => void, rules: TextRules = OPEN_TEXT) {
  const { server, client } = pair();
  edit(client);
  return check(server, changes(server, client), rules);
}

/** Accepts an update, applies it as the gateway would, and checks the next one. */
function applyAccepted(server: Y.Doc, update: Uint8Array, rules: TextRules = OPEN_TEXT): void {
  expect(check(server, update, rules)).toBeUndefined();
  Y.applyUpdate(server, update);
}

describe('checkTextSchema: honest edits pass', () => {
  it('typing and deleting words', () => {
    expect(refusalOf((c) => text(c, 1).insert(7, ' urgently'))).toBeUndefined();
    expect(refusalOf((c) => text(c, 0).delete(0, 10))).toBeUndefined();
  });

  it('splitting a paragraph as y-prosemirror does: the tail moves into a new paragraph', () => {
    const { server, client } = pair();
    client.transact(() => {
      const tail = P1_TEXT.slice(10);
      text(client, 0).delete(10, tail.length);
      const created = new Y.XmlElement('paragraph');
      textFragment(client).insert(1, [created]);
      created.setAttribute('id', 'p1-split');
      created.setAttribute('kind', 'preambular');
      created.insert(0, [new Y.XmlText(tail)]);
    });
    applyAccepted(server, changes(server, client), locked(P2));
    expect(listParagraphs(server).map((p) => p.id)).toEqual([P1, 'p1-split', P2]);
  });

  it('a new paragraph written with its attributes before it is inserted', () => {
    const { server, client } = pair();
    const created = new Y.XmlElement('paragraph');
    created.setAttribute('id', 'p3');
    created.setAttribute('kind', 'operative');
    created.insert(0, [new Y.XmlText('Requests the Secretary-General')]);
    textFragment(client).insert(2, [created]);
    applyAccepted(server, changes(server, client));
  });

  it('deleting a paragraph, with its id, and changing a kind', () => {
    expect(refusalOf((c) => textFragment(c).delete(0, 1))).toBeUndefined();
    expect(refusalOf((c) => paragraph(c, 1).setAttribute('kind', 'subparagraph'))).toBeUndefined();
  });

  it('a paragraph replaced by one with the same id in the same update', () => {
    const replaced = refusalOf((c) =>
      c.transact(() => {
        textFragment(c).delete(1, 1);
        const again = new Y.XmlElement('paragraph');
        again.setAttribute('id', P2);
        again.setAttribute('kind', 'operative');
        again.insert(0, [new Y.XmlText('Decides to act now;')]);
        textFragment(c).insert(1, [again]);
      }),
    );
    expect(replaced).toBeUndefined();
  });

  it('the first text of an empty document', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    insertParagraphs(client, 0, [{ id: P1, kind: 'operative', text: 'Decides;' }]);
    applyAccepted(server, changes(server, client));
  });

  it('concurrent edits: two clients in one paragraph, and typing into a paragraph deleted meanwhile', () => {
    const { server, client: a } = pair();
    const b = syncedWith(server);
    text(a, 1).insert(0, 'A ');
    text(b, 1).insert(0, 'B ');
    applyAccepted(server, changes(server, a));
    applyAccepted(server, changes(server, b));

    const c = syncedWith(server);
    const d = syncedWith(server);
    textFragment(c).delete(1, 1);
    text(d, 1).insert(3, 'xyz');
    applyAccepted(server, changes(server, c));
    // Its neighbours are garbage now: Yjs drops the run, and the gate lets it through.
    applyAccepted(server, changes(server, d));
    expect(listParagraphs(server).map((p) => p.id)).toEqual([P1]);
  });

  it("a client's sync step 2 that brings only known deletions", () => {
    const { server, client } = pair();
    text(client, 0).delete(0, 5);
    applyAccepted(server, changes(server, client));
    expect(
      check(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))),
    ).toBeUndefined();
  });
});

describe('checkTextSchema: the schema', () => {
  it('refuses any root other than the text fragment', () => {
    expect(refusalOf((c) => c.getMap('evil').set('x', 1))).toMatchObject({
      reason: 'schema',
      detail: 'values inside root "evil"',
    });
    expect(refusalOf((c) => c.getText('notes').insert(0, 'hi'))?.detail).toBe(
      'characters inside root "notes"',
    );
  });

  it('refuses elements other than paragraph, and paragraphs anywhere but in the fragment', () => {
    expect(refusalOf((c) => textFragment(c).insert(0, [new Y.XmlElement('script')]))?.detail).toBe(
      'element "script" in the text fragment',
    );
    expect(
      refusalOf((c) => paragraph(c, 0).insert(0, [new Y.XmlElement('paragraph')]))?.detail,
    ).toBe('element "paragraph" in a paragraph');
    expect(refusalOf((c) => textFragment(c).insert(0, [new Y.XmlText('loose')]))?.detail).toBe(
      'XML text in the text fragment',
    );
  });

  it('refuses nesting deeper than fragment → paragraph → text', () => {
    const refusal = refusalOf((c) => text(c, 0).insertEmbed(0, new Y.XmlElement('b')));
    expect(refusal).toEqual({ reason: 'schema', detail: 'nesting deeper than 2 levels' });
  });

  it('refuses other shared types, subdocuments, binary content and embeds', () => {
    const into = (edit: (p: Y.XmlElement, f: Y.XmlFragment) => void) =>
      refusalOf((c) => edit(paragraph(c, 0), textFragment(c)))?.detail;
    // The Yjs API types these inserts narrowly; the point is that a client can send them anyway.
    const anyContent = (value: unknown) => [value] as unknown as Y.XmlElement[];
    expect(into((p) => p.insert(0, anyContent(new Y.XmlHook('hook'))))).toBe(
      'an XML hook in a paragraph',
    );
    expect(into((p) => p.insert(0, anyContent(new Y.Map())))).toBe('a map in a paragraph');
    expect(into((_, f) => f.insert(0, anyContent(new Y.Array())))).toBe(
      'an array in the text fragment',
    );
    expect(into((_, f) => f.insert(0, anyContent(new Y.Doc())))).toBe(
      'a subdocument in the text fragment',
    );
    expect(into((_, f) => f.insert(0, anyContent(new Uint8Array([1, 2]))))).toBe(
      'binary content in the text fragment',
    );
    expect(refusalOf((c) => text(c, 0).insertEmbed(0, { image: 'x.png' }))?.detail).toBe(
      'an embed in text',
    );
  });

  it('refuses marks: the schema has none', () => {
    expect(refusalOf((c) => text(c, 0).format(0, 9, { bold: true }))?.detail).toBe('mark "bold"');
    expect(refusalOf((c) => text(c, 0).insert(0, 'New ', { italic: true }))?.detail).toBe(
      'mark "italic"',
    );
  });

  it("refuses attributes the schema does not name, invalid values, and a text's attributes", () => {
    expect(refusalOf((c) => paragraph(c, 0).setAttribute('style', 'color:red'))?.detail).toBe(
      'attribute "style"',
    );
    expect(refusalOf((c) => paragraph(c, 0).setAttribute('kind', 'annex'))?.detail).toBe(
      'invalid value of "kind"',
    );
    expect(refusalOf((c) => text(c, 0).setAttribute('lang', 'fr'))?.detail).toBe(
      'attribute "lang" on text',
    );
  });

  it("refuses changing or removing a paragraph's id, and a second paragraph with an id in use", () => {
    expect(refusalOf((c) => paragraph(c, 0).setAttribute('id', 'other'))?.detail).toBe(
      'paragraph id changed',
    );
    expect(refusalOf((c) => paragraph(c, 0).removeAttribute('id'))?.detail).toBe(
      'paragraph id removed',
    );
    const duplicate = refusalOf((c) =>
      insertParagraphs(c, 2, [{ id: P1, kind: 'operative', text: 'Copy' }]),
    );
    expect(duplicate?.detail).toBe('duplicate paragraph id');
  });

  it('holds back structs whose dependencies neither the document nor the update holds', () => {
    const { server, client } = pair();
    const before = Y.encodeStateVector(client);
    insertParagraphs(client, 2, [{ id: 'p3', kind: 'operative', text: 'New' }]);
    const middle = Y.encodeStateVector(client);
    (paragraph(client, 2).get(0) as Y.XmlText).insert(3, ' words');
    // Only the typing, without the paragraph it goes into: Yjs would hold it pending.
    const typing = Y.encodeStateAsUpdate(client, middle);
    expect(check(server, typing)).toMatchObject({
      reason: 'pending',
      detail: expect.stringMatching(/^missing dependency/) as unknown,
    });
    expect(check(server, Y.encodeStateAsUpdate(client, before))).toBeUndefined();

    // Deleting what nobody has yet.
    const stranger = new Y.Doc();
    stranger.getXmlFragment('default').insert(0, [new Y.XmlText('gone')]);
    stranger.getXmlFragment('default').delete(0, 1);
    const deletionsOnly = Y.encodeStateAsUpdate(stranger, Y.encodeStateVector(stranger));
    expect(check(server, deletionsOnly)?.reason).toBe('pending');
  });

  it('refuses a forged item that refers ahead in its own clocks (Yjs would throw mid-apply)', () => {
    const { server } = pair();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1); // one client
    encoding.writeVarUint(encoder, 1); // one struct
    encoding.writeVarUint(encoder, 4242); // client
    encoding.writeVarUint(encoder, 0); // clock
    encoding.writeUint8(encoder, 0x80 | 4); // an item with an origin, holding a string
    encoding.writeVarUint(encoder, 4242); // origin: the same client…
    encoding.writeVarUint(encoder, 5); // …at a clock after its own
    encoding.writeVarString(encoder, 'abc');
    encoding.writeVarUint(encoder, 0); // no deletions
    const refusal = check(server, encoding.toUint8Array(encoder));
    expect(refusal).toMatchObject({ reason: 'schema' });
    expect(refusal?.detail).toMatch(/^malformed update/);
  });
});

describe('checkTextSchema: a document loaded from its log', () => {
  it('is judged alike while its fragment is still a plain shared type', () => {
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(pair().server));
    const client = syncedWith(server);
    text(client, 1).insert(0, 'Also ');
    expect(check(server, changes(server, client))).toBeUndefined();
    expect(check(server, changes(server, client), locked(P2))).toMatchObject({ reason: 'locked' });
    insertParagraphs(client, 2, [{ id: P1, kind: 'operative', text: 'Copy' }]);
    expect(check(server, changes(server, client))?.detail).toBe('duplicate paragraph id');
    // The check did not turn the root into an XmlFragment (it changes nothing in the document).
    expect(server.share.get('default')).not.toBeInstanceOf(Y.XmlFragment);
  });
});

describe('checkTextSchema: locks', () => {
  const lockP1 = locked(P1);

  it('refuses typing into, deleting words of, and changing the kind of a locked paragraph', () => {
    const expected = { reason: 'locked', paragraphId: P1 };
    expect(refusalOf((c) => text(c, 0).insert(0, 'Also '), lockP1)).toMatchObject(expected);
    expect(refusalOf((c) => text(c, 0).delete(0, 9), lockP1)).toMatchObject(expected);
    expect(
      refusalOf((c) => paragraph(c, 0).setAttribute('kind', 'operative'), lockP1),
    ).toMatchObject(expected);
    expect(refusalOf((c) => paragraph(c, 0).insert(1, [new Y.XmlText('x')]), lockP1)).toMatchObject(
      expected,
    );
  });

  it('refuses deleting or splitting a locked paragraph', () => {
    expect(refusalOf((c) => textFragment(c).delete(0, 1), lockP1)).toMatchObject({
      reason: 'locked',
      paragraphId: P1,
    });
    const split = refusalOf((c) => {
      text(c, 0).delete(10, 5);
      insertParagraphs(c, 1, [{ id: 'tail', kind: 'preambular', text: 'olution' }]);
    }, lockP1);
    expect(split).toMatchObject({ reason: 'locked', paragraphId: P1 });
  });

  it('lets everyone edit other paragraphs and add paragraphs next to a locked one', () => {
    expect(refusalOf((c) => text(c, 1).insert(0, 'Also '), lockP1)).toBeUndefined();
    expect(
      refusalOf(
        (c) => insertParagraphs(c, 1, [{ id: 'p1bis', kind: 'preambular', text: 'x' }]),
        lockP1,
      ),
    ).toBeUndefined();
    expect(refusalOf((c) => textFragment(c).delete(1, 1), lockP1)).toBeUndefined();
  });
});
