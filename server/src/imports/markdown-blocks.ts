/**
 * Reads a Markdown draft into source blocks with marked's lexer: `#` headings, paragraphs and
 * (nested) lists, with italics kept as a hint. Lines typed inside one paragraph or list item
 * that start with their own numbering ("(a) …", "OP 3 …") are separate paragraphs of the draft,
 * so they are split apart.
 *
 * Before the lexer runs, what is about the file rather than in the draft is set aside (see
 * `setAside`): a YAML front-matter block, kramdown attribute lists ("{:toc}" and the list item it
 * turns into a table of contents, "{: .class}", "{#id}") and footnote definitions ("[^1]: …"),
 * which come back as one `footnotes` block at the end. Footnote references ("[^1]") and brackets
 * stay in the text for the recogniser.
 *
 * marked's lexer recurses once per level of block quote or list and re-scans nested content, so
 * a hostile file nested a few thousand levels deep overflows the stack, and one nested a few
 * hundred levels deep takes seconds per megabyte. `markdownDepth` measures nesting line by line
 * before the lexer runs, and the import refuses a draft nested deeper than its limit.
 */
import { Lexer, type MarkedToken, type Token } from 'marked';
import {
  DraftImportError,
  type DroppedBlock,
  type FootnotesBlock,
  type SourceBlock,
  type TextBlock,
} from './draft-model.js';
import { LITERAL_CLOSE, LITERAL_OPEN } from './paragraph-notation.js';
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
  const aside = setAside(source);
  try {
    walk(new Lexer({ gfm: true }).lex(aside.source), blocks, undefined, aside.dropped);
  } catch (error) {
    // Inline nesting (long runs of emphasis markers) can still exhaust the stack.
    if (error instanceof RangeError)
      throw tooDeep('Its inline formatting is nested too deeply to read.');
    throw error;
  }
  if (aside.attributeLists > 0) {
    blocks.push({
      type: 'dropped',
      what: 'attribute-list',
      detail: `${aside.attributeLists} attribute list${aside.attributeLists === 1 ? '' : 's'}`,
    });
  }
  if (aside.footnotes.notes.length > 0) blocks.push(aside.footnotes);
  return blocks;
}

/** A placeholder the lexer reads as an HTML comment of its own, standing where a set-aside block was. */
const placeholder = (n: number) => `<!--accord-set-aside-${n}-->`;
const PLACEHOLDER = /^\s*<!--accord-set-aside-(\d+)-->\s*$/;

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
/** A kramdown attribute list or extension on a line of its own: "{:toc}", "{: .note}", "{::comment}". */
const ATTRIBUTE_LINE = /^\s*\{:{1,2}[^}]*\}\s*$/;
/** The inside of attributes at the end of a line: "{#preamble}", "{: .x}", "{.note}". */
const ATTRIBUTES = /^(?::[^}]*|[#.][\w-][^}]*)$/;
const TOC_MARKER = /^\s*\{:\s*toc\s*\}\s*$/i;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\S/;
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^([^\]\s]{1,40})\]:[ \t]*(.*)$/;

interface SetAside {
  source: string;
  dropped: DroppedBlock[];
  footnotes: FootnotesBlock;
  attributeLists: number;
}

/**
 * The line without attributes at its end ("## Preamble {#preamble}" → "## Preamble"), or
 * undefined when it has none. Found by position, not by a regular expression over the whole
 * line, so that a hostile line of spaces costs no more than its length.
 */
function withoutTrailingAttributes(line: string): string | undefined {
  const end = line.trimEnd();
  if (!end.endsWith('}')) return undefined;
  const open = end.lastIndexOf('{');
  if (open <= 0 || !/[ \t]/.test(end[open - 1]!)) return undefined;
  if (!ATTRIBUTES.test(end.slice(open + 1, -1))) return undefined;
  return end.slice(0, open).trimEnd();
}

