// THE permission matrix: role × action × document mode → allowed, as one readonly table. The
// server enforces it for every command and Yjs connection, deciders call `can`/`assertCan`, and
// the client only uses it to hide what a user cannot do.
import { Forbidden } from './decider.js';
import { documentModes, roles, type DocumentMode, type Role } from './vocabulary.js';

type Cell = Readonly<Record<DocumentMode, boolean>>;
type Row = Readonly<Record<Role, Cell>>;

// Cells are shared between rows, so they are frozen: a stray write cannot change many rows.
const YES: Cell = Object.freeze({ 'open-drafting': true, formal: true });
const NO: Cell = Object.freeze({ 'open-drafting': false, formal: false });
const OPEN_DRAFTING_ONLY: Cell = Object.freeze({ 'open-drafting': true, formal: false });

const everyone: Row = Object.freeze({
  chair: YES,
  secretariat: YES,
  delegate: YES,
  'civil-society': YES,
  observer: YES,
});
const chairOnly: Row = Object.freeze({
  chair: YES,
  secretariat: NO,
  delegate: NO,
  'civil-society': NO,
  observer: NO,
});
/** Non-political housekeeping the secretariat does for the chair. */
const chairAndSecretariat: Row = Object.freeze({ ...chairOnly, secretariat: YES });
/** Parties to the text; civil society and observers do not table amendments. */
const chairAndDelegates: Row = Object.freeze({ ...chairOnly, delegate: YES });
/** Only the parties' own delegates: what a delegation or a group does among itself. */
const delegatesOnly: Row = Object.freeze({ ...chairOnly, chair: NO, delegate: YES });
/** Everyone may say where they stand except the neutral secretariat; only delegations count. */
const positionHolders: Row = Object.freeze({ ...everyone, secretariat: NO });
/** Civil-society and observer organisations: the non-governmental voices that make inputs. */
const organisations: Row = Object.freeze({
  ...chairOnly,
  chair: NO,
  'civil-society': YES,
  observer: YES,
});

/** Who puts words in the text: delegates only while the document is in open drafting. */
const textEditors: Row = Object.freeze({
  chair: YES,
  secretariat: YES,
  delegate: OPEN_DRAFTING_ONLY,
  'civil-society': NO,
  observer: NO,
});

