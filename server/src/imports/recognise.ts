/**
 * Recognises a draft's structure the way a delegate reads it: headings, preambular paragraphs
 * (opening with a participle or adjective — "Recalling", "Noting with concern", "Mindful" — and
 * ending with a comma), operative paragraphs (numbered, opening with a present-tense verb —
 * "Decides", "Requests", "Commit to"), and lettered sub-paragraphs. Typed numbering ("1.",
 * "(a)", "PP 3", "OP 12") is taken off the text: numbers are derived from the order of
 * paragraphs, never stored.
 *
 * It also reads a negotiation text as negotiators write it (decisions in ./README.md): brackets
 * and options become data on each paragraph (paragraph-notation.ts, with the shared notation),
 * alternative whole paragraphs become option sets, chapeaus and "Article N" lines are kept as
 * headings that open the preamble or the operative part, and tables of contents and editorial
 * notes are set aside; footnotes stay with the paragraph that refers to them.
 *
 *   recogniseDraft(blocks, { format: 'markdown', bytes: 812 })
 *   // → { paragraphs: [{ kind: 'preambular', text: 'Recalling …,' }, …], report }
 */
import {
  DOCUMENT_LIMITS,
  emptyBracketCounts,
  numberParagraphs,
  paragraphOptionOf,
  type BracketCounts,
  type ParagraphKind,
} from '@accord/shared';
import type {
  DraftFormat,
  DroppedBlock,
  ImportedParagraph,
  ImportedParagraphOptionSet,
  ImportWarning,
  RecognisedBy,
  RecognisedDraft,
  RecognisedParagraph,
  SourceBlock,
  TextBlock,
} from './draft-model.js';
import {
  isEditorialNote,
  plainParagraph,
  readParagraph,
  withLiteralBrackets,
  removeRange,
  trimmed,
  type AnnotatedText,
} from './paragraph-notation.js';

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

