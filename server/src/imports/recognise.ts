/**
 * Recognises a draft's structure the way a delegate reads it: headings, preambular paragraphs
 * (opening with a participle or adjective — "Recalling", "Noting with concern", "Mindful" — and
 * ending with a comma), operative paragraphs (numbered, opening with a present-tense verb —
 * "Decides", "Requests", "Commit to"), and lettered sub-paragraphs. Typed numbering ("1.",
 * "(a)", "PP 3", "OP 12") is taken off the text: numbers are derived from the order of
 * paragraphs, never stored.
 *
 *   recogniseDraft(blocks, { format: 'markdown', bytes: 812 })
 *   // → { paragraphs: [{ kind: 'preambular', text: 'Recalling …,' }, …], report }
 */
import { numberParagraphs, type ParagraphKind } from '@accord/shared';
import type {
  DraftFormat,
  DroppedBlock,
  ImportedParagraph,
  ImportWarning,
  RecognisedBy,
  RecognisedDraft,
  RecognisedParagraph,
  SourceBlock,
  TextBlock,
} from './draft-model.js';

/** Openings of preambular paragraphs in UN usage (participles and adjectives), lower case. */
const PREAMBULAR_OPENINGS = new Set([
  'acknowledging',
  'affirming',
  'alarmed',
  'anxious',
  'appreciating',
  'aware',
  'bearing',
  'believing',
  'cognizant',
  'cognisant',
  'committed',
  'concerned',
  'conscious',
  'considering',
  'contemplating',
  'convinced',
  'declaring',
  'deploring',
  'desiring',
  'determined',
  'disturbed',
  'emphasizing',
  'emphasising',
  'encouraged',
  'endorsing',
  'expecting',
  'expressing',
  'fulfilling',
  'guided',
  'having',
  'keeping',
  'mindful',
  'noting',
  'observing',
  'reaffirming',
  'realizing',
  'realising',
  'recalling',
  'recognizing',
  'recognising',
  'referring',
  'regretting',
  'reiterating',
  'resolved',
  'seeking',
  'stressing',
  'taking',
  'underlining',
  'underscoring',
  'viewing',
  'welcoming',
]);

/** Verbs that open operative paragraphs, in their bare form ("decide" for "Decides"). */
const OPERATIVE_VERBS = new Set([
  'accept',
  'acknowledge',
  'adopt',
  'affirm',
  'agree',
  'appeal',
  'approve',
  'authorize',
  'authorise',
  'call',
  'commend',
  'commit',
  'concur',
  'condemn',
  'confirm',
  'congratulate',
  'consider',
  'decide',
  'declare',
  'demand',
  'deplore',
  'designate',
  'direct',
  'emphasize',
  'emphasise',
  'encourage',
  'endorse',
  'express',
  'invite',
  'note',
  'pledge',
  'proclaim',
  'reaffirm',
  'recall',
  'recognize',
  'recognise',
  'recommend',
  'reiterate',
  'remind',
  'renew',
  'request',
  'resolve',
  'stress',
  'support',
  'take',
  'transmit',
  'trust',
  'underline',
  'undertake',
  'urge',
  'welcome',
  'will',
  'shall',
]);

/** Words that may come before the opening word without changing what it says. */
const MODIFIERS = new Set([
  'also',
  'further',
  'furthermore',
  'deeply',
  'fully',
  'gravely',
  'strongly',
  'firmly',
  'profoundly',
  'seriously',
  'again',
  'once',
  'hereby',
  'we',
  'we,',
]);

type Opening = { kind: 'preambular' | 'operative'; words: string };

/** What the first words say the paragraph is, if they say anything. */
export function openingOf(text: string): Opening | undefined {
  const words = text.split(' ').slice(0, 6);
  let i = 0;
  while (i < words.length - 1 && MODIFIERS.has(words[i]!.toLowerCase())) i++;
  const raw = words[i];
  if (raw === undefined) return undefined;
  const word = raw.toLowerCase().replace(/[^a-z-]/g, '');
  const words_ = words.slice(0, i + 1).join(' ');
  // A capital letter is part of the convention; "noting" mid-sentence after a lower-case word is not.
  if (!/^[A-Z]/.test(words[0]!)) return undefined;
  if (PREAMBULAR_OPENINGS.has(word)) return { kind: 'preambular', words: words_ };
  const bare = [word, word.replace(/s$/, ''), word.replace(/es$/, '')];
  if (bare.some((w) => OPERATIVE_VERBS.has(w))) return { kind: 'operative', words: words_ };
  return undefined;
}

type TypedLabel = { raw: string; kind: ParagraphKind | 'number' };

