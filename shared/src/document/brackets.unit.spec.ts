import { describe, expect, it } from 'vitest';
import { Forbidden, IllegalTransition, Invalid, Conflict, foldEvents } from '../decider.js';
import type { DomainError } from '../decider.js';
import { DeciderSpecification } from '../test-support/decider-spec.js';
import { actor, metaFor, NOW, uuid } from '../test-support/fixtures.js';
import type { DocumentCommand } from './commands.js';
import { documentDecider } from './decider.js';
import type { DocumentEvent } from './events.js';
import { lockedParagraphIds, paragraphStatusOf } from './state.js';

const spec = DeciderSpecification.for(documentDecider);
const withReason = (reason: string) => (e: DomainError) => e.reason === reason;

const documentId = uuid(2);
const P1 = uuid(300);
const P2 = uuid(301);
const NEW_PARAGRAPH = uuid(302);
const BRACKET = uuid(400);
const INNER = uuid(401);
const SET = uuid(500);
const OPTION_1 = uuid(501);
const OPTION_2 = uuid(502);
const OPTION_3 = uuid(503);

const EU = uuid(12);
const G77 = uuid(14);
const chair = actor(uuid(100), uuid(13), 'chair');
const eu = actor(uuid(102), EU, 'delegate');
const g77 = actor(uuid(103), G77, 'delegate');
const observer = actor(uuid(104), uuid(15), 'observer');
const secretariat = actor(uuid(101), uuid(10), 'secretariat');

const anchor = { start: 'AAA=', end: 'BBB=' };
const created = (mode: 'formal' | 'open-drafting' = 'formal'): DocumentEvent => ({
  type: 'DocumentCreated',
  data: {
    documentId,
    negotiationId: uuid(1),
    title: 'Compact on coastal resilience',
    symbol: 'A/CONF.300/L.1',
    mode,
    createdBy: secretariat.userId,
    createdAt: NOW,
  },
});

const command = <T extends DocumentCommand['type']>(
  type: T,
  data: Extract<DocumentCommand, { type: T }>['data'],
  by = chair,
) => ({ type, data, meta: metaFor(by) }) as DocumentCommand;

const party = (a: typeof eu) => ({ userId: a.userId, stakeholderId: a.stakeholderId });

const placedBy = (by: typeof eu, bracketId = BRACKET, paragraphId = P1): DocumentEvent => ({
  type: 'BracketPlaced',
  data: {
    documentId,
    bracketId,
    paragraphId,
    anchor,
    words: 'common but differentiated',
    note: '',
    placedBy: party(by),
    placedAt: NOW,
  },
});

const gavelled = (paragraphId = P1): DocumentEvent => ({
  type: 'ParagraphStatusSet',
  data: {
    documentId,
    paragraphId,
    status: 'agreed-ad-ref',
    previousStatus: 'open',
    reason: '',
    setBy: chair.userId,
    setAt: NOW,
  },
});

const place = (
  by: typeof eu,
  extra: Partial<{
    span: { start: number; end: number };
    otherSpans: { start: number; end: number }[];
    bracketId: string;
    note: string;
  }> = {},
) =>
  command(
    'PlaceBracket',
    {
      documentId,
      bracketId: extra.bracketId ?? BRACKET,
      paragraphId: P1,
      anchor,
      words: 'common but differentiated',
      span: extra.span ?? { start: 10, end: 35 },
      otherSpans: extra.otherSpans ?? [],
      ...(extra.note === undefined ? {} : { note: extra.note }),
    },
    by,
  );

