/**
 * Judges a decoded Yjs update against the negotiation-text schema and the document's locks
 * before it is applied (Yjs cannot take back what it integrated). The schema is the shared one
 * (`shared/src/negotiation-text/schema.ts`): the fragment 'default' holds `paragraph` elements
 * with an `id` and a `kind`, each paragraph holds plain Y.XmlText, and nothing else exists. A
 * paragraph agreed ad ref is locked: no struct may go into it and no deletion may touch it.
 *
 *   const refusal = checkTextSchema(doc, decodeYjsUpdate(update), { lockedParagraphIds });
 *   if (refusal?.reason === 'locked') close(4423, `paragraph-locked: ${refusal.paragraphId}`);
 *
 * Structs that Yjs would turn into garbage (their parent or neighbour was garbage collected: a
 * paragraph deleted while someone typed in it) change nothing and pass. Server transactions
 * (accepted amendments, brackets' words) do not come through here: they are the server's own
 * code paths and check their input themselves.
 */
import {
  MAX_TEXT_DEPTH,
  PARAGRAPH_NODE,
  TEXT_FRAGMENT_NAME,
  isParagraphAttribute,
  paragraphAttributes,
  textMarkNames,
} from '@accord/shared';
import * as Y from 'yjs';
import {
  placeUpdate,
  type PlacedParent,
  type PlacedUpdate,
  type YType,
} from './struct-placement.js';
import type { DecodedUpdate } from './update-inspection.js';

/** What the document's state says about its text right now. */
export interface TextRules {
  /** Paragraphs agreed ad ref: nobody, the chair included, may change them through the text. */
  lockedParagraphIds: ReadonlySet<string>;
}

/** A document whose paragraphs are all open. */
export const OPEN_TEXT: TextRules = Object.freeze({ lockedParagraphIds: new Set<string>() });

export interface SchemaRefusal {
  /**
   * `pending`: the update needs structs the server does not have (an honest client's earlier
   * update was lost with its connection); it is not applied, and the client is asked to send
   * everything the server lacks instead of being closed.
   */
  reason: 'schema' | 'locked' | 'pending';
  /** What was wrong, for the close reason and the log (short; no user text in it). */
  detail: string;
  /** The locked paragraph the update would change. */
  paragraphId?: string;
}

/** Where a struct would go, in the schema's terms. */
type Container =
  | { role: 'fragment' }
  /** `element` is the document's paragraph; undefined for a paragraph the update creates. */
  | { role: 'paragraph'; element: Y.XmlElement | undefined }
  /** `paragraph` is the document's paragraph holding the text, when the text is the document's. */
  | { role: 'text'; paragraph: Y.XmlElement | undefined }
  | { role: 'other'; what: string };

export function checkTextSchema(
  doc: Y.Doc,
  decoded: DecodedUpdate,
  rules: TextRules,
  placed: PlacedUpdate = placeUpdate(doc, decoded),
): SchemaRefusal | undefined {
  if (placed.malformed) return schema(`malformed update: ${placed.malformed}`);
  if (placed.missing) return pending(placed.missing);
  const check = new Checker(doc, rules, placed);
  for (const item of placed.novelItems) {
    const refusal = check.item(item);
    if (refusal) return refusal;
  }
  return check.deletions();
}

