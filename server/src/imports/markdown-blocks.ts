/**
 * Reads a Markdown draft into source blocks with marked's lexer: `#` headings, paragraphs and
 * (nested) lists, with italics kept as a hint. Lines typed inside one paragraph or list item
 * that start with their own numbering ("(a) …", "OP 3 …") are separate paragraphs of the draft,
 * so they are split apart.
 *
 * marked's lexer recurses once per level of block quote or list and re-scans nested content, so
 * a hostile file nested a few thousand levels deep overflows the stack, and one nested a few
 * hundred levels deep takes seconds per megabyte. `markdownDepth` measures nesting line by line
 * before the lexer runs, and the import refuses a draft nested deeper than its limit.
 */
import { Lexer, type MarkedToken, type Token } from 'marked';
import { DraftImportError, type SourceBlock, type TextBlock } from './draft-model.js';
import { stripTypedLabel } from './recognise.js';

type Hints = Omit<TextBlock, 'type' | 'text' | 'italicOpening'>;

/** Plain text with the ranges that were in italics. */
interface Inline {
  text: string;
  italic: [number, number][];
  images: string[];
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Markdown keeps HTML character references in text ("R&amp;D"); the words hold the characters. */
const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });

const collapse = (text: string) => text.replace(/[ \t\r\f\v]+/g, ' ');

/** Nesting no draft needs: UN texts go four levels deep at most. */
export const DEFAULT_MARKDOWN_DEPTH = 32;

const tooDeep = (detail: string) =>
  new DraftImportError('markdown-too-deep', 422, 'The Markdown draft is nested too deeply', detail);

/**
 * An upper bound on the container nesting of any line: its block-quote and list markers plus
 * the rest of its indentation in steps of two columns (the least a nested list item can be indented).
 * Lines inside fenced code are literal and not counted. Returns the deepest line and its number.
 */
export function markdownDepth(source: string): { depth: number; line: number } {
  let deepest = { depth: 0, line: 0 };
  let fence: string | null = null;
  const lines = source.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const text = lines[n]!;
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence !== null) {
      if (fenceMark?.startsWith(fence)) fence = null;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    let depth = 0;
    let columns = 0;
    let at = 0;
    while (at < text.length) {
      const c = text[at]!;
      if (c === ' ') {
        columns += 1;
        at += 1;
      } else if (c === '\t') {
        columns += 4 - (columns % 4);
        at += 1;
      } else {
        const marker = /^(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$)|^>/.exec(text.slice(at, at + 11));
        if (!marker) break;
        depth += 1;
        // The one space a marker takes before its content is not indentation.
        at += marker[0].length + (text[at + marker[0].length] === ' ' ? 1 : 0);
      }
    }
    depth += Math.floor(columns / 2);
    if (depth > deepest.depth) deepest = { depth, line: n + 1 };
  }
  return deepest;
}

export function readMarkdownBlocks(
  source: string,
  maxDepth: number = DEFAULT_MARKDOWN_DEPTH,
): SourceBlock[] {
  const deepest = markdownDepth(source);
  if (deepest.depth > maxDepth)
    throw tooDeep(
      `Line ${deepest.line} is nested about ${deepest.depth} levels deep (block quotes, lists, indentation); the limit is ${maxDepth}.`,
    );
  const blocks: SourceBlock[] = [];
  try {
    walk(new Lexer({ gfm: true }).lex(source), blocks, undefined);
  } catch (error) {
    // Inline nesting (long runs of emphasis markers) can still exhaust the stack.
    if (error instanceof RangeError)
      throw tooDeep('Its inline formatting is nested too deeply to read.');
    throw error;
  }
  return blocks;
}

