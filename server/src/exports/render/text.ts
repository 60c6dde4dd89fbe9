// Wording every renderer shares, so a proposal or a status reads the same in every format, in
// the export's label language (../i18n).
import { exportLabels, type ExportLabels } from '../i18n/index.js';
import type {
  Delimiter,
  ExportModel,
  MetadataLine,
  ParagraphBlock,
  ProposalNote,
  Run,
} from '../model.js';

/** The translator for a model's label language. */
export const labelsOf = (model: Pick<ExportModel, 'labels'>): ExportLabels =>
  exportLabels(model.labels);

/** "agreed ad ref", "bracketed", or null for an open paragraph. */
export const statusNote = (
  status: ParagraphBlock['chairStatus'],
  t: ExportLabels = exportLabels(),
): string | null => (status === 'open' ? null : t(`status.${status}`));

/** One line naming who proposes what: "EU (sponsor), NO — Option 2 — replace “x” with “y”". */
export function describeProposal(note: ProposalNote, t: ExportLabels = exportLabels()): string {
  const q = t.quote;
  const who = note.sponsors
    .map((s, i) =>
      i === 0 && note.sponsors.length > 1 ? t('proposal.sponsor', { name: s.author }) : s.author,
    )
    .join(', ');
  const by = note.chairsCompromise ? t('proposal.compromise', { who }) : who;
  const rationale = note.rationale.trim()
    ? ` ${t('proposal.rationale', { text: note.rationale.trim() })}`
    : '';
  if (note.subAmendmentOf !== undefined)
    // Its kind and quoted words are the parent's: what it changes is the parent's wording.
    return `${t('proposal.sub', { by, words: q(note.proposedText) })}${rationale}`;
  const what = (() => {
    switch (note.kind) {
      case 'insert':
        return note.originalText
          ? t('proposal.insertAt', { words: q(note.proposedText), at: q(note.originalText) })
          : t('proposal.insert', { words: q(note.proposedText) });
      case 'delete':
        return t('proposal.delete', { words: q(note.originalText) });
      case 'replace':
        return t('proposal.replace', {
          original: q(note.originalText),
          proposed: q(note.proposedText),
        });
      case 'add-paragraph':
        return t('proposal.add-paragraph', { words: q(note.proposedText) });
      case 'delete-paragraph':
        return t('proposal.delete-paragraph');
    }
  })();
  const parts = [
    by,
    ...(note.option ? [note.option] : []),
    what,
    ...(note.placed ? [] : [t('proposal.notPlaced')]),
  ];
  return `${parts.join(' — ')}.${rationale}`;
}

/** A paragraph's proposals with each sub-amendment under the proposal it changes. */
export function nestedProposals(
  notes: readonly ProposalNote[],
): { note: ProposalNote; subs: ProposalNote[] }[] {
  const ids = new Set(notes.map((n) => n.id));
  const top = notes.filter((n) => n.subAmendmentOf === undefined || !ids.has(n.subAmendmentOf));
  return top.map((note) => ({
    note,
    subs: notes.filter((n) => n.subAmendmentOf === note.id),
  }));
}

/** A date as readers see it on a cover: "4 March 2026, 09:00 UTC", in the label language. */
export const readableDate = (iso: string, t: ExportLabels = exportLabels()): string =>
  t.instant(iso);

/** A cover line's value as printed: instants as dates in the label language. */
export const metadataValue = (m: MetadataLine, t: ExportLabels): string =>
  m.kind === 'instant' ? t.instant(m.value) : m.value;

/** "Paragraph added by Norway" — a whole paragraph added or removed in a comparison. */
export const paragraphChange = (change: NonNullable<ParagraphBlock['change']>, t: ExportLabels) =>
  t('change.paragraph', { kind: change.kind, by: change.by?.author ?? 'none' });

/** Who changed the paragraph, for comparisons: "Inserted: Norway. Deleted: Ghana." */
export function changeAuthors(runs: readonly Run[], t: ExportLabels): string | null {
  const names = (kind: 'insert' | 'delete') => [
    ...new Set(
      runs.filter((r) => r.kind === kind && r.by && !r.proposalId).map((r) => r.by!.author),
    ),
  ];
  const inserted = names('insert');
  const deleted = names('delete');
  const parts = [
    ...(inserted.length ? [t('change.inserted', { names: inserted.join(', ') })] : []),
    ...(deleted.length ? [t('change.deleted', { names: deleted.join(', ') })] : []),
  ];
  return parts.length ? `${parts.join('. ')}.` : null;
}

/**
 * The line printed above an alternative paragraph ("Option 2"), or null. A "No text" option's
 * own runs already read "Option 3: No text".
 */
export const optionLine = (p: ParagraphBlock): string | null =>
  p.option && !p.option.noText ? p.option.line : null;

/**
 * What a bracket or an option mark says when asked (a tooltip, a title): "Bracket placed by
 * Maranu, 4 March 2026, 09:00 UTC: pending consultations", "Option 2 proposed by Pelenoa, …".
 */
export function delimiterTitle(d: Delimiter, t: ExportLabels = exportLabels()): string {
  const who = `${d.by.author}, ${t.instant(d.by.date)}`;
  if (d.element === 'option')
    return t('mark.optionBy', { option: d.label ?? t('mark.option'), who });
  const note = d.note?.trim();
  return note ? t('mark.bracketByNote', { who, note }) : t('mark.bracketBy', { who });
}
