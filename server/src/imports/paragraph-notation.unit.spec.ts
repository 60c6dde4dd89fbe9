import { describe, expect, it } from 'vitest';
import { readMarkdownBlocks, setAside } from './markdown-blocks.js';
import { isEditorialNote, readParagraph, removeRange, trimmed } from './paragraph-notation.js';

describe('readParagraph', () => {
  it('takes footnote references and inline editorial notes out, keeping spans in step', () => {
    const read = readParagraph(
      'Decide [to act][^2] [Note: the secretariat will check this] [now [and later]].',
    );
    expect(read.annotated.text).toBe('Decide to act now and later.');
    expect(read.annotated.brackets).toEqual([
      { start: 7, end: 13 },
      { start: 14, end: 27 },
      { start: 18, end: 27 },
    ]);
    expect(read.annotated.footnoteRefs).toEqual([{ id: '2', at: 13 }]);
    expect(read.editorialNotes).toEqual(['Note: the secretariat will check this']);
  });

  it('moves spans when words are removed and drops brackets left holding nothing', () => {
    const { annotated } = readParagraph('[12.] [Decide] to act ');
    const cut = trimmed(removeRange(annotated, 0, 4));
    expect(cut.text).toBe('Decide to act');
    expect(cut.brackets).toEqual([{ start: 0, end: 6 }]);
  });

  it('tells notes to the reader from words of the text', () => {
    expect(isEditorialNote('[Note: paragraphs 8 and 9 were moved.]')).toBe(true);
    expect(isEditorialNote("Editor's note: paragraph 3 was moved.")).toBe(true);
    expect(isEditorialNote('Note by the Co-facilitators: to be discussed.')).toBe(true);
    expect(isEditorialNote('[Note: a note] and then words]')).toBe(false);
    // A bare "Note:" without brackets may be words of the text.
    expect(isEditorialNote('Note: this draft is for discussion only;')).toBe(false);
    expect(isEditorialNote('Notes with concern the rise in heat deaths,')).toBe(false);
  });
});

describe('Markdown set aside before reading', () => {
  it('takes out YAML front matter, attribute lists, {:toc} with its list item, and footnotes', () => {
    const aside = setAside(
      [
        '---',
        'title: A draft',
        'status: zero',
        '---',
        '',
        '1. Contents',
        '{:toc}',
        '',
        '## Preamble {#preamble}',
        '',
        'Recalling the costs,[^a]',
        '{: .lead}',
        '',
        '[^a]: A note that goes on',
        '  over two lines.',
      ].join('\n'),
    );
    expect(aside.dropped.map((d) => [d.what, d.detail])).toEqual([
      ['front-matter', 'YAML: title, status'],
      ['table-of-contents', '{:toc} after “1. Contents”'],
    ]);
    expect(aside.attributeLists).toBe(2);
    expect(aside.footnotes.notes).toEqual([
      { id: 'a', text: 'A note that goes on over two lines.' },
    ]);
    expect(aside.source).not.toMatch(/title:|Contents|\{|\[\^a\]:/);
  });

  it('reads a list of links to the draft’s headings as a table of contents', () => {
    const blocks = readMarkdownBlocks(
      '- [Preamble](#preamble)\n- [Commitments](#commitments)\n  - [Finance](#finance)\n\nDecide to act;\n',
    );
    expect(blocks.map((b) => b.type)).toEqual(['dropped', 'text']);
    expect(blocks[0]).toMatchObject({ what: 'table-of-contents' });
  });

  it('keeps escaped brackets as characters, not brackets', () => {
    const blocks = readMarkdownBlocks('Recalling \\[sic\\] and \\[cool\\] roofs,\n');
    const block = blocks[0];
    const read = readParagraph(block?.type === 'text' ? block.text : '');
    expect(read.annotated.text).toBe('Recalling [sic] and [cool] roofs,');
    expect(read.annotated.brackets).toEqual([]);
  });
});