export const permissionMatrix = Object.freeze({
  'document.read': everyone,
  /** The record: amendments, positions, consensus, history and replay. */
  'record.read': everyone,
  'text.edit': textEditors,
  'amendment.table': chairAndDelegates,
  /** Only delegations: the chair acts as the chair and sponsors nothing (issue #16). */
  'amendment.cosponsor': Object.freeze({ ...chairOnly, chair: NO, delegate: YES }),
  'amendment.revise': chairAndDelegates,
  'amendment.withdraw': chairAndDelegates,
  'amendment.decide': chairOnly,
  /** Undo a rejection or a merge, with a reason (an acceptance is in the text and stays). */
  'amendment.restore': chairOnly,
  'position.state': positionHolders,
  'position.withdraw': positionHolders,
  /** The chair asks delegations for their position on a paragraph or an amendment. */
  'position.request': chairOnly,
  'comment.post': everyone,
  /** Beyond this, a comment's author may always resolve and reopen their own comment. */
  'comment.resolve': chairAndSecretariat,
  /** Agree a paragraph ad ref (which locks it) and reopen it with a reason. */
  'paragraph.setStatus': chairOnly,
  /** Any delegation may bracket words it does not accept; the chair too, when compiling. */
  'bracket.place': chairAndDelegates,
  /** Beyond this, only the delegation that placed a bracket, or the chair (see the decider). */
  'bracket.remove': chairAndDelegates,
  'option.propose': chairAndDelegates,
  /** Only the chair chooses in a formal document; in open drafting the delegations may settle it. */
  'option.choose': Object.freeze({
    chair: YES,
    secretariat: NO,
    delegate: OPEN_DRAFTING_ONLY,
    'civil-society': NO,
    observer: NO,
  }),
  'revision.issue': chairOnly,
  'document.create': chairAndSecretariat,
  'document.changeMode': chairOnly,
  'document.adopt': chairOnly,
  /** By the chair, and by anyone for what they may read (the record is open to every member). */
  'document.export': everyone,
  'stakeholders.manage': chairAndSecretariat,
  'invitations.manage': chairAndSecretariat,
  'members.manage': chairAndSecretariat,
  /** The chair's desk: what awaits a decision, objections to follow up, deadlines ahead. */
  'desk.read': chairAndSecretariat,
  'chairs.appoint': chairAndSecretariat,
  'roundtable.schedule': chairAndSecretariat,
  'roundtable.issuePaper': chairAndSecretariat,
  /** Language versions: the secretariat translates; the chair may correct. Everyone reads them. */
  'translation.edit': chairAndSecretariat,
  /** Deadlines for amendments and positions are the chair's to set and clear. */
  'deadline.set': chairOnly,
  'silence.start': chairOnly,
  'silence.withdraw': chairOnly,
  /** Only delegations break silence; civil society and observers are not parties to the text. */
  'silence.break': Object.freeze({
    chair: NO,
    secretariat: NO,
    delegate: YES,
    'civil-society': NO,
    observer: NO,
  }),
  /** Sessions and segments: the chair decides who may follow each segment and when its material is released. */
  'session.schedule': chairOnly,
  'segment.open': chairOnly,
  'segment.close': chairOnly,
  'segment.release': chairOnly,
  /**
   * Private drafting, for a delegation or a negotiating group (the decider checks the actor
   * speaks for the draft's owner). Not the chair: the chair's texts are tabled in the open.
   */
  /** The agreed-language library: everyone searches it; the chair or secretariat adds earlier texts. */
  'library.read': everyone,
  'library.add': chairAndSecretariat,
  'library.withdraw': chairAndSecretariat,
  /** Citing agreed language puts words in the text, so it follows who may edit the text. */
  'library.cite': textEditors,
  /**
   * Recommendations: civil society and observers submit and endorse them for their organisation;
   * a delegation takes one up by tabling it as its own amendment. Everyone reads them.
   */
  'recommendation.read': everyone,
  'recommendation.submit': organisations,
  'recommendation.endorse': organisations,
  'recommendation.withdraw': organisations,
  'recommendation.takeUp': delegatesOnly,
  /**
   * Consultations on a draft: the chair or secretariat opens and closes them; every member sees
   * them and answers those they are invited to. The synthesis is for those who carry the input
   * into the text: the chair, the secretariat and the delegations (answers may be anonymous,
   * and a small pool of answers read by everyone could identify the people behind them).
   */
  'consultation.read': everyone,
  'consultation.open': chairAndSecretariat,
  'consultation.close': chairAndSecretariat,
  'consultation.answer': everyone,
  'consultation.synthesis': Object.freeze({ ...chairAndSecretariat, delegate: YES }),
  /**
   * Action pledges on an adopted text: everyone reads them; everyone but the neutral chair
   * registers one (the decider checks each pledges for their own stakeholder, or the secretariat
   * for an outside actor) and changes, reports on or withdraws their own.
   */
  'pledge.read': everyone,
  'pledge.register': Object.freeze({ ...everyone, chair: NO }),
  'pledge.report': Object.freeze({ ...everyone, chair: NO }),
  'privateDraft.read': delegatesOnly,
  'privateDraft.write': delegatesOnly,
  'privateDraft.table': delegatesOnly,
} as const satisfies Readonly<Record<string, Row>>);

export type Action = keyof typeof permissionMatrix;
export const actions: readonly Action[] = Object.freeze(Object.keys(permissionMatrix) as Action[]);

/**
 * Whether `role` may do `action` in a document of `mode`. Without a mode, only what is allowed
 * in every mode is allowed, so a caller that forgets the mode never gains a permission.
 */
export function can(role: Role, action: Action, mode?: DocumentMode): boolean {
  const cell = permissionMatrix[action][role];
  return mode === undefined ? documentModes.every((m) => cell[m]) : cell[mode];
}

export function assertCan(role: Role, action: Action, mode?: DocumentMode): void {
  if (!can(role, action, mode)) {
    throw new Forbidden(`A ${role} may not ${action}${mode ? ` in ${mode}` : ''}`, {
      reason: `not-allowed:${action}`,
    });
  }
}

/** The roles allowed an action, e.g. to explain a refusal ("only the chair may …"). */
export const rolesAllowed = (action: Action, mode?: DocumentMode): Role[] =>
  roles.filter((role) => can(role, action, mode));
