// Anchors survive concurrent edits on other replicas, and report when their words are gone.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAnchor, resolveAnchor } from './anchors.js';
import { findParagraph, insertParagraphs, plainText, textSegments } from './doc-structure.js';

const text = 'The parties agree to reduce emissions by half';
const words = 'reduce emissions';

function replicas(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  a.transact(() => insertParagraphs(a, 0, [{ id: 'p', kind: 'operative', text }]));
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
}

const segment = (doc: Y.Doc) => textSegments(findParagraph(doc, 'p')!.element)[0]!;
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
};

describe('anchors', () => {
  it('resolve to the same words after concurrent inserts around and at their edges', () => {
    const [a, b] = replicas();
    const from = text.indexOf(words);
    const anchor = createAnchor(a, 'p', from, from + words.length);
    segment(a).insert(0, 'Today ');
    segment(a).insert(from + 'Today '.length, 'swiftly ');
    segment(b).insert(from + words.length, ' sharply');
    segment(b).insert(segment(b).length, ' by 2030');
    sync(a, b);
    const now = plainText(segment(a));
    expect(now).toBe('Today The parties agree to swiftly reduce emissions sharply by half by 2030');
    for (const doc of [a, b]) {
      expect(resolveAnchor(doc, anchor)).toEqual({
        paragraphId: 'p',
        start: now.indexOf(words),
        end: now.indexOf(words) + words.length,
        text: words,
      });
    }
  });

  it('take in words typed inside the range, shrink when words are deleted, and vanish with the paragraph', () => {
    const [a] = replicas();
    const from = text.indexOf(words);
    const anchor = createAnchor(a, 'p', from, from + words.length);
    segment(a).insert(from + 'reduce'.length, ' greenhouse');
    expect(resolveAnchor(a, anchor)?.text).toBe('reduce greenhouse emissions');
    segment(a).delete(from, 'reduce greenhouse emissions'.length);
    expect(resolveAnchor(a, anchor)).toEqual({
      paragraphId: 'p',
      start: from,
      end: from,
      text: '',
    });
    a.getXmlFragment('default').delete(0, 1);
    expect(resolveAnchor(a, anchor)).toBeNull();
  });

  it('refuse a range outside the paragraph and an unknown paragraph', () => {
    const [a] = replicas();
    expect(() => createAnchor(a, 'p', 4, text.length + 1)).toThrow(RangeError);
    expect(() => createAnchor(a, 'p', 5, 4)).toThrow(RangeError);
    expect(() => createAnchor(a, 'q', 0, 1)).toThrow(RangeError);
    expect(resolveAnchor(a, { paragraphId: 'p', start: '!!', end: '??' })).toBeNull();
  });
});