const LABELS: { pattern: RegExp; kind: (match: RegExpExecArray) => TypedLabel['kind'] }[] = [
  {
    pattern: /^(PP|OP)\.?\s*\d{1,4}(?:\s*\(([a-z]{1,4})\))?\s*[.:)]?(?=\s|$)/i,
    kind: (m) =>
      m[2] !== undefined
        ? 'subparagraph'
        : m[1]!.toUpperCase() === 'PP'
          ? 'preambular'
          : 'operative',
  },
  { pattern: /^\(([a-z]{1,4})\)(?=\s|$)/, kind: () => 'subparagraph' },
  { pattern: /^[a-z]\)(?=\s|$)/, kind: () => 'subparagraph' },
  { pattern: /^[a-z]\.(?=\s)/, kind: () => 'subparagraph' },
  { pattern: /^\d{1,4}[.)](?=\s|$)/, kind: () => 'number' },
];

/** Typed numbering at the front of a paragraph, and the text without it. */
export function stripTypedLabel(text: string): { text: string; label?: TypedLabel } {
  for (const { pattern, kind } of LABELS) {
    const match = pattern.exec(text);
    if (match) {
      return {
        text: text.slice(match[0].length).trimStart(),
        label: { raw: match[0], kind: kind(match) },
      };
    }
  }
  return { text };
}

/** A UN document symbol on a line of its own ("A/RES/73/195", "A/CONF.231/3"). */
const SYMBOL = /^[A-Z][A-Z0-9.]{0,9}(?:\/[A-Za-z0-9.()-]+){1,6}$/;
/** "Label: value" on a cover page: a short capitalised label, then the value. */
const METADATA_LINE = /^([A-Z][\w'’-]*(?: [\w'’-]+){0,6}):\s+(\S.*)$/;
/** The chair's status, as exports print it after a paragraph. */
const STATUS_NOTE = /\s*\((agreed ad ref|bracketed)\)$/;
/** A section heading typed as text: "II. Commitments", short and without end punctuation. */
const TYPED_HEADING = /^[IVXLC]{1,6}\.\s+[A-Z][^.,;:]*$/;

const excerptOf = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);
const endsWith = (text: string, chars: string) => chars.includes(text.trimEnd().slice(-1));

interface Decision {
  kind: ParagraphKind;
  by: RecognisedBy;
  evidence: string;
}