function walk(
  tokens: readonly Token[],
  blocks: SourceBlock[],
  listDepth: number | undefined,
): void {
  for (const generic of tokens) {
    const token = generic as MarkedToken;
    switch (token.type) {
      case 'heading':
        pushText(blocks, inline(token.tokens), { headingLevel: token.depth }, false);
        break;
      case 'paragraph':
        pushText(blocks, inline(token.tokens), {}, true);
        break;
      case 'text':
        pushText(blocks, inline(token.tokens ?? [token]), {}, true);
        break;
      case 'list': {
        const depth = listDepth === undefined ? 0 : listDepth + 1;
        for (const item of token.items) {
          let first = true;
          for (const child of item.tokens as MarkedToken[]) {
            if ((child.type === 'text' || child.type === 'paragraph') && first) {
              first = false;
              pushText(
                blocks,
                inline(child.tokens ?? [child]),
                { list: { depth, ordered: token.ordered } },
                true,
              );
            } else {
              walk([child], blocks, depth);
            }
          }
        }
        break;
      }
      case 'blockquote':
        walk(token.tokens, blocks, listDepth);
        break;
      case 'code':
        blocks.push({ type: 'dropped', what: 'code', detail: token.text.split('\n')[0] });
        break;
      case 'table':
        blocks.push({
          type: 'dropped',
          what: 'table',
          detail: `${token.rows.length + 1} rows: ${token.header[0]?.text ?? ''}`,
        });
        break;
      case 'html':
        // Comments are a writer's notes to themselves, not content.
        if (!/^\s*<!--[\s\S]*-->\s*$/.test(token.text)) {
          blocks.push({ type: 'dropped', what: 'html', detail: token.text.trim() });
        }
        break;
      // Nothing to read in these; inline tokens never stand at block level.
      case 'space':
      case 'hr':
      case 'def':
      case 'br':
      case 'checkbox':
      case 'codespan':
      case 'del':
      case 'em':
      case 'escape':
      case 'image':
      case 'link':
      case 'list_item':
      case 'strong':
        break;
    }
  }
}

/** Splits a paragraph where a line starts with its own typed numbering, then adds the parts. */
function pushText(blocks: SourceBlock[], content: Inline, hints: Hints, split: boolean): void {
  const lines = content.text.split('\n');
  const parts: { start: number; text: string }[] = [];
  let offset = 0;
  for (const line of lines) {
    const starts = split && parts.length > 0 && stripTypedLabel(line.trim()).label !== undefined;
    if (starts || parts.length === 0) parts.push({ start: offset, text: line });
    else parts[parts.length - 1]!.text += ` ${line}`;
    offset += line.length + 1;
  }
  parts.forEach((part, i) => {
    const text = collapse(part.text).trim();
    if (text === '') {
      if (content.images.length === 0) blocks.push({ type: 'dropped', what: 'empty' });
      return;
    }
    const lead = part.start + (part.text.length - part.text.trimStart().length);
    const italicAt = (at: number) => content.italic.some(([from, to]) => from <= at && at < to);
    const end = part.start + part.text.length;
    let allItalic = true;
    for (let at = part.start; at < end && allItalic; at++) {
      if (!/\s/.test(content.text[at]!) && !italicAt(at)) allItalic = false;
    }
    blocks.push({
      type: 'text',
      text,
      italicOpening: italicAt(lead),
      allItalic,
      ...(i === 0 ? hints : {}),
    });
  });
  for (const image of content.images)
    blocks.push({ type: 'dropped', what: 'image', detail: image });
}

function inline(tokens: readonly Token[]): Inline {
  const out: Inline = { text: '', italic: [], images: [] };
  const visit = (list: readonly Token[], italic: boolean) => {
    for (const generic of list) {
      const token = generic as MarkedToken;
      const start = out.text.length;
      switch (token.type) {
        case 'em':
          visit(token.tokens, true);
          break;
        case 'strong':
        case 'del':
        case 'link':
          visit(token.tokens, italic);
          break;
        case 'text':
          if (token.tokens) visit(token.tokens, italic);
          else out.text += decodeEntities(token.text);
          break;
        case 'escape':
        case 'codespan':
          out.text += token.text;
          break;
        case 'br':
          out.text += ' ';
          break;
        case 'image':
          out.images.push(token.text || token.href);
          break;
        // Inline HTML tags and checkboxes carry no words of the draft; block tokens do not occur.
        case 'html':
        case 'checkbox':
        case 'blockquote':
        case 'code':
        case 'def':
        case 'heading':
        case 'hr':
        case 'list_item':
        case 'list':
        case 'paragraph':
        case 'space':
        case 'table':
          break;
      }
      if (italic && out.text.length > start) out.italic.push([start, out.text.length]);
    }
  };
  visit(tokens, false);
  return out;
}
