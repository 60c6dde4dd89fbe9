/**
 * Akoma Ntoso 3.0 (OASIS LegalDocML), valid against akomantoso30.xsd: the text as a `statement`
 * (preambular paragraphs as recitals in the preamble, operative paragraphs with their lettered
 * sub-paragraphs in the main body), every paragraph's eId derived from its stable id. Changes are
 * AKN `ins`/`del` inlines that refer to the delegation (a TLCOrganization); each pending proposal
 * is also an AKN `amendment` document in the attachments (heading with sponsors, content as a
 * `mod` quoting the old and new words, justification), so a legal-document system can take
 * them one by one. Accord's own details (author names, dates) ride in the `accord:` namespace,
 * which the schema allows on every element.
 *
 * Brackets and inline options are nested `<inline name="bracket">` / `<inline name="option">`
 * elements referring to the delegation that placed or proposed them, with the printed "[" and
 * "]" kept inside as editorial spans; the compilation's "placed by" tag is a `<sup>`. An
 * alternative paragraph of a whole-paragraph option set names the first one in `alternativeTo`.
 */
import { xmlSafeText } from '@accord/shared';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import {
  eIdOf,
  paragraphBlocks,
  type Attribution,
  type Delimiter,
  type ExportBlock,
  type ExportModel,
  type ParagraphBlock,
  type ProposalNote,
  type Run,
} from '../model.js';
import { labelsOf, metadataValue, optionLine } from './text.js';

const AKN = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/**
 * xmlbuilder2 escapes `&` only when it does not already start an entity reference, so typed
 * text such as "&K;" would reach the file as an undefined entity and "&amp;" would lose its
 * meaning. Escaping every `&` first makes the builder write each one as `&amp;`. Every value
 * also loses characters XML 1.0 forbids.
 */
const xmlText = (value: string): string => xmlSafeText(value).replace(/&/g, '&amp;');
const ACCORD = 'https://accord.invalid/ns/export/1';

/** ISO 639-2 codes for the FRBR language; the tag itself when unknown. */
const LANGUAGES: Record<string, string> = {
  en: 'eng',
  fr: 'fra',
  es: 'spa',
  ar: 'ara',
  ru: 'rus',
  zh: 'zho',
};

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'document';

/** Stable ontology ids for the authors named in the model. */
class Organizations {
  private readonly byKey = new Map<string, { eId: string; name: string }>();
  ref(by: Attribution): string {
    const key = by.stakeholderId ?? by.author;
    let org = this.byKey.get(key);
    if (!org) {
      org = { eId: eIdOf('org', by.stakeholderId ?? slug(by.author)), name: by.author };
      this.byKey.set(key, org);
    }
    return `#${org.eId}`;
  }
  all() {
    return [...this.byKey.values()].sort((a, b) => a.eId.localeCompare(b.eId));
  }
}

function identification(
  meta: XMLBuilder,
  work: string,
  date: string,
  language: string,
  author: string,
  dateName: string,
): void {
  const id = meta.ele('identification').att('source', '#accord');
  const expression = `${work}/${language}@${date}`;
  id.ele('FRBRWork')
    .ele('FRBRthis')
    .att('value', xmlText(`${work}/!main`))
    .up()
    .ele('FRBRuri')
    .att('value', xmlText(work))
    .up()
    .ele('FRBRdate')
    .att('date', xmlText(date))
    .att('name', xmlText(dateName))
    .up()
    .ele('FRBRauthor')
    .att('href', xmlText(author))
    .up()
    .ele('FRBRcountry')
    .att('value', 'un')
    .up();
  id.ele('FRBRExpression')
    .ele('FRBRthis')
    .att('value', xmlText(`${expression}/!main`))
    .up()
    .ele('FRBRuri')
    .att('value', xmlText(expression))
    .up()
    .ele('FRBRdate')
    .att('date', xmlText(date))
    .att('name', xmlText(dateName))
    .up()
    .ele('FRBRauthor')
    .att('href', xmlText(author))
    .up()
    .ele('FRBRlanguage')
    .att('language', xmlText(language))
    .up();
  id.ele('FRBRManifestation')
    .ele('FRBRthis')
    .att('value', xmlText(`${expression}/!main.xml`))
    .up()
    .ele('FRBRuri')
    .att('value', xmlText(`${expression}.akn`))
    .up()
    .ele('FRBRdate')
    .att('date', xmlText(date))
    .att('name', 'generated')
    .up()
    .ele('FRBRauthor')
    .att('href', '#accord')
    .up();
}