export function recogniseDraft(
  blocks: readonly SourceBlock[],
  source: { format: DraftFormat; bytes: number },
): RecognisedDraft {
  const paragraphs: ImportedParagraph[] = [];
  const entries: Omit<RecognisedParagraph, 'label'>[] = [];
  const warnings: ImportWarning[] = [];
  const found: { title: string | null; symbol: string | null } = { title: null, symbol: null };
  let empties = 0;

  const texts = blocks.filter((b): b is TextBlock => b.type === 'text');
  // A draft whose only top-level heading is its first line is titled by it.
  const h1s = texts.filter((b) => b.headingLevel === 1 && b.style !== 'title');
  const firstText = texts[0];
  const soleLeadingH1 =
    h1s.length === 1 && firstText === h1s[0] && !texts.some((b) => b.style === 'title');

  const last = () => paragraphs[paragraphs.length - 1];
  const sawKind = (kind: ParagraphKind) => paragraphs.some((p) => p.kind === kind);
  const numberedParentBefore = () => {
    for (let i = paragraphs.length - 1; i >= 0; i--) {
      const kind = paragraphs[i]!.kind;
      if (kind === 'heading') return false;
      if (kind === 'preambular' || kind === 'operative') return true;
    }
    return false;
  };

  for (const block of blocks) {
    if (block.type === 'dropped') {
      if (block.what === 'empty') {
        empties++;
        continue;
      }
      warnings.push({
        code: `${block.what}-dropped`,
        message: droppedMessage(block.what, block.detail),
        at: paragraphs.length - 1,
      });
      continue;
    }
    const frontMatter = paragraphs.length === 0;
    const text = block.text;
    if (text === '') {
      empties++;
      continue;
    }

    // Front matter: the title and the symbol are the document's, not paragraphs of it.
    if (
      frontMatter &&
      found.title === null &&
      (block.style === 'title' || (soleLeadingH1 && block === firstText))
    ) {
      found.title = text;
      warnings.push({
        code: 'title-from-draft',
        message: `“${excerptOf(text)}” is the draft's title, not a paragraph`,
        at: -1,
      });
      continue;
    }
    if (
      frontMatter &&
      found.symbol === null &&
      block.headingLevel === undefined &&
      SYMBOL.test(text)
    ) {
      found.symbol = text;
      warnings.push({
        code: 'symbol-from-draft',
        message: `“${text}” is the draft's document symbol, not a paragraph`,
        at: -1,
      });
      continue;
    }
    // The rest of a cover page (a subtitle, "Symbol: …", "As of: …"), between the title and the
    // first paragraph: it describes the document and is not part of its text.
    if (frontMatter && found.title !== null && block.headingLevel === undefined) {
      const metadata = METADATA_LINE.exec(text);
      const isMetadata =
        metadata !== null && !openingOf(text) && stripTypedLabel(text).label === undefined;
      const isSubtitle =
        (block.style === 'subtitle' || block.allItalic === true) &&
        text.split(' ').length <= 12 &&
        !endsWith(text, ',;');
      if (isMetadata || isSubtitle) {
        if (metadata?.[1] === 'Symbol' && found.symbol === null) found.symbol = metadata[2]!;
        warnings.push({
          code: 'front-matter-dropped',
          message: `“${excerptOf(text)}” is on the draft's cover, not a paragraph`,
          at: -1,
        });
        continue;
      }
    }
    if (frontMatter && block.style === 'subtitle') {
      warnings.push({
        code: 'kind-defaulted',
        message: `The subtitle “${excerptOf(text)}” was kept as a heading`,
        at: 0,
      });
      push({ kind: 'heading', by: 'style', evidence: 'Word “Subtitle” style' }, text);
      continue;
    }

    if (block.headingLevel !== undefined || block.style === 'title') {
      const evidence =
        source.format === 'docx'
          ? `Word heading style (level ${block.headingLevel ?? 1})`
          : `Markdown heading (${'#'.repeat(block.headingLevel ?? 1)})`;
      push({ kind: 'heading', by: 'style', evidence }, text);
      continue;
    }

    const stripped = stripTypedLabel(text);
    const { label } = stripped;
    let body = stripped.text;
    const note = STATUS_NOTE.exec(body);
    if (note) {
      // An exported text marks the chair's status after a paragraph; the status is not text.
      body = body.slice(0, note.index);
      warnings.push({
        code: 'status-note-removed',
        message: `The note “(${note[1]})” after “${excerptOf(body)}” was removed; set the paragraph's status again if it still holds`,
        at: paragraphs.length,
      });
    }
    if (body === '') {
      empties++;
      continue;
    }
    const decision = decide(block, body, label);
    if (decision.kind === 'subparagraph' && !numberedParentBefore()) {
      warnings.push({
        code: 'subparagraph-without-parent',
        message: `Sub-paragraph “${excerptOf(body)}” has no numbered paragraph before it; it is lettered on its own`,
        at: paragraphs.length,
      });
    }
    if (decision.by === 'default') {
      warnings.push({
        code: 'kind-defaulted',
        message: `“${excerptOf(body)}” was not recognised; imported as ${decision.kind} (${decision.evidence})`,
        at: paragraphs.length,
      });
    }
    if (decision.kind === 'heading') {
      warnings.push({
        code: 'chapeau-as-heading',
        message: `“${excerptOf(body)}” opens the draft without being a paragraph; kept as a heading`,
        at: paragraphs.length,
      });
    }
    if (block.list && block.list.depth > 1) {
      warnings.push({
        code: 'level-flattened',
        message: `“${excerptOf(body)}” is nested ${block.list.depth + 1} levels deep; Accord letters one level, so it became a sub-paragraph`,
        at: paragraphs.length,
      });
    }
    push(decision, body, label?.raw);
  }

  if (empties > 0) {
    warnings.push({
      code: 'empty-paragraphs-dropped',
      message: `${empties} empty paragraph${empties === 1 ? '' : 's'} dropped`,
    });
  }

  const labels = numberParagraphs(paragraphs.map((p, i) => ({ id: String(i), kind: p.kind })));
  const counts = {
    heading: 0,
    preambular: 0,
    operative: 0,
    subparagraph: 0,
    total: paragraphs.length,
  };
  for (const p of paragraphs) counts[p.kind]++;
  return {
    paragraphs,
    report: {
      format: source.format,
      bytes: source.bytes,
      counts,
      found,
      paragraphs: entries.map((e, i) => ({ ...e, label: labels[i]!.label })),
      warnings,
    },
  };

  function push(decision: Decision, text: string, numberingRemoved?: string): void {
    entries.push({
      index: paragraphs.length,
      kind: decision.kind,
      recognisedBy: decision.by,
      evidence: decision.evidence,
      ...(numberingRemoved !== undefined ? { numberingRemoved: numberingRemoved.trim() } : {}),
      excerpt: excerptOf(text),
    });
    paragraphs.push({ kind: decision.kind, text });
  }

  function decide(block: TextBlock, body: string, label: TypedLabel | undefined): Decision {
    const opening = openingOf(body);
    const said = opening ? `opening “${opening.words}”` : undefined;
    const styleName = {
      preambular: 'Preambular',
      operative: 'Operative',
      subparagraph: 'Subparagraph',
    };
    if (
      block.style === 'preambular' ||
      block.style === 'operative' ||
      block.style === 'subparagraph'
    ) {
      return { kind: block.style, by: 'style', evidence: `Word “${styleName[block.style]}” style` };
    }
    if (label && label.kind !== 'number') {
      return { kind: label.kind, by: 'numbering', evidence: `typed “${label.raw.trim()}”` };
    }
    const listed = block.list
      ? source.format === 'docx'
        ? `Word numbering, level ${block.list.depth + 1}`
        : `${block.list.ordered ? 'numbered' : 'bulleted'} list, level ${block.list.depth + 1}`
      : undefined;
    if (block.list && block.list.depth >= 1) {
      return { kind: 'subparagraph', by: 'numbering', evidence: listed! };
    }
    const previous = last();
    const introduced =
      previous !== undefined &&
      previous.kind !== 'heading' &&
      (endsWith(previous.text, ':') || previous.kind === 'subparagraph');
    if (block.list && /^[a-z]/.test(body) && introduced) {
      // Word keeps lettered items in a list of their own at the outer level, and mammoth does not
      // say how a list is numbered: an operative paragraph never opens in lower case, though.
      return {
        kind: 'subparagraph',
        by: 'context',
        evidence: `${listed}, lower-case opening after a paragraph that introduces a list`,
      };
    }
    const numbered = label
      ? `typed “${label.raw.trim()}”`
      : block.list?.ordered
        ? listed
        : undefined;
    if (numbered !== undefined) {
      // Compacts number preambular paragraphs too: the opening word tells them apart.
      if (opening?.kind === 'preambular') {
        return { kind: 'preambular', by: 'opening-word', evidence: `${said}, ${numbered}` };
      }
      return {
        kind: 'operative',
        by: 'numbering',
        evidence: said ? `${numbered}, ${said}` : numbered,
      };
    }
    if (block.list) {
      // A bulleted item: a sub-paragraph of the paragraph that introduces it, unless it opens like one.
      if (opening)
        return { kind: opening.kind, by: 'opening-word', evidence: `${said}, ${listed}` };
      return numberedParentBefore()
        ? { kind: 'subparagraph', by: 'numbering', evidence: listed! }
        : { kind: 'operative', by: 'default', evidence: `${listed}, nothing to attach it to` };
    }
    if (opening) {
      const italic = block.italicOpening ? ' in italics' : '';
      return { kind: opening.kind, by: 'opening-word', evidence: `${said}${italic}` };
    }
    if (TYPED_HEADING.test(body) && body.split(' ').length <= 12) {
      return { kind: 'heading', by: 'numbering', evidence: 'typed section number' };
    }
    if (/^[a-z]/.test(body) && introduced) {
      return {
        kind: 'subparagraph',
        by: 'context',
        evidence: 'lower-case opening after a paragraph that introduces a list',
      };
    }
    if (block.italicOpening && endsWith(body, ',')) {
      return { kind: 'preambular', by: 'style', evidence: 'italic opening, ends with a comma' };
    }
    if (
      paragraphs.length === 0 ||
      (paragraphs.every((p) => p.kind === 'heading') && !sawKind('preambular'))
    ) {
      // "The General Assembly," or "We, the Heads of State…,": the line that introduces the preamble.
      if (endsWith(body, ',') && body.split(' ').length <= 25 && /^(The|We)\b/.test(body)) {
        return { kind: 'heading', by: 'context', evidence: 'introduces the preamble' };
      }
    }
    if (endsWith(body, ','))
      return { kind: 'preambular', by: 'default', evidence: 'ends with a comma' };
    if (sawKind('operative'))
      return { kind: 'operative', by: 'default', evidence: 'after the first operative paragraph' };
    if (endsWith(body, ';.:'))
      return { kind: 'operative', by: 'default', evidence: 'ends like an operative paragraph' };
    return { kind: 'preambular', by: 'default', evidence: 'before any operative paragraph' };
  }
}

function droppedMessage(what: DroppedBlock['what'], detail?: string): string {
  const about = detail ? ` (“${excerptOf(detail)}”)` : '';
  switch (what) {
    case 'table':
      return `A table was dropped${about}: Accord paragraphs hold text only`;
    case 'image':
      return `An image was dropped${about}`;
    case 'footnotes':
      return `Footnotes were dropped${about}`;
    case 'code':
      return `A code block was dropped${about}`;
    case 'html':
      return `Raw HTML was dropped${about}`;
    case 'empty':
      return 'An empty paragraph was dropped';
  }
}