describe('brackets', () => {
  it('a delegation brackets words it does not accept, with a note', () => {
    spec
      .given([created()])
      .when(place(eu, { note: 'pending consultations' }))
      .then([
        {
          type: 'BracketPlaced',
          data: {
            documentId,
            bracketId: BRACKET,
            paragraphId: P1,
            anchor,
            words: 'common but differentiated',
            note: 'pending consultations',
            placedBy: party(eu),
            placedAt: NOW,
          },
        },
      ]);
  });

  it('observers and the secretariat may not bracket', () => {
    spec.given([created()]).when(place(observer)).thenThrows(Forbidden);
    spec.given([created()]).when(place(secretariat)).thenThrows(Forbidden);
  });

  it('brackets nest but never cross', () => {
    spec
      .given([created(), placedBy(eu)])
      .when(
        place(g77, {
          bracketId: INNER,
          span: { start: 12, end: 20 },
          otherSpans: [{ start: 10, end: 35 }],
        }),
      )
      .then([expect.objectContaining({ type: 'BracketPlaced' })]);
    spec
      .given([created(), placedBy(eu)])
      .when(
        place(g77, {
          bracketId: INNER,
          span: { start: 30, end: 40 },
          otherSpans: [{ start: 10, end: 35 }],
        }),
      )
      .thenThrows(Invalid, withReason('brackets-cross'));
  });

  it('refuses an empty bracket', () => {
    spec
      .given([created()])
      .when(place(eu, { span: { start: 4, end: 4 } }))
      .thenThrows(Invalid, withReason('empty-bracket'));
  });

  it('only the delegation that placed a bracket, or the chair, removes it', () => {
    const remove = (by: typeof eu) =>
      command(
        'RemoveBracket',
        { documentId, bracketId: BRACKET, reason: 'agreed in informals' },
        by,
      );
    spec
      .given([created(), placedBy(eu)])
      .when(remove(g77))
      .thenThrows(Forbidden, withReason('not-bracket-owner'));
    spec
      .given([created(), placedBy(eu)])
      .when(remove(eu))
      .then([
        {
          type: 'BracketRemoved',
          data: {
            documentId,
            bracketId: BRACKET,
            paragraphId: P1,
            reason: 'agreed in informals',
            removedBy: party(eu),
            removedAt: NOW,
          },
        },
      ]);
    spec
      .given([created(), placedBy(eu)])
      .when(remove(chair))
      .then([expect.objectContaining({ type: 'BracketRemoved' })]);
  });

  it('a removed bracket cannot be removed again nor its words deleted', () => {
    const removed: DocumentEvent = {
      type: 'BracketRemoved',
      data: {
        documentId,
        bracketId: BRACKET,
        paragraphId: P1,
        reason: '',
        removedBy: party(eu),
        removedAt: NOW,
      },
    };
    spec
      .given([created(), placedBy(eu), removed])
      .when(command('DeleteBracketedWords', { documentId, bracketId: BRACKET, words: 'x' }, chair))
      .thenThrows(IllegalTransition, withReason('bracket-closed'));
  });

  it('deleting the bracketed words keeps them in the record', () => {
    spec
      .given([created(), placedBy(g77)])
      .when(
        command(
          'DeleteBracketedWords',
          { documentId, bracketId: BRACKET, words: 'common but differentiated' },
          chair,
        ),
      )
      .then([
        {
          type: 'BracketedWordsDeleted',
          data: {
            documentId,
            bracketId: BRACKET,
            paragraphId: P1,
            words: 'common but differentiated',
            deletedBy: party(chair),
            deletedAt: NOW,
          },
        },
      ]);
  });
});