/**
 * Opens the element of a bracket or an inline option: `<inline name="bracket">` or
 * `<inline name="option">`, referring to the delegation that placed or proposed it. The printed
 * characters ("[", "Option 2: ") stay inside as editorial spans, so a reader of the bare text
 * sees what a printed compilation shows.
 */
function openDelimited(parent: XMLBuilder, d: Delimiter, orgs: Organizations): XMLBuilder {
  const el = parent
    .ele('inline')
    .att('name', d.element)
    .att('eId', xmlText(d.eId))
    .att('refersTo', xmlText(orgs.ref(d.by)));
  el.att(
    ACCORD,
    d.element === 'bracket' ? 'accord:placedBy' : 'accord:proposedBy',
    xmlText(d.by.author),
  );
  el.att(ACCORD, 'accord:date', xmlText(d.by.date));
  if (d.label) el.att(ACCORD, 'accord:label', xmlText(d.label));
  if (d.optionSetEId) el.att(ACCORD, 'accord:optionSet', xmlText(d.optionSetEId));
  if (d.note?.trim()) el.att(ACCORD, 'accord:note', xmlText(d.note.trim()));
  return el;
}

function inline(parent: XMLBuilder, runs: readonly Run[], orgs: Organizations): void {
  // Brackets and options nest: each opening mark starts an element the runs after it go into.
  const open: { el: XMLBuilder; id: string }[] = [];
  const top = () => open.at(-1)?.el ?? parent;
  for (const r of runs) {
    if (!r.text) continue;
    if (r.delimits?.role === 'open') {
      const el = openDelimited(top(), r.delimits, orgs);
      el.ele('span').att('class', `editorial ${r.delimits.element}`).txt(xmlText(r.text));
      open.push({ el, id: r.delimits.id });
      continue;
    }
    if (r.delimits?.role === 'close') {
      top().ele('span').att('class', `editorial ${r.delimits.element}`).txt(xmlText(r.text));
      // Spans that cross (which the record refuses) would not close in order: such a mark is
      // printed and its element ends with the paragraph.
      if (open.at(-1)?.id === r.delimits.id) open.pop();
      continue;
    }
    if (r.tag) {
      top().ele('sup').att('class', 'placedBy').txt(xmlText(r.text));
      continue;
    }
    const parent = top();
    switch (r.kind) {
      case 'insert':
      case 'delete': {
        const el = parent.ele(r.kind === 'insert' ? 'ins' : 'del');
        if (r.by) {
          el.att('refersTo', xmlText(orgs.ref(r.by)));
          el.att(ACCORD, 'accord:author', xmlText(r.by.author));
          el.att(ACCORD, 'accord:date', xmlText(r.by.date));
        }
        if (r.proposalId) el.att(ACCORD, 'accord:proposal', xmlText(eIdOf('amdt', r.proposalId)));
        el.txt(xmlText(r.text));
        break;
      }
      case 'mark':
        parent.ele('span').att('class', 'editorial').txt(xmlText(r.text));
        break;
      case undefined:
      case 'text':
        parent.txt(xmlText(r.text));
    }
  }
}