/** Takes out front matter, attribute lists and footnote definitions (see the module comment). */
export function setAside(text: string): SetAside {
  const dropped: DroppedBlock[] = [];
  const footnotes: FootnotesBlock = { type: 'footnotes', notes: [] };
  let attributeLists = 0;
  let source = text;
  const front = FRONT_MATTER.exec(source);
  if (front) {
    const keys = front[1]!
      .split('\n')
      .map((line) => /^([A-Za-z][\w-]*):/.exec(line)?.[1])
      .filter((key): key is string => key !== undefined);
    dropped.push({ type: 'dropped', what: 'front-matter', detail: `YAML: ${keys.join(', ')}` });
    source = `${placeholder(dropped.length - 1)}\n\n${source.slice(front[0].length)}`;
  }

  const out: string[] = [];
  let fence: string | null = null;
  let note: { id: string; lines: string[] } | undefined;
  const endNote = () => {
    if (note) footnotes.notes.push({ id: note.id, text: collapse(note.lines.join(' ')).trim() });
    note = undefined;
  };
  for (const line of source.split('\n')) {
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null || fenceMark) {
      endNote();
      if (fence === null) fence = fenceMark!;
      else if (fenceMark?.startsWith(fence)) fence = null;
      out.push(line);
      continue;
    }
    const definition = FOOTNOTE_DEFINITION.exec(line);
    if (definition) {
      endNote();
      note = { id: definition[1]!, lines: [definition[2]!] };
      continue;
    }
    // A footnote goes on over indented lines (and blank lines between them).
    if (note && (/^(?: {2,}|\t)\S/.test(line) || line.trim() === '')) {
      note.lines.push(line);
      continue;
    }
    endNote();
    if (TOC_MARKER.test(line)) {
      // kramdown replaces the list item just above "{:toc}" with a table of contents.
      let above = out.length - 1;
      while (above >= 0 && out[above]!.trim() === '') above--;
      const item = above >= 0 && LIST_ITEM.test(out[above]!) ? out.splice(above, 1)[0] : undefined;
      dropped.push({
        type: 'dropped',
        what: 'table-of-contents',
        detail: `{:toc}${item ? ` after “${item.trim()}”` : ''}`,
      });
      out.push('', placeholder(dropped.length - 1), '');
      continue;
    }
    if (ATTRIBUTE_LINE.test(line)) {
      attributeLists++;
      continue;
    }
    const before = withoutTrailingAttributes(line);
    if (before !== undefined) {
      attributeLists++;
      out.push(before);
      continue;
    }
    out.push(line);
  }
  endNote();
  return { source: out.join('\n'), dropped, footnotes, attributeLists };
}

function walk(
  tokens: readonly Token[],
  blocks: SourceBlock[],
  listDepth: number | undefined,
  setAsideBlocks: readonly DroppedBlock[],
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
        if (listDepth === undefined && isLinkList(token)) {
          // A list of links to the draft's own headings is a table of contents, not text.
          blocks.push({
            type: 'dropped',
            what: 'table-of-contents',
            detail: `${token.items.length} entries: ${token.items[0]?.text ?? ''}`,
          });
          break;
        }
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
              walk([child], blocks, depth, setAsideBlocks);
            }
          }
        }
        break;
      }
      case 'blockquote':
        walk(token.tokens, blocks, listDepth, setAsideBlocks);
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
      case 'html': {
        const setAsideAt = PLACEHOLDER.exec(token.text)?.[1];
        const setAsideBlock =
          setAsideAt === undefined ? undefined : setAsideBlocks[Number(setAsideAt)];
        if (setAsideBlock) {
          blocks.push(setAsideBlock);
          break;
        }
        // Comments are a writer's notes to themselves, not content.
        if (!/^\s*<!--[\s\S]*-->\s*$/.test(token.text)) {
          blocks.push({ type: 'dropped', what: 'html', detail: token.text.trim() });
        }
        break;
      }
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
    // A paragraph that opens with a bracket ("[*Recalling* …") opens with the words inside it.
    const lead = part.start + (/^[\s[]*/.exec(part.text)?.[0].length ?? 0);
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

/** Whether every item of a list is one link to an anchor of the draft ("[Preamble](#preamble)"). */
function isLinkList(list: Extract<MarkedToken, { type: 'list' }>): boolean {
  const linkOnly = (tokens: readonly Token[] | undefined): boolean => {
    const words = (tokens ?? []).filter((t) => !(t.type === 'text' && t.raw.trim() === ''));
    return (
      words.length === 1 &&
      (words[0]!.type === 'link'
        ? (words[0] as Extract<MarkedToken, { type: 'link' }>).href.startsWith('#')
        : (words[0]!.type === 'text' || words[0]!.type === 'paragraph') &&
          linkOnly((words[0] as { tokens?: Token[] }).tokens))
    );
  };
  return (
    list.items.length > 0 &&
    list.items.every((item) =>
      item.tokens.every((t) =>
        t.type === 'list'
          ? isLinkList(t as Extract<MarkedToken, { type: 'list' }>)
          : t.type === 'space' || linkOnly([t]),
      ),
    )
  );
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
          // "\\[" is a bracket as a character, not a negotiation bracket.
          out.text +=
            token.text === '[' ? LITERAL_OPEN : token.text === ']' ? LITERAL_CLOSE : token.text;
          break;
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
