/**
 * Reads a Word file into source blocks: mammoth converts it to semantic HTML (headings from
 * Word's heading styles, nested lists from Word's numbering, italics, tables, images) under a
 * style map that also names Title, Subtitle and paragraph styles a chair's template may use;
 * node-html-parser then walks that HTML in reading order.
 */
import mammoth from 'mammoth';
import { parse, type HTMLElement, type Node, NodeType } from 'node-html-parser';
import { DraftImportError, type SourceBlock, type TextBlock } from './draft-model.js';
import { assertDocxContainer, type ZipLimits } from './zip-check.js';

const styleNames = (names: string[], target: string) =>
  names.map((name) => `p[style-name='${name}'] => ${target}:fresh`);

/** Word styles that say what a paragraph is; mammoth's defaults map Heading 1–6 and lists. */
export const DOCX_STYLE_MAP = [
  ...styleNames(['Title'], 'h1.title'),
  ...styleNames(['Subtitle'], 'p.subtitle'),
  ...styleNames(['Preambular', 'Preambular paragraph', 'PP'], 'p.preambular'),
  ...styleNames(['Operative', 'Operative paragraph', 'OP'], 'p.operative'),
  ...styleNames(['Subparagraph', 'Sub-paragraph', 'Subparagraph (a)'], 'p.subparagraph'),
];

const collapse = (text: string) => text.replace(/[ \t\r\n\f\v]+/g, ' ').trim();

/** Converter messages that are noise for an import (every custom style produces one). */
const quiet = (message: string) => /^Unrecognised (paragraph|run) style/.test(message);

export interface DocxBlocks {
  blocks: SourceBlock[];
  messages: string[];
}