function paragraphAttributes(el: XMLBuilder, p: ParagraphBlock): void {
  el.att('eId', xmlText(p.eId));
  const classes: string[] = [p.kind, p.chairStatus];
  if (p.option) classes.push('option');
  if (p.change)
    classes.push(
      p.change.proposalId ? 'proposed' : p.change.kind === 'insert' ? 'added' : 'removed',
    );
  el.att('class', xmlText(classes.join(' ')));
  if (p.change?.kind === 'delete' && !p.change.proposalId) el.att('status', 'removed');
  el.att(ACCORD, 'accord:paragraphId', xmlText(p.id));
  if (p.change?.by) el.att(ACCORD, 'accord:changedBy', xmlText(p.change.by.author));
  if (p.option) {
    // One alternative of a whole-paragraph option set; the later ones name the first.
    if (p.option.alternativeTo) el.att('alternativeTo', xmlText(`#${p.option.alternativeTo}`));
    el.att(ACCORD, 'accord:optionSet', xmlText(eIdOf('opts', p.option.optionSetId)));
    el.att(ACCORD, 'accord:option', xmlText(p.option.label));
    el.att(ACCORD, 'accord:proposedBy', xmlText(p.option.by.author));
    if (p.option.noText) el.att(ACCORD, 'accord:noText', 'true');
  }
}

/** An alternative paragraph's words after its label, "Option 2: ", as an editorial mark. */
const withOptionLabel = (p: ParagraphBlock): Run[] => {
  const line = optionLine(p);
  return line ? [{ text: `${line}: `, kind: 'mark' }, ...p.runs] : p.runs;
};

/** A numbered paragraph of the body, with the sub-paragraphs lettered under it nested inside. */
function hierParagraph(
  parent: XMLBuilder,
  p: ParagraphBlock,
  children: ParagraphBlock[],
  orgs: Organizations,
): void {
  const el = parent.ele(p.kind === 'subparagraph' ? 'subparagraph' : 'paragraph');
  paragraphAttributes(el, p);
  if (p.label) el.ele('num').txt(xmlText(p.label));
  const runs = withOptionLabel(p);
  if (children.length === 0) {
    inline(el.ele('content').ele('p'), runs, orgs);
    return;
  }
  inline(el.ele('intro').ele('p'), runs, orgs);
  for (const child of children) hierParagraph(el, child, [], orgs);
}

function heading(parent: XMLBuilder, p: ParagraphBlock, orgs: Organizations): void {
  const el = parent.ele('hcontainer').att('name', 'heading');
  paragraphAttributes(el, p);
  inline(el.ele('heading'), p.runs, orgs);
}

let proseCounter = 0;

/** Blocks of the main body (or of a section): hier elements only. */
function body(
  parent: XMLBuilder,
  blocks: readonly ExportBlock[],
  orgs: Organizations,
  path: string,
): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    switch (b.type) {
      case 'paragraph': {
        if (b.kind === 'heading') {
          heading(parent, b, orgs);
          break;
        }
        const children: ParagraphBlock[] = [];
        if (b.kind !== 'subparagraph') {
          while (true) {
            const next = blocks[i + 1];
            if (next?.type !== 'paragraph' || next.kind !== 'subparagraph') break;
            children.push(next);
            i += 1;
          }
        }
        hierParagraph(parent, b, children, orgs);
        break;
      }
      case 'heading':
        parent
          .ele('hcontainer')
          .att('name', 'heading')
          .att('eId', xmlText(`${path}__hdg_${++proseCounter}`))
          .ele('heading')
          .txt(xmlText(b.text));
        break;
      case 'prose':
        inline(
          parent
            .ele('hcontainer')
            .att('name', 'text')
            .att('eId', xmlText(`${path}__text_${++proseCounter}`))
            .ele('content')
            .ele('p'),
          b.runs,
          orgs,
        );
        break;
      case 'list': {
        const content = parent
          .ele('hcontainer')
          .att('name', 'list')
          .att('eId', xmlText(`${path}__list_${++proseCounter}`))
          .ele('content');
        const list = content.ele(b.ordered ? 'ol' : 'ul');
        for (const item of b.items) inline(list.ele('li'), item, orgs);
        break;
      }
      case 'section': {
        const section = parent.ele('hcontainer').att('name', 'section').att('eId', xmlText(b.eId));
        section.ele('heading').txt(xmlText(b.title));
        body(section, b.blocks, orgs, b.eId);
        break;
      }
    }
  }
}