class Checker {
  private readonly fragment: YType | undefined;
  private readonly containers = new Map<YType, Container>();
  private paragraphIds: Map<string, Y.XmlElement> | undefined;
  private readonly newIds = new Set<string>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly rules: TextRules,
    private readonly placed: PlacedUpdate,
  ) {
    this.fragment = doc.share.get(TEXT_FRAGMENT_NAME);
  }

  item(item: Y.Item): SchemaRefusal | undefined {
    const { parent, parentSub } = this.placed.placementOf(item);
    if (parent.at === 'gc') return undefined;
    if (parent.at === 'missing') return pending('a parent or neighbour the server does not have');
    const { content } = item;
    if (content instanceof Y.ContentType && this.depthOf(parent) + 1 > MAX_TEXT_DEPTH)
      return schema(`nesting deeper than ${MAX_TEXT_DEPTH} levels`);
    const container = this.containerOf(parent);
    switch (container.role) {
      case 'other':
        return schema(`${describe(content)} inside ${container.what}`);
      case 'fragment':
        if (parentSub !== null) return schema(`attribute ${quote(parentSub)} on the text fragment`);
        if (content instanceof Y.ContentDeleted || isParagraphType(content)) return undefined;
        return schema(`${describe(content)} in the text fragment`);
      case 'paragraph':
        return this.lock(container.element) ?? this.inParagraph(item, parentSub, container.element);
      case 'text':
        return this.lock(container.paragraph) ?? inText(content, parentSub);
    }
  }

  /** Every deletion of something the document holds that a lock or the schema protects. */
  deletions(): SchemaRefusal | undefined {
    for (const [client, ranges] of this.placed.deletions) {
      const structs = this.doc.store.clients.get(client);
      if (!structs) continue;
      const known = Y.getState(this.doc.store, client);
      for (const { clock, len } of ranges) {
        const end = Math.min(clock + len, known);
        if (clock >= end) continue;
        for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
          const struct = structs[i]!;
          if (struct.id.clock >= end) break;
          if (!(struct instanceof Y.Item) || struct.deleted) continue;
          const refusal = this.deletion(struct);
          if (refusal) return refusal;
        }
      }
    }
    return undefined;
  }

  private deletion(item: Y.Item): SchemaRefusal | undefined {
    const parent: unknown = item.parent;
    if (!(parent instanceof Y.AbstractType)) return undefined;
    const container = this.docContainer(parent as YType);
    switch (container.role) {
      case 'fragment':
        // A whole paragraph deleted.
        return item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlElement
          ? this.lock(item.content.type)
          : undefined;
      case 'paragraph': {
        const locked = this.lock(container.element);
        if (locked) return locked;
        // An id goes only with its paragraph: amendments, positions and comments point at it.
        const paragraph = container.element;
        if (item.parentSub === 'id' && paragraph && !this.goes(paragraph))
          return schema('paragraph id removed');
        return undefined;
      }
      case 'text':
        return this.lock(container.paragraph);
      case 'other':
        return undefined;
    }
  }

  /** Whether a paragraph of the document is deleted already or by this update. */
  private goes(paragraph: Y.XmlElement): boolean {
    const item = paragraph._item;
    return item === null || item.deleted || this.placed.deletesId(item.id);
  }

  private inParagraph(
    item: Y.Item,
    parentSub: string | null,
    element: Y.XmlElement | undefined,
  ): SchemaRefusal | undefined {
    const { content } = item;
    if (parentSub === null) {
      if (content instanceof Y.ContentDeleted) return undefined;
      if (content instanceof Y.ContentType && content.type instanceof Y.XmlText) return undefined;
      return schema(`${describe(content)} in a paragraph`);
    }
    if (!isParagraphAttribute(parentSub)) return schema(`attribute ${quote(parentSub)}`);
    if (content instanceof Y.ContentDeleted) return undefined;
    const valid = paragraphAttributes[parentSub];
    if (!(content instanceof Y.ContentAny) || content.arr.length !== 1 || !valid(content.arr[0]))
      return schema(`invalid value of ${quote(parentSub)}`);
    if (parentSub !== 'id') return undefined;
    const id = String(content.arr[0]);
    if (element !== undefined && element.getAttribute('id') !== undefined)
      return schema('paragraph id changed');
    // An id set and replaced within the update counts once, by its last value.
    if (this.placed.deletesId(item.id)) return undefined;
    if (this.newIds.has(id) || this.liveParagraphIds().has(id))
      return schema('duplicate paragraph id');
    this.newIds.add(id);
    return undefined;
  }

  /** Paragraph ids the document holds and the update does not delete. */
  private liveParagraphIds(): Map<string, Y.XmlElement> {
    if (this.paragraphIds) return this.paragraphIds;
    this.paragraphIds = new Map();
    // Walked by hand: a document loaded from its log holds the fragment as a plain shared type
    // until someone asks for it as an XmlFragment, and asking here would change the document.
    for (let node = this.fragment?._start ?? null; node !== null; node = node.right) {
      if (node.deleted || !(node.content instanceof Y.ContentType)) continue;
      const paragraph = node.content.type;
      if (!isParagraphElement(paragraph) || this.goes(paragraph)) continue;
      const id: unknown = paragraph.getAttribute('id');
      if (typeof id === 'string') this.paragraphIds.set(id, paragraph);
    }
    return this.paragraphIds;
  }

  private lock(paragraph: Y.XmlElement | undefined): SchemaRefusal | undefined {
    if (paragraph === undefined || this.rules.lockedParagraphIds.size === 0) return undefined;
    const id: unknown = paragraph.getAttribute('id');
    if (typeof id !== 'string' || !this.rules.lockedParagraphIds.has(id)) return undefined;
    return { reason: 'locked', detail: `paragraph ${id} is agreed ad ref`, paragraphId: id };
  }

  private containerOf(parent: Exclude<PlacedParent, { at: 'gc' | 'missing' }>): Container {
    switch (parent.at) {
      case 'doc':
        return this.docContainer(parent.type);
      case 'new-root':
        return parent.name === TEXT_FRAGMENT_NAME
          ? { role: 'fragment' }
          : { role: 'other', what: `root ${quote(parent.name)}` };
      case 'update': {
        // The type's own place was checked with its item; the update is refused if it was wrong.
        const { content } = parent.item;
        if (isParagraphType(content)) return { role: 'paragraph', element: undefined };
        if (content instanceof Y.ContentType && content.type instanceof Y.XmlText)
          return { role: 'text', paragraph: undefined };
        return { role: 'other', what: describe(content) };
      }
    }
  }

  /** The role of a type the document has: it and at most two types above it decide. */
  private docContainer(type: YType): Container {
    const cached = this.containers.get(type);
    if (cached) return cached;
    const container = this.findDocContainer(type);
    this.containers.set(type, container);
    return container;
  }

  private findDocContainer(type: YType): Container {
    if (type === this.fragment) return { role: 'fragment' };
    if (type._item === null) return { role: 'other', what: `root ${quote(this.rootName(type))}` };
    const parent: unknown = type._item.parent;
    if (isParagraphElement(type) && parent === this.fragment)
      return { role: 'paragraph', element: type };
    if (
      type instanceof Y.XmlText &&
      isParagraphElement(parent) &&
      parent._item !== null &&
      parent._item.parent === this.fragment
    )
      return { role: 'text', paragraph: parent };
    return { role: 'other', what: describeType(type) };
  }

  private rootName(type: YType): string {
    for (const [name, root] of this.doc.share) if (root === type) return name;
    return '?';
  }

  /** How deep the parent sits below the roots (a root is 0); stops counting past the maximum. */
  private depthOf(parent: PlacedParent): number {
    let depth = 0;
    let at = parent;
    while (depth <= MAX_TEXT_DEPTH) {
      if (at.at === 'update') {
        depth += 1;
        at = this.placed.placementOf(at.item).parent;
        continue;
      }
      if (at.at !== 'doc') return depth;
      let type: YType = at.type;
      while (type._item !== null && depth <= MAX_TEXT_DEPTH) {
        depth += 1;
        const above: unknown = type._item.parent;
        if (!(above instanceof Y.AbstractType)) break;
        type = above as YType;
      }
      return depth;
    }
    return depth;
  }
}