/** Checks the container (and, given limits, that it unpacks within them), then converts it. */
export async function readDocxBlocks(bytes: Buffer, limits?: ZipLimits): Promise<DocxBlocks> {
  assertDocxContainer(bytes, limits);
  let html: string;
  let messages: string[];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        styleMap: DOCX_STYLE_MAP,
        ignoreEmptyParagraphs: false,
        // Images are reported as dropped; never inline them as data URIs.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
    messages = [...new Set(result.messages.map((m) => m.message))].filter((m) => !quiet(m));
  } catch (error) {
    throw new DraftImportError(
      'corrupt-docx',
      422,
      'The Word document is damaged',
      `It could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { blocks: htmlBlocks(html), messages };
}

const isElement = (node: Node): node is HTMLElement => node.nodeType === NodeType.ELEMENT_NODE;
const tag = (node: HTMLElement) => node.rawTagName?.toLowerCase() ?? '';

/** "footnote-3" → "3", "endnote-2" → "e2": the marker a reference and its note share. */
const noteId = (anchor: string) => anchor.replace(/^footnote-/, '').replace(/^endnote-/, 'e');

/** Footnote and endnote references and back-links, which are not the paragraph's words. */
const isNoteLink = (node: HTMLElement) =>
  (tag(node) === 'sup' && node.querySelector('a[href^="#footnote-"], a[href^="#endnote-"]')) ||
  (tag(node) === 'a' && /^#(footnote|endnote)-ref-/.test(node.getAttribute('href') ?? ''));

/** Blocks of mammoth's HTML, in reading order. */
export function htmlBlocks(html: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const root = parse(html);

  const textBlock = (
    element: HTMLElement,
    hints: Omit<TextBlock, 'type' | 'text' | 'italicOpening'>,
  ) => {
    const images: SourceBlock[] = [];
    const text = collapse(inlineText(element, images));
    // A paragraph that only held a picture is reported as the picture, not as an empty one.
    if (text !== '') {
      blocks.push({
        type: 'text',
        text,
        italicOpening: opensInItalics(element),
        allItalic: wordsAllItalic(element, false),
        ...hints,
      });
    } else if (images.length === 0) {
      blocks.push({ type: 'dropped', what: 'empty' });
    }
    blocks.push(...images);
  };

  const list = (element: HTMLElement, depth: number) => {
    const ordered = tag(element) === 'ol';
    for (const item of element.childNodes.filter(isElement)) {
      if (tag(item) !== 'li') continue;
      textBlock(item, { list: { depth, ordered } });
      for (const nested of item.childNodes.filter(isElement)) {
        const nestedTag = tag(nested);
        if (nestedTag === 'ol' || nestedTag === 'ul') list(nested, depth + 1);
      }
    }
  };

  for (const node of root.childNodes) {
    if (!isElement(node)) continue;
    const name = tag(node);
    const classes = node.classList.value;
    const heading = /^h([1-6])$/.exec(name);
    if (heading) {
      textBlock(node, {
        headingLevel: Number(heading[1]),
        ...(classes.includes('title') ? { style: 'title' as const } : {}),
      });
    } else if (name === 'p') {
      const style = (['subtitle', 'preambular', 'operative', 'subparagraph'] as const).find((c) =>
        classes.includes(c),
      );
      textBlock(node, style ? { style } : {});
    } else if (name === 'ol' || name === 'ul') {
      const notes = node.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]');
      if (notes.length > 0) {
        // The notes' text, without the back-link; recognise.ts joins them to their references.
        blocks.push({
          type: 'footnotes',
          notes: notes.map((li) => ({
            id: noteId(li.getAttribute('id') ?? ''),
            text: collapse(inlineText(li, [])),
          })),
        });
      } else {
        list(node, 0);
      }
    } else if (name === 'table') {
      const cells = node.querySelectorAll('td, th');
      blocks.push({
        type: 'dropped',
        what: 'table',
        detail: `${node.querySelectorAll('tr').length} rows: ${collapse(cells[0]?.text ?? '')}`,
      });
    } else if (name === 'img') {
      blocks.push({ type: 'dropped', what: 'image', detail: node.getAttribute('alt') });
    } else {
      textBlock(node, {});
    }
  }
  return blocks;
}

/** The element's own words: nested lists are blocks of their own, images are reported apart. */
function inlineText(element: HTMLElement, images: SourceBlock[]): string {
  let text = '';
  for (const node of element.childNodes) {
    if (!isElement(node)) {
      text += node.text;
      continue;
    }
    const name = tag(node);
    if (name === 'ol' || name === 'ul') continue;
    if (name === 'img') {
      images.push({ type: 'dropped', what: 'image', detail: node.getAttribute('alt') });
      continue;
    }
    if (name === 'br') {
      text += ' ';
      continue;
    }
    if (isNoteLink(node)) {
      // A reference in the text becomes "[^1]" (a back-link inside a note, nothing).
      const href = (tag(node) === 'a' ? node : node.querySelector('a'))?.getAttribute('href') ?? '';
      const target = /^#((?:foot|end)note-\d+)$/.exec(href)?.[1];
      if (target !== undefined) text += `[^${noteId(target)}]`;
      continue;
    }
    text += inlineText(node, images);
  }
  return text;
}

/** Whether every word of the element is in italics. */
function wordsAllItalic(element: HTMLElement, inside: boolean): boolean {
  return element.childNodes.every((node) => {
    if (!isElement(node)) return inside || node.text.trim() === '';
    const name = tag(node);
    if (name === 'ol' || name === 'ul' || name === 'img' || name === 'br') return true;
    return wordsAllItalic(node, inside || name === 'em' || name === 'i');
  });
}

/** Whether the first words the reader sees are in italics. */
function opensInItalics(element: HTMLElement): boolean {
  for (const node of element.childNodes) {
    if (!isElement(node)) {
      // A paragraph that opens with a bracket ("[*Recalling* …") opens with the words inside it.
      if (node.text.replace(/[\s[]/g, '') !== '') return false;
      continue;
    }
    const name = tag(node);
    if (name === 'em' || name === 'i') return node.text.replace(/[\s[]/g, '') !== '';
    if (name === 'ol' || name === 'ul') return false;
    if (node.text.trim() !== '') return opensInItalics(node);
  }
  return false;
}