/** Leading headings and preambular paragraphs, up to the heading that opens the operative part. */
function splitPreamble(blocks: readonly ExportBlock[]): [ParagraphBlock[], ExportBlock[]] {
  let end = blocks.findIndex(
    (b) => b.type !== 'paragraph' || (b.kind !== 'preambular' && b.kind !== 'heading'),
  );
  if (end < 0) end = blocks.length;
  while (end > 0) {
    const before = blocks[end - 1]!;
    if (before.type === 'paragraph' && before.kind === 'heading' && end < blocks.length) end -= 1;
    else break;
  }
  const head = blocks.slice(0, end) as ParagraphBlock[];
  if (!head.some((b) => b.kind === 'preambular')) return [[], [...blocks]];
  return [head, blocks.slice(end)];
}

function amendmentDocument(
  attachments: XMLBuilder,
  note: ProposalNote,
  target: ParagraphBlock,
  model: ExportModel,
  orgs: Organizations,
  language: string,
): void {
  const amendment = attachments
    .ele('attachment')
    .att('eId', xmlText(note.eId))
    .ele('amendment')
    .att('name', xmlText(note.chairsCompromise ? 'chairsCompromise' : 'proposal'));
  const tabled = note.sponsors[0]?.date.slice(0, 10) ?? model.generatedAt.slice(0, 10);
  const sponsor = note.sponsors[0] ? orgs.ref(note.sponsors[0]) : '#accord';
  identification(
    amendment.ele('meta'),
    `/akn/un/amendment/${tabled}/${note.id}`,
    tabled,
    language,
    sponsor,
    'tabled',
  );
  const t = labelsOf(model);
  const amendmentBody = amendment.ele('amendmentBody');
  const headingP = amendmentBody.ele('amendmentHeading').ele('p');
  headingP.txt(xmlText(`${t(note.chairsCompromise ? 'akn.compromiseBy' : 'akn.proposalBy')} `));
  note.sponsors.forEach((s, i) => {
    if (i > 0) headingP.txt(xmlText(i === 1 ? `, ${t('akn.cosponsoredBy')} ` : ', '));
    headingP
      .ele('organization')
      .att('refersTo', xmlText(orgs.ref(s)))
      .txt(xmlText(s.author));
  });
  headingP.txt(xmlText(`, ${t('akn.to')} `));
  headingP
    .ele('ref')
    .att('href', xmlText(`#${target.eId}`))
    .txt(xmlText(target.label ?? t('akn.theParagraph')));
  if (note.option) headingP.txt(xmlText(` (${note.option})`));
  const mod = amendmentBody
    .ele('amendmentContent')
    .ele('p')
    .ele('mod')
    .att('eId', xmlText(`${note.eId}__mod`));
  const quoted = (text: string, suffix: string) =>
    mod
      .ele('quotedText')
      .att('eId', xmlText(`${note.eId}__${suffix}`))
      .txt(xmlText(text));
  switch (note.kind) {
    case 'insert':
      mod.txt(xmlText(`${t('akn.insert')} `));
      quoted(note.proposedText, 'new');
      if (note.originalText) {
        mod.txt(xmlText(` ${t('akn.at')} `));
        quoted(note.originalText, 'old');
      }
      break;
    case 'delete':
      mod.txt(xmlText(`${t('akn.delete')} `));
      quoted(note.originalText, 'old');
      break;
    case 'replace':
      mod.txt(xmlText(`${t('akn.replace')} `));
      quoted(note.originalText, 'old');
      mod.txt(xmlText(` ${t('akn.with')} `));
      quoted(note.proposedText, 'new');
      break;
    case 'add-paragraph':
      mod.txt(xmlText(`${t('akn.addAfter')} `));
      quoted(note.proposedText, 'new');
      break;
    case 'delete-paragraph':
      mod.txt(xmlText(t('akn.deleteParagraph')));
      break;
  }
  if (note.rationale.trim())
    amendmentBody.ele('amendmentJustification').ele('p').txt(xmlText(note.rationale.trim()));
}