/** Inside a paragraph's text: plain characters only, and formatting only of the schema's marks. */
function inText(content: Y.Item['content'], parentSub: string | null): SchemaRefusal | undefined {
  if (parentSub !== null) return schema(`attribute ${quote(parentSub)} on text`);
  if (content instanceof Y.ContentString || content instanceof Y.ContentDeleted) return undefined;
  if (content instanceof Y.ContentFormat) {
    return textMarkNames.includes(content.key) ? undefined : schema(`mark ${quote(content.key)}`);
  }
  return schema(`${describe(content)} in text`);
}

function isParagraphType(content: Y.Item['content']): boolean {
  return content instanceof Y.ContentType && isParagraphElement(content.type);
}

function isParagraphElement(type: unknown): type is Y.XmlElement {
  return type instanceof Y.XmlElement && type.nodeName === PARAGRAPH_NODE;
}

/** A name the sender chose, made short and printable for a close reason and the log. */
function quote(name: string): string {
  return JSON.stringify(name.slice(0, 32));
}

function schema(detail: string): SchemaRefusal {
  return { reason: 'schema', detail };
}

function pending(detail: string): SchemaRefusal {
  return { reason: 'pending', detail: `missing dependency: ${detail}` };
}

/** A struct's content in a few words, for the refusal's detail. */
function describe(content: Y.Item['content']): string {
  if (content instanceof Y.ContentType) return describeType(content.type);
  if (content instanceof Y.ContentString) return 'characters';
  if (content instanceof Y.ContentFormat) return `mark ${quote(content.key)}`;
  if (content instanceof Y.ContentEmbed) return 'an embed';
  if (content instanceof Y.ContentBinary) return 'binary content';
  if (content instanceof Y.ContentDoc) return 'a subdocument';
  if (content instanceof Y.ContentJSON) return 'JSON content';
  if (content instanceof Y.ContentAny) return 'values';
  if (content instanceof Y.ContentDeleted) return 'deleted content';
  return 'unknown content';
}

function describeType(type: unknown): string {
  // Subclasses first: XmlText is a YText, XmlHook a YMap, XmlElement an XmlFragment.
  if (type instanceof Y.XmlText) return 'XML text';
  if (type instanceof Y.XmlElement) return `element ${quote(String(type.nodeName))}`;
  if (type instanceof Y.XmlHook) return 'an XML hook';
  if (type instanceof Y.XmlFragment) return 'an XML fragment';
  if (type instanceof Y.Text) return 'a text type';
  if (type instanceof Y.Map) return 'a map';
  if (type instanceof Y.Array) return 'an array';
  return 'a shared type';
}
