import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { paragraphElements, resolveEncodedRange, resolveRange, trackRange } from './anchors.js';

/** A Y.Doc shaped as the server makes it (server/src/collab/doc-structure.ts). */
function serverDoc(paragraphs: { id: string; kind: string; text: string }[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getXmlFragment('default').insert(
      0,
      paragraphs.map((p) => {
        const element = new Y.XmlElement('paragraph');
        element.setAttribute('id', p.id);
        element.setAttribute('kind', p.kind);
        element.insert(0, [new Y.XmlText(p.text)]);
        return element;
      }),
    );
  });
  return doc;
}

const text = (doc: Y.Doc, index: number) =>
  paragraphElements(doc)[index]!.toArray()[0] as Y.XmlText;
const base64 = (position: Y.RelativePosition) =>
  btoa(String.fromCharCode(...Y.encodeRelativePosition(position)));

describe('anchored ranges', () => {
  it('follow their words while others type before, inside and after them', () => {
    const doc = serverDoc([
      { id: 'p1', kind: 'preambular', text: 'Recalling the commitments,' },
      { id: 'p2', kind: 'operative', text: 'Decides to convene a forum every two years;' },
    ]);
    const range = trackRange(doc, 'p2', 33, 42)!;
    expect(resolveRange(doc, range)).toMatchObject({ paragraphId: 'p2', text: 'two years' });

    text(doc, 1).insert(0, 'Also ');
    text(doc, 1).insert(text(doc, 1).length, ' Thanks.');
    expect(resolveRange(doc, range)).toMatchObject({ start: 38, end: 47, text: 'two years' });

    text(doc, 1).insert(42, 'or three ');
    expect(resolveRange(doc, range)?.text).toBe('two or three years');
  });

  it('are gone when their paragraph is deleted', () => {
    const doc = serverDoc([{ id: 'p1', kind: 'operative', text: 'Some words here' }]);
    const range = trackRange(doc, 'p1', 5, 10)!;
    doc.getXmlFragment('default').delete(0, 1);
    expect(resolveRange(doc, range)).toBeNull();
  });

  it('read the server’s base64 anchors', () => {
    const doc = serverDoc([{ id: 'p1', kind: 'operative', text: 'keep water running' }]);
    const run = text(doc, 0);
    const anchor = {
      start: base64(Y.createRelativePositionFromTypeIndex(run, 5, 0)),
      end: base64(Y.createRelativePositionFromTypeIndex(run, 10, -1)),
    };
    expect(resolveEncodedRange(doc, anchor)).toEqual({
      paragraphId: 'p1',
      start: 5,
      end: 10,
      text: 'water',
    });
    expect(resolveEncodedRange(doc, { start: '!!', end: anchor.end })).toBeNull();
  });
});