export function renderAkn(model: ExportModel): Buffer {
  proseCounter = 0;
  const orgs = new Organizations();
  const date = model.generatedAt.slice(0, 10);
  const language = LANGUAGES[model.language] ?? model.language;
  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(AKN, 'akomaNtoso')
    .att('xmlns:accord', xmlText(ACCORD));
  const statement = root.ele('statement').att('name', xmlText(model.variant));
  // The language twice: FRBRlanguage (ISO 639-2) for the expression, and xml:lang (BCP 47) on
  // each part that holds text, since the schema allows it there and not on the document itself.
  const XML_NS = 'http://www.w3.org/XML/1998/namespace';
  const part = (name: string) =>
    statement.ele(name).att(XML_NS, 'xml:lang', xmlText(model.language));
  const meta = statement.ele('meta');
  identification(
    meta,
    `/akn/un/statement/${slug(model.variant)}/${date}/${slug(model.symbol)}`,
    date,
    language,
    '#accord',
    'generated',
  );
  const references = meta.ele('references').att('source', '#accord');

  const preface = part('preface');
  preface.ele('longTitle').ele('p').txt(xmlText(model.title));
  preface.ele('p').ele('docNumber').txt(xmlText(model.symbol));
  if (model.subtitle) preface.ele('p').ele('docType').txt(xmlText(model.subtitle));
  for (const m of model.metadata) {
    if (m.kind === 'symbol') continue;
    preface
      .ele('p')
      .att('class', 'metadata')
      .txt(xmlText(`${m.label}: ${metadataValue(m, labelsOf(model))}`));
  }

  const [preambleBlocks, mainBlocks] = splitPreamble(model.blocks);
  if (preambleBlocks.length > 0) {
    const preamble = part('preamble');
    let recitals: XMLBuilder | null = null;
    for (const p of preambleBlocks) {
      if (p.kind === 'heading') {
        recitals = null;
        const container = preamble.ele('container').att('name', 'heading');
        paragraphAttributes(container, p);
        inline(container.ele('p'), p.runs, orgs);
        continue;
      }
      recitals ??= preamble.ele('recitals');
      const recital = recitals.ele('recital');
      paragraphAttributes(recital, p);
      if (p.label) recital.ele('num').txt(xmlText(p.label));
      inline(recital.ele('p'), withOptionLabel(p), orgs);
    }
  }
  const mainBody = part('mainBody');
  body(mainBody, mainBlocks, orgs, 'body');
  // The schema wants a main body with something in it, even for a document with no paragraphs.
  if (mainBlocks.length === 0)
    mainBody
      .ele('hcontainer')
      .att('name', 'empty')
      .att('eId', 'body__empty')
      .ele('content')
      .ele('p');

  const withProposals = paragraphBlocks(model.blocks).filter((p) => p.proposals.length > 0);
  if (withProposals.length > 0) {
    const attachments = statement.ele('attachments');
    for (const p of withProposals)
      for (const note of p.proposals)
        amendmentDocument(attachments, note, p, model, orgs, language);
  }

  references
    .ele('TLCOrganization')
    .att('eId', 'accord')
    .att('href', '/ontology/organization/accord')
    .att('showAs', 'Accord');
  for (const org of orgs.all())
    references
      .ele('TLCOrganization')
      .att('eId', xmlText(org.eId))
      .att('href', xmlText(`/ontology/organization/${org.eId}`))
      .att('showAs', xmlText(org.name));

  return Buffer.from(root.end({ prettyPrint: false }), 'utf8');
}