/** A treaty-style article heading typed as text: "Article 3", "Article 12 bis — Finance". */
const ARTICLE =
  /^(?:Article|ARTICLE|Art\.)\s+(?:\d{1,3}|[IVXLC]{1,6})(?:\s+(?:bis|ter|quater))?(?:(?:\s*[.:—–-]\s*|\s+)[A-Z(][^.;,]*)?$/;
/** Headings that name the part of the text that follows. */
const PREAMBLE_HEADING = /^(?:[IVXLC]{1,6}\.\s+|[A-Z]\.\s+)?(?:the\s+)?preamb(?:le|ular)\b/i;
const OPERATIVE_HEADING = /^(?:[IVXLC]{1,6}\.\s+|[A-Z]\.\s+)?(?:the\s+)?operative\b/i;
/** The chapeau that introduces the operative part: "Have agreed as follows:". */
const OPERATIVE_CHAPEAU = /\bas follows\s*:$/i;
/** A heading over a table of contents. */
const CONTENTS_HEADING = /^(?:table of )?contents$/i;
/** A contents entry: dot leaders or a tab before a page number (tested on a line's last characters). */
const CONTENTS_ENTRY = /(?:\.{3,}|…{2,}|\t)\s*\d{1,4}$/;
const isContentsEntry = (text: string) => CONTENTS_ENTRY.test(text.slice(-40));

type Section = 'preamble' | 'operative';

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
  const paragraphOptionSets: ImportedParagraphOptionSet[] = [];
  let empties = 0;

  const texts = blocks.filter((b): b is TextBlock => b.type === 'text');
  // A draft whose only top-level heading is its first line is titled by it.
  const h1s = texts.filter((b) => b.headingLevel === 1 && b.style !== 'title');
  const firstText = texts[0];
  const soleLeadingH1 =
    h1s.length === 1 && firstText === h1s[0] && !texts.some((b) => b.style === 'title');
  // Footnotes come at the end of a file; their references come first.
  const footnoteTexts = new Map<string, string>();
  for (const b of blocks) {
    if (b.type === 'footnotes') for (const n of b.notes) footnoteTexts.set(n.id, n.text);
  }
  const referenced = new Set<string>();

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

  let section: Section | undefined;
  let inContents = false;
  let articles = 0;
  /** The whole-paragraph option set still taking options, and a label line waiting for its paragraph. */
  let optionSet: ImportedParagraphOptionSet | undefined;
  let waitingLabel: string | undefined;
  const addOption = (label: string, paragraph: number | null) => {
    if (!optionSet || /^\S+ (?:1|A)$/i.test(label)) {
      optionSet = { options: [] };
      paragraphOptionSets.push(optionSet);
    }
    optionSet.options.push({ label, paragraph });
  };

  for (const block of blocks) {
    if (block.type === 'footnotes') continue;
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
    // What is read past the notation (title, symbol, cover lines, notes) keeps literal brackets.
    const plain = withLiteralBrackets(text);
    if (text === '') {
      empties++;
      continue;
    }
    const isHeading = block.headingLevel !== undefined || block.style === 'title';

    // A table of contents: its heading, then entries up to the next heading or real paragraph.
    if (CONTENTS_HEADING.test(text.replace(/[:.]$/, '')) && (isHeading || frontMatter)) {
      inContents = true;
      warnings.push({
        code: 'table-of-contents-dropped',
        message: `The table of contents under “${text}” was not imported`,
        at: paragraphs.length - 1,
      });
      continue;
    }
    if (inContents) {
      const entry =
        !isHeading &&
        (block.list !== undefined ||
          isContentsEntry(text) ||
          (text.split(' ').length <= 12 && !endsWith(text, ',;.:')));
      if (entry) continue;
      inContents = false;
    }
    if (!isHeading && isContentsEntry(text) && text.split(' ').length <= 16) {
      warnings.push({
        code: 'table-of-contents-dropped',
        message: `“${excerptOf(text)}” reads as a contents entry; not imported`,
        at: paragraphs.length - 1,
      });
      continue;
    }
    if (isEditorialNote(text)) {
      warnings.push({
        code: 'editorial-note-dropped',
        message: `Editorial note not imported: “${excerptOf(plain.replace(/^\[|\]$/g, ''))}”`,
        at: paragraphs.length - 1,
      });
      continue;
    }

    // Front matter: the title and the symbol are the document's, not paragraphs of it.
    if (
      frontMatter &&
      found.title === null &&
      (block.style === 'title' || (soleLeadingH1 && block === firstText))
    ) {
      found.title = plain;
      warnings.push({
        code: 'title-from-draft',
        message: `“${excerptOf(plain)}” is the draft's title, not a paragraph`,
        at: -1,
      });
      continue;
    }
    if (frontMatter && found.symbol === null && !isHeading && SYMBOL.test(text)) {
      found.symbol = plain;
      warnings.push({
        code: 'symbol-from-draft',
        message: `“${plain}” is the draft's document symbol, not a paragraph`,
        at: -1,
      });
      continue;
    }
    // The rest of a cover page (a subtitle, "Symbol: …", "As of: …"), between the title and the
    // first paragraph: it describes the document and is not part of its text.
    if (frontMatter && found.title !== null && block.headingLevel === undefined) {
      const metadata = METADATA_LINE.exec(text);
      const isMetadata =
        metadata !== null &&
        !openingOf(text) &&
        stripTypedLabel(text).label === undefined &&
        paragraphOptionOf(text) === undefined;
      const isSubtitle =
        (block.style === 'subtitle' || block.allItalic === true) &&
        text.split(' ').length <= 12 &&
        !endsWith(text, ',;');
      if (isMetadata || isSubtitle) {
        if (metadata?.[1] === 'Symbol' && found.symbol === null)
          found.symbol = withLiteralBrackets(metadata[2]!);
        warnings.push({
          code: 'front-matter-dropped',
          message: `“${excerptOf(plain)}” is on the draft's cover, not a paragraph`,
          at: -1,
        });
        continue;
      }
    }

    // Whole-paragraph options: "Option 1: …", "[Option 2: …]", "Option 3: No text", "Option 4".
    // The option label may stand before or after the paragraph's typed number ("12. Option 1: …").
    const numberedOption = stripTypedLabel(text);
    const option =
      paragraphOptionOf(text) ??
      (numberedOption.label ? paragraphOptionOf(numberedOption.text) : undefined);
    let optionLabel: string | undefined;
    let typed = text;
    if (option) {
      if (option.labelOnly) {
        if (waitingLabel !== undefined) addOption(waitingLabel, null);
        waitingLabel = option.label;
        continue;
      }
      if (option.noText) {
        addOption(option.label, null);
        continue;
      }
      optionLabel = option.label;
      typed =
        numberedOption.label && !paragraphOptionOf(text)
          ? `${numberedOption.label.raw} ${option.text}`
          : option.text;
    } else if (waitingLabel !== undefined && !isHeading) {
      optionLabel = waitingLabel;
    } else if (waitingLabel !== undefined) {
      // A label line with no paragraph before the next heading proposes nothing.
      addOption(waitingLabel, null);
    }
    waitingLabel = undefined;
    if (optionLabel === undefined) optionSet = undefined;

    // A paragraph far over the length limit is refused later (paragraph-too-long); its
    // notation is not worth reading, and a hostile one would only cost time and memory.
    const read =
      typed.length > 2 * DOCUMENT_LIMITS.paragraphText
        ? plainParagraph(typed)
        : readParagraph(typed);
    for (const note of read.editorialNotes) {
      warnings.push({
        code: 'editorial-note-dropped',
        message: `Editorial note taken out of the paragraph: “${excerptOf(note)}”`,
        at: paragraphs.length,
      });
    }
    for (const problem of read.problems) {
      warnings.push({
        code: 'brackets-unbalanced',
        message: `${problem.message} (in “${excerptOf(typed)}”)`,
        at: paragraphs.length,
      });
    }
    let words = read.annotated;

    if (frontMatter && block.style === 'subtitle') {
      warnings.push({
        code: 'kind-defaulted',
        message: `The subtitle “${excerptOf(words.text)}” was kept as a heading`,
        at: 0,
      });
      push({ kind: 'heading', by: 'style', evidence: 'Word “Subtitle” style' }, words);
      continue;
    }

    if (isHeading) {
      const evidence =
        source.format === 'docx'
          ? `Word heading style (level ${block.headingLevel ?? 1})`
          : `Markdown heading (${'#'.repeat(block.headingLevel ?? 1)})`;
      noteSection(words.text);
      if (ARTICLE.test(words.text)) articles++;
      push({ kind: 'heading', by: 'style', evidence }, words, undefined, optionLabel);
      continue;
    }

    const stripped = stripTypedLabel(words.text);
    const { label } = stripped;
    words = removeRange(words, 0, words.text.length - stripped.text.length);
    const note = STATUS_NOTE.exec(words.text);
    if (note) {
      // An exported text marks the chair's status after a paragraph; the status is not text.
      words = removeRange(words, note.index, words.text.length);
      warnings.push({
        code: 'status-note-removed',
        message: `The note “(${note[1]})” after “${excerptOf(words.text)}” was removed; set the paragraph's status again if it still holds`,
        at: paragraphs.length,
      });
    }
    words = trimmed(words);
    const body = words.text;
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
      if (decision.evidence === 'treaty-style article') articles++;
      else
        warnings.push({
          code: 'chapeau-as-heading',
          message: `“${excerptOf(body)}” is a chapeau: it ${decision.evidence}; kept as a heading, not numbered`,
          at: paragraphs.length,
        });
      noteSection(body, decision.evidence);
    }
    if (block.list && block.list.depth > 1) {
      warnings.push({
        code: 'level-flattened',
        message: `“${excerptOf(body)}” is nested ${block.list.depth + 1} levels deep; Accord letters one level, so it became a sub-paragraph`,
        at: paragraphs.length,
      });
    }
    push(decision, words, label?.raw, optionLabel);
  }
  if (waitingLabel !== undefined) addOption(waitingLabel, null);

  if (empties > 0) {
    warnings.push({
      code: 'empty-paragraphs-dropped',
      message: `${empties} empty paragraph${empties === 1 ? '' : 's'} dropped`,
    });
  }

  const labels = numberParagraphs(paragraphs.map((p, i) => ({ id: String(i), kind: p.kind })));
  for (const [id, text] of footnoteTexts) {
    if (!referenced.has(id)) {
      warnings.push({
        code: 'footnote-kept',
        message: `Footnote ${id} is referenced from no paragraph; kept in this report only: “${excerptOf(text)}”`,
      });
    }
  }
  paragraphs.forEach((p, i) => {
    for (const f of p.footnotes) {
      warnings.push({
        code: 'footnote-kept',
        message: `Footnote ${f.marker} of ${labels[i]!.label ?? 'a heading'} kept with the paragraph: “${excerptOf(f.text)}”`,
        at: i,
      });
    }
  });
  const negotiation = negotiationCounts(paragraphs, paragraphOptionSets);
  if (negotiation.brackets > 0) {
    const holding = paragraphs.filter((p) => p.brackets.length > 0).length;
    warnings.push({
      code: 'brackets-recognised',
      message: `${negotiation.brackets} bracket pair${negotiation.brackets === 1 ? '' : 's'} in ${holding} paragraph${holding === 1 ? '' : 's'} read as brackets (nested ones each)`,
    });
  }
  if (negotiation.optionSets > 0) {
    const inline = paragraphs.reduce((n, p) => n + p.inlineOptions.length, 0);
    warnings.push({
      code: 'options-recognised',
      message: `${negotiation.optionSets} option set${negotiation.optionSets === 1 ? '' : 's'} with ${negotiation.options} alternatives read as options: ${inline} inside paragraphs, ${paragraphOptionSets.length} of whole paragraphs`,
    });
  }
  if (articles > 0) {
    warnings.push({
      code: 'article-kept',
      message: `Treaty-style text: ${articles} article heading${articles === 1 ? '' : 's'} kept as headings; the numbered paragraphs under them are operative paragraphs, numbered on through the text`,
    });
  }

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
    paragraphOptionSets,
    report: {
      format: source.format,
      bytes: source.bytes,
      counts,
      negotiation,
      found,
      paragraphs: entries.map((e, i) => ({ ...e, label: labels[i]!.label })),
      warnings,
    },
  };

  /** A heading or chapeau that names the part of the text that follows. */
  function noteSection(text: string, evidence?: string): void {
    const next: Section | undefined =
      PREAMBLE_HEADING.test(text) || evidence === 'introduces the preamble'
        ? 'preamble'
        : OPERATIVE_HEADING.test(text) ||
            OPERATIVE_CHAPEAU.test(text) ||
            ARTICLE.test(text) ||
            evidence === 'treaty-style article'
          ? 'operative'
          : undefined;
    if (next === undefined) {
      // Another heading ends a preamble; an operative part goes on under its own headings.
      if (section === 'preamble' && evidence === undefined) section = undefined;
      return;
    }
    if (next === section) return;
    section = next;
    // A chapeau's own warning already says which part it opens.
    if (evidence !== undefined && evidence !== 'treaty-style article') return;
    warnings.push({
      code: 'section-recognised',
      message: `“${excerptOf(text)}” opens the ${next === 'preamble' ? 'preamble' : 'operative part'}`,
      at: paragraphs.length,
    });
  }

  function push(
    decision: Decision,
    words: AnnotatedText,
    numberingRemoved?: string,
    optionLabel?: string,
  ): void {
    const footnotes = words.footnoteRefs.map(({ id, at }) => {
      referenced.add(id);
      const text = footnoteTexts.get(id);
      if (text === undefined) {
        warnings.push({
          code: 'footnote-kept',
          message: `Footnote ${id} is referenced in “${excerptOf(words.text)}” but its note is missing`,
          at: paragraphs.length,
        });
      }
      return { marker: id, text: text ?? '', at };
    });
    const evidence =
      optionLabel === undefined
        ? decision.evidence
        : `${optionLabel} of a set of paragraphs; ${decision.evidence}`;
    entries.push({
      index: paragraphs.length,
      kind: decision.kind,
      recognisedBy: decision.by,
      evidence,
      ...(numberingRemoved !== undefined ? { numberingRemoved: numberingRemoved.trim() } : {}),
      excerpt: excerptOf(words.text),
    });
    if (optionLabel !== undefined) addOption(optionLabel, paragraphs.length);
    paragraphs.push({
      kind: decision.kind,
      text: words.text,
      brackets: words.brackets,
      inlineOptions: words.inlineOptions,
      footnotes,
    });
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
    if (!label && !block.list && body.split(' ').length <= 14 && ARTICLE.test(body)) {
      return { kind: 'heading', by: 'numbering', evidence: 'treaty-style article' };
    }
    if (!label && body.split(' ').length <= 12 && OPERATIVE_CHAPEAU.test(body)) {
      return { kind: 'heading', by: 'context', evidence: 'introduces the operative part' };
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
      if (section === 'preamble' && opening?.kind !== 'operative' && !sawKind('operative')) {
        return { kind: 'preambular', by: 'context', evidence: `${numbered}, in the preamble` };
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
    if (block.italicOpening && section !== 'operative' && !sawKind('operative')) {
      // UN documents set a preambular paragraph's opening participle in italics.
      return {
        kind: 'preambular',
        by: 'style',
        evidence: 'italic opening, before the operative part',
      };
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
    if (section === 'preamble' && !sawKind('operative'))
      return { kind: 'preambular', by: 'context', evidence: 'under a preamble heading' };
    if (section === 'operative')
      return { kind: 'operative', by: 'context', evidence: 'in the operative part' };
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
    case 'front-matter':
      return `The front matter was not imported${about}`;
    case 'attribute-list':
      return `Attribute lists were removed${about}: they style a page, they are not text`;
    case 'table-of-contents':
      return `A table of contents was not imported${about}`;
  }
}

/** Brackets, option sets and alternatives in the draft, counted as the burn-down counts them. */
export function negotiationCounts(
  paragraphs: readonly ImportedParagraph[],
  paragraphOptionSets: readonly ImportedParagraphOptionSet[],
): BracketCounts {
  const counts = emptyBracketCounts();
  for (const p of paragraphs) {
    counts.brackets += p.brackets.length;
    counts.optionSets += p.inlineOptions.length;
    for (const set of p.inlineOptions) counts.options += set.spans.length;
  }
  counts.optionSets += paragraphOptionSets.length;
  for (const set of paragraphOptionSets) counts.options += set.options.length;
  return counts;
}
