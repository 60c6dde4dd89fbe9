// The library's deciders, given/when/then, and the search box's translation into FTS5.
import { describe, expect, it } from 'vitest';
import { foldEvents } from '../decider.js';
import type { CommandMeta } from '../messages.js';
import type { Role } from '../vocabulary.js';
import type { AddLibraryText, CiteAgreedLanguage } from './commands.js';
import { citationsDecider, libraryTextDecider } from './decider.js';
import type { CitationEvent, LibraryEvent } from './events.js';
import { libraryMatchExpression } from './search-query.js';

const ids = {
  text: '01JD0000000000000000000001',
  negotiation: '01JD0000000000000000000002',
  user: '01JD0000000000000000000003',
  stakeholder: '01JD0000000000000000000004',
  document: '01JD0000000000000000000005',
  paragraph: '01JD0000000000000000000006',
  citation: '01JD0000000000000000000007',
  command: '01JD0000000000000000000008',
};
const now = '2026-12-04T10:00:00.000Z';
const meta = (role: Role): CommandMeta => ({
  commandId: ids.command,
  actor: { userId: ids.user, stakeholderId: ids.stakeholder, role },
  now,
});

const addText = (role: Role = 'secretariat'): AddLibraryText => ({
  type: 'AddLibraryText',
  data: {
    libraryTextId: ids.text,
    negotiationId: ids.negotiation,
    source: 'imported',
    documentId: null,
    revisionLabel: null,
    title: 'Declaration on coastal resilience',
    symbol: 'CR/2024/1',
    adoptedOn: '2024-06-12',
    language: 'en',
    paragraphs: [{ ref: 'OP 1', text: 'Decides to strengthen early warning for every coast.' }],
  },
  meta: meta(role),
});

const libraryGiven = (events: LibraryEvent[]) => foldEvents(libraryTextDecider, events);
const added = (): LibraryEvent[] => libraryTextDecider.decide(addText(), libraryGiven([]));

describe('adding a text to the library', () => {
  it('given nothing, when the secretariat imports a text, then it is added with who and when', () => {
    const [event] = added();
    expect(event).toMatchObject({
      type: 'LibraryTextAdded',
      data: { title: 'Declaration on coastal resilience', addedBy: ids.user, addedAt: now },
    });
  });

  it('given the text, when it is added again, then that is a conflict', () => {
    expect(() => libraryTextDecider.decide(addText(), libraryGiven(added()))).toThrow(
      /already in the library/,
    );
  });

  it('given nothing, when a delegate imports a text, then it is refused', () => {
    expect(() => libraryTextDecider.decide(addText('delegate'), libraryGiven([]))).toThrow(
      /may not library.add/,
    );
  });
});

describe('withdrawing a text', () => {
  const withdraw = (role: Role = 'chair') =>
    ({
      type: 'WithdrawLibraryText',
      data: { libraryTextId: ids.text, reason: 'Imported twice' },
      meta: meta(role),
    }) as const;

  it('given a listed text, when the chair withdraws it, then it is withdrawn once', () => {
    const events = libraryTextDecider.decide(withdraw(), libraryGiven(added()));
    expect(events).toMatchObject([
      { type: 'LibraryTextWithdrawn', data: { reason: 'Imported twice' } },
    ]);
    expect(() =>
      libraryTextDecider.decide(withdraw(), libraryGiven([...added(), ...events])),
    ).toThrow(/already withdrawn/);
  });

  it('given no text, when it is withdrawn, then it is not found', () => {
    expect(() => libraryTextDecider.decide(withdraw(), libraryGiven([]))).toThrow(/No such text/);
  });
});

describe('citing agreed language', () => {
  const cite = (role: Role, mode: 'open-drafting' | 'formal'): CiteAgreedLanguage => ({
    type: 'CiteAgreedLanguage',
    data: {
      documentId: ids.document,
      mode,
      citationId: ids.citation,
      paragraphId: ids.paragraph,
      libraryTextId: ids.text,
      ref: 'OP 1',
      title: 'Declaration on coastal resilience',
      symbol: 'CR/2024/1',
      words: 'strengthen early warning',
      start: 'AQID',
      end: 'AQIE',
    },
    meta: meta(role),
  });
  const citationsGiven = (events: CitationEvent[]) => foldEvents(citationsDecider, events);

  it('given an open draft, when a delegate cites, then the citation names the source and the delegation', () => {
    const events = citationsDecider.decide(cite('delegate', 'open-drafting'), citationsGiven([]));
    expect(events).toMatchObject([
      {
        type: 'AgreedLanguageCited',
        data: { ref: 'OP 1', citedBy: { stakeholderId: ids.stakeholder } },
      },
    ]);
    expect(events[0]!.data).not.toHaveProperty('mode');
  });

  it('given a formal document, when a delegate cites, then it is refused: they cannot edit the text', () => {
    expect(() => citationsDecider.decide(cite('delegate', 'formal'), citationsGiven([]))).toThrow(
      /may not library.cite in formal/,
    );
  });

  it('given the citation, when it is recorded again, then that is a conflict', () => {
    const first = citationsDecider.decide(cite('chair', 'formal'), citationsGiven([]));
    expect(() => citationsDecider.decide(cite('chair', 'formal'), citationsGiven(first))).toThrow(
      /already recorded/,
    );
  });
});

describe('the search box', () => {
  it('makes every word a quoted term and the last a prefix', () => {
    expect(libraryMatchExpression('early warn')).toBe('"early" AND "warn"*');
  });

  it('keeps a quoted phrase together', () => {
    expect(libraryMatchExpression('"common but differentiated" duty ')).toBe(
      '"common but differentiated" AND "duty"',
    );
  });

  it('neutralises FTS5 syntax typed by anyone', () => {
    expect(libraryMatchExpression('title:* OR NEAR(a b) "')).toBe(
      '"title" AND "OR" AND "NEAR" AND "a" AND "b"*',
    );
    expect(libraryMatchExpression('*** ""')).toBeNull();
  });

  it('matches words of any script', () => {
    expect(libraryMatchExpression('التنمية المستدامة')).toBe('"التنمية" AND "المستدامة"*');
  });
});