describe('options', () => {
  const openWholeParagraphs = (by: typeof eu) =>
    command(
      'OpenOptionSet',
      {
        documentId,
        optionSetId: SET,
        scope: 'paragraphs',
        paragraphId: P2,
        firstOptionId: OPTION_1,
        anchor: null,
        words: 'Decides to establish a fund.',
        alternative: {
          optionId: OPTION_2,
          words: 'Decides to consider a fund.',
          noText: false,
          paragraphId: NEW_PARAGRAPH,
          kind: 'operative',
        },
      },
      by,
    );
  const opened: DocumentEvent[] = [
    {
      type: 'OptionSetOpened',
      data: {
        documentId,
        optionSetId: SET,
        scope: 'paragraphs',
        paragraphId: P2,
        firstOptionId: OPTION_1,
        anchor: null,
        words: 'Decides to establish a fund.',
        openedBy: party(eu),
        openedAt: NOW,
      },
    },
    {
      type: 'OptionAdded',
      data: {
        documentId,
        optionSetId: SET,
        optionId: OPTION_2,
        label: 'Option 2',
        words: 'Decides to consider a fund.',
        noText: false,
        paragraphId: NEW_PARAGRAPH,
        kind: 'operative',
        proposedBy: party(eu),
        proposedAt: NOW,
      },
    },
  ];

  it('a delegation opens a set of whole-paragraph options: its paragraph is Option 1', () => {
    spec.given([created()]).when(openWholeParagraphs(eu)).then(opened);
  });

  it('"No text" is an option, once, and only for whole paragraphs', () => {
    const noText = command(
      'AddOption',
      {
        documentId,
        optionSetId: SET,
        optionId: OPTION_3,
        words: '',
        noText: true,
        paragraphId: null,
        kind: null,
      },
      g77,
    );
    spec
      .given([created(), ...opened])
      .when(noText)
      .then([
        {
          type: 'OptionAdded',
          data: {
            documentId,
            optionSetId: SET,
            optionId: OPTION_3,
            label: 'Option 3',
            words: '',
            noText: true,
            paragraphId: null,
            kind: null,
            proposedBy: party(g77),
            proposedAt: NOW,
          },
        },
      ]);
    spec
      .given([
        created(),
        ...opened,
        ...documentDecider.decide(noText, foldEvents(documentDecider, [created(), ...opened])),
      ])
      .when(
        command(
          'AddOption',
          {
            documentId,
            optionSetId: SET,
            optionId: uuid(504),
            words: '',
            noText: true,
            paragraphId: null,
            kind: null,
          },
          eu,
        ),
      )
      .thenThrows(Conflict, withReason('no-text-exists'));
  });

  it('only the chair chooses in a formal document; the others are struck and kept', () => {
    const choose = (by: typeof eu) =>
      command(
        'ChooseOption',
        {
          documentId,
          optionSetId: SET,
          optionId: OPTION_2,
          struck: [{ optionId: OPTION_1, words: 'Decides to establish a fund.' }],
        },
        by,
      );
    spec
      .given([created(), ...opened])
      .when(choose(eu))
      .thenThrows(Forbidden);
    spec
      .given([created(), ...opened])
      .when(choose(chair))
      .then([
        {
          type: 'OptionChosen',
          data: {
            documentId,
            optionSetId: SET,
            optionId: OPTION_2,
            struck: [{ optionId: OPTION_1, words: 'Decides to establish a fund.' }],
            chosenBy: party(chair),
            chosenAt: NOW,
          },
        },
      ]);
  });

  it('in open drafting a delegation may settle the options', () => {
    spec
      .given([created('open-drafting'), ...opened])
      .when(
        command(
          'ChooseOption',
          { documentId, optionSetId: SET, optionId: OPTION_1, struck: [] },
          eu,
        ),
      )
      .then([expect.objectContaining({ type: 'OptionChosen' })]);
  });

  it('paragraphs in an open option set are bracketed; choosing settles them', () => {
    const state = foldEvents(documentDecider, [created(), ...opened]);
    if (state.status !== 'drafting') throw new Error('drafting expected');
    expect(paragraphStatusOf(state, P2)).toBe('bracketed');
    expect(paragraphStatusOf(state, NEW_PARAGRAPH)).toBe('bracketed');
  });
});

describe('status is derived, and agreed ad ref locks', () => {
  const setStatus = (status: 'open' | 'bracketed' | 'agreed-ad-ref', reason?: string) =>
    command(
      'SetParagraphStatus',
      { documentId, paragraphId: P1, status, ...(reason ? { reason } : {}) },
      chair,
    );

  it('nobody sets "bracketed" by hand', () => {
    spec
      .given([created()])
      .when(setStatus('bracketed'))
      .thenThrows(Invalid, withReason('status-derived'));
  });

  it('a paragraph with open brackets cannot be agreed ad ref', () => {
    spec
      .given([created(), placedBy(eu)])
      .when(setStatus('agreed-ad-ref'))
      .thenThrows(Conflict, withReason('paragraph-has-brackets'));
  });

  it('no bracket change in a locked paragraph, by anyone, the chair included', () => {
    spec
      .given([created(), gavelled()])
      .when(place(chair))
      .thenThrows(IllegalTransition, withReason('paragraph-locked'));
    spec
      .given([created(), gavelled()])
      .when(place(eu))
      .thenThrows(IllegalTransition, withReason('paragraph-locked'));
  });

  it('reopening needs a reason, for the record', () => {
    spec
      .given([created(), gavelled()])
      .when(setStatus('open'))
      .thenThrows(Invalid, withReason('reason-required'));
    spec
      .given([created(), gavelled()])
      .when(setStatus('open', 'new proposal from the facilitators'))
      .then([
        {
          type: 'ParagraphStatusSet',
          data: {
            documentId,
            paragraphId: P1,
            status: 'open',
            previousStatus: 'agreed-ad-ref',
            reason: 'new proposal from the facilitators',
            setBy: chair.userId,
            setAt: NOW,
          },
        },
      ]);
  });

  it('lists the locked paragraphs', () => {
    const state = foldEvents(documentDecider, [created(), gavelled(P1)]);
    if (state.status !== 'drafting') throw new Error('drafting expected');
    expect([...lockedParagraphIds(state)]).toEqual([P1]);
    expect(paragraphStatusOf(state, P1)).toBe('agreed-ad-ref');
    expect(paragraphStatusOf(state, P2)).toBe('open');
  });
});
