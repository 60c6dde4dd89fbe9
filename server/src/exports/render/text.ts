// Wording every renderer shares, so a proposal or a status reads the same in every format.
import type { Delimiter, ParagraphBlock, ProposalNote } from '../model.js';

const STATUS_NOTES: Record<ParagraphBlock['chairStatus'], string | null> = {
  open: null,
  bracketed: 'bracketed',
  'agreed-ad-ref': 'agreed ad ref',
};

/** "agreed ad ref", "bracketed", or null for an open paragraph. */
export const statusNote = (status: ParagraphBlock['chairStatus']): string | null =>
  STATUS_NOTES[status];

const quote = (text: string) => `“${text}”`;

/** One line naming who proposes what: "EU (sponsor), NO — Option 2 — replace “x” with “y”". */
export function describeProposal(note: ProposalNote): string {
  const who = note.sponsors
    .map((s, i) => (i === 0 && note.sponsors.length > 1 ? `${s.author} (sponsor)` : s.author))
    .join(', ');
  const what = (() => {
    switch (note.kind) {
      case 'insert':
        return `insert ${quote(note.proposedText)}${note.originalText ? ` at ${quote(note.originalText)}` : ''}`;
      case 'delete':
        return `delete ${quote(note.originalText)}`;
      case 'replace':
        return `replace ${quote(note.originalText)} with ${quote(note.proposedText)}`;
      case 'add-paragraph':
        return `add a paragraph after this one: ${quote(note.proposedText)}`;
      case 'delete-paragraph':
        return 'delete the paragraph';
    }
  })();
  if (note.subAmendmentOf !== undefined) {
    // Its kind and quoted words are the parent's: what it changes is the parent's wording.
    const by = note.chairsCompromise ? `Chair's compromise, ${who}` : who;
    const rationale = note.rationale.trim() ? ` Rationale: ${note.rationale.trim()}` : '';
    return `Sub-amendment to the proposal above — ${by} — its words to read ${quote(note.proposedText)}.${rationale}`;
  }
  const parts = [
    note.chairsCompromise ? `Chair's compromise, ${who}` : who,
    ...(note.option ? [note.option] : []),
    what,
    ...(note.placed ? [] : ['(its words are no longer in the text)']),
  ];
  const rationale = note.rationale.trim() ? ` Rationale: ${note.rationale.trim()}` : '';
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

/** A date as readers see it on a cover: "4 March 2026, 09:00 UTC". */
export function readableDate(iso: string): string {
  const d = new Date(iso);
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
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
export function delimiterTitle(d: Delimiter): string {
  const when = `${d.by.author}, ${readableDate(d.by.date)}`;
  if (d.element === 'option') return `${d.label ?? 'Option'} proposed by ${when}`;
  const note = d.note?.trim();
  return `Bracket placed by ${when}${note ? `: ${note}` : ''}`;
}
