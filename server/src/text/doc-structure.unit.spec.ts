// The document shape TipTap binds to, and the helpers that read and change it.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  findParagraph,
  insertParagraphs,
  listParagraphs,
  paragraphText,
  replaceParagraphText,
  textFragment,
} from './doc-structure.js';

const draft = () => {
  const doc = new Y.Doc();
  doc.transact(() =>
    insertParagraphs(doc, 0, [
      { id: 'h', kind: 'heading', text: 'Title' },
      { id: 'p1', kind: 'preambular', text: 'Recalling,' },
      { id: 'o1', kind: 'operative', text: 'Decides to act;' },
    ]),
  );
  return doc;
};

describe('document structure', () => {
  it('stores paragraphs as XmlElement("paragraph") with id and kind around Y.XmlText', () => {
    const doc = draft();
    const first = textFragment(doc).get(0) as Y.XmlElement;
    expect(first.nodeName).toBe('paragraph');
    expect(first.getAttributes()).toEqual({ id: 'h', kind: 'heading' });
    expect(first.get(0)).toBeInstanceOf(Y.XmlText);
    expect(textFragment(doc).toJSON()).toBe(
      '<paragraph id="h" kind="heading">Title</paragraph><paragraph id="p1" kind="preambular">Recalling,</paragraph>' +
        '<paragraph id="o1" kind="operative">Decides to act;</paragraph>',
    );
  });

  it('lists paragraphs in order with their plain text, ignoring formatting and foreign nodes', () => {
    const doc = draft();
    const o1 = findParagraph(doc, 'o1')!;
    (o1.element.get(0) as Y.XmlText).format(0, 7, { bold: true });
    textFragment(doc).insert(1, [new Y.XmlElement('image')]);
    expect(listParagraphs(doc)).toEqual([
      { id: 'h', kind: 'heading', text: 'Title' },
      { id: 'p1', kind: 'preambular', text: 'Recalling,' },
      { id: 'o1', kind: 'operative', text: 'Decides to act;' },
    ]);
    expect(findParagraph(doc, 'o1')!.index).toBe(3);
    expect(findParagraph(doc, 'missing')).toBeUndefined();
  });

  it('replaces a range, also across several text runs, and refuses a range outside the paragraph', () => {
    const doc = draft();
    replaceParagraphText(doc, 'o1', 8, 14, 'to study');
    expect(paragraphText(findParagraph(doc, 'o1')!.element)).toBe('Decides to study;');

    const o1 = findParagraph(doc, 'o1')!.element;
    o1.insert(1, [new Y.XmlText(' further')]);
    expect(paragraphText(o1)).toBe('Decides to study; further');
    replaceParagraphText(doc, 'o1', 11, 20, 'act');
    expect(paragraphText(o1)).toBe('Decides to actrther');

    expect(() => replaceParagraphText(doc, 'o1', 3, 99, 'x')).toThrow(RangeError);
    expect(() => replaceParagraphText(doc, 'nope', 0, 0, 'x')).toThrow(RangeError);
    expect(paragraphText(o1)).toBe('Decides to actrther');
  });
});
