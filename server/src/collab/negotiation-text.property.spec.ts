// A property of the negotiation text as a whole: whatever several delegations and the chair do
// concurrently — typing and erasing in copies that sync late, bracketing, removing brackets,
// agreeing paragraphs ad ref and reopening them — (1) a paragraph's words never change while it
// is agreed ad ref, and (2) the brackets the record holds (events folded by the decider) are
// exactly the brackets the text shows: they resolve inside their paragraph, nest, and survive a
// round trip through the printed notation.
//
// Clients are raw Yjs copies that may be hostile or simply late: their updates go through the
// server's schema gate with the document's current locks, a refused client starts again from
// the server's copy, exactly as the browser does.
import {
  documentDecider,
  parseBracketed,
  renderBracketed,
  spansNest,
  type Actor,
  type DocumentCommand,
  type DocumentEvent,
  type DocumentState,
  type TextSpan,
  foldEvents,
  lockedParagraphIds,
  openBrackets,
} from '@accord/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAnchor, resolveAnchor } from '../text/anchors.js';
import { findParagraph, insertParagraphs, paragraphText } from '../text/doc-structure.js';
import { checkTextSchema } from './schema-check.js';
import { decodeYjsUpdate } from './update-inspection.js';

const DOCUMENT = '00000000-0000-4000-8000-000000000002';
const PARAGRAPHS = [
  '00000000-0000-4000-8000-000000000301',
  '00000000-0000-4000-8000-000000000302',
  '00000000-0000-4000-8000-000000000303',
];
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const actor = (n: number, stakeholder: number, role: Actor['role']): Actor => ({
  userId: uuid(n),
  stakeholderId: uuid(stakeholder),
  role,
});
const PARTIES = [actor(101, 11, 'delegate'), actor(102, 12, 'delegate'), actor(100, 13, 'chair')];
const CHAIR = PARTIES[2]!;
const NOW = '2026-05-12T10:00:00.000Z';

type Action =
  | { kind: 'type'; client: number; paragraph: number; at: number; words: string }
  | { kind: 'erase'; client: number; paragraph: number; at: number; length: number }
  | { kind: 'send'; client: number }
  | { kind: 'receive'; client: number }
  | { kind: 'bracket'; party: number; paragraph: number; from: number; to: number }
  | { kind: 'unbracket'; party: number; pick: number }
  | { kind: 'gavel'; paragraph: number }
  | { kind: 'reopen'; paragraph: number };

const index = (n: number) => fc.nat({ max: n - 1 });
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('type' as const),
    client: index(3),
    paragraph: index(3),
    at: fraction,
    words: fc.constantFrom('not ', 'all ', 'shall ', 'may ', 'x'),
  }),
  fc.record({
    kind: fc.constant('erase' as const),
    client: index(3),
    paragraph: index(3),
    at: fraction,
    length: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({ kind: fc.constant('send' as const), client: index(3) }),
  fc.record({ kind: fc.constant('receive' as const), client: index(3) }),
  fc.record({
    kind: fc.constant('bracket' as const),
    party: index(3),
    paragraph: index(3),
    from: fraction,
    to: fraction,
  }),
  fc.record({ kind: fc.constant('unbracket' as const), party: index(3), pick: fc.nat() }),
  fc.record({ kind: fc.constant('gavel' as const), paragraph: index(3) }),
  fc.record({ kind: fc.constant('reopen' as const), paragraph: index(3) }),
);

/** A client's copy of the text, what it has not sent yet and what it has not received yet. */
interface Client {
  doc: Y.Doc;
  outbox: Uint8Array[];
  inbox: Uint8Array[];
}

class World {
  readonly server = new Y.Doc();
  readonly clients: Client[];
  events: DocumentEvent[] = [
    {
      type: 'DocumentCreated',
      data: {
        documentId: DOCUMENT,
        negotiationId: uuid(1),
        title: 'Compact on coastal resilience',
        symbol: 'A/CONF.300/L.1',
        mode: 'open-drafting',
        createdBy: CHAIR.userId,
        createdAt: NOW,
      },
    },
  ];
  /** The words of each paragraph when it was agreed ad ref. */
  readonly lockedWords = new Map<string, string>();
  private commandCount = 0;

  constructor() {
    this.server.transact(() =>
      insertParagraphs(this.server, 0, [
        {
          id: PARAGRAPHS[0]!,
          kind: 'preambular',
          text: 'Recalling the shared responsibility of all coastal states,',
        },
        {
          id: PARAGRAPHS[1]!,
          kind: 'operative',
          text: 'Decides to establish a resilience fund by 2030;',
        },
        {
          id: PARAGRAPHS[2]!,
          kind: 'operative',
          text: 'Invites partners to contribute on a voluntary basis;',
        },
      ]),
    );
    this.clients = [0, 1, 2].map(() => this.freshClient());
  }

  state(): Exclude<DocumentState, { status: 'none' }> {
    const state = foldEvents(documentDecider, this.events);
    if (state.status === 'none') throw new Error('the document exists');
    return state;
  }

  private freshClient(): Client {
    const client: Client = { doc: new Y.Doc(), outbox: [], inbox: [] };
    Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(this.server), 'remote');
    client.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') client.outbox.push(update);
    });
    return client;
  }

  private words(doc: Y.Doc, paragraph: number): Y.XmlText | undefined {
    const found = findParagraph(doc, PARAGRAPHS[paragraph]!);
    const text = found?.element.get(0);
    return text instanceof Y.XmlText ? text : undefined;
  }

  private decide(command: Omit<DocumentCommand, 'meta'>, by: Actor): void {
    const full = {
      ...command,
      meta: { commandId: uuid(10_000 + this.commandCount++), actor: by, now: NOW },
    } as DocumentCommand;
    try {
      this.events.push(...documentDecider.decide(full, this.state()));
    } catch {
      // A refused command (locked, crossing, not the owner, empty) changes nothing.
    }
  }

  /** Open brackets resolved against the server's text, per paragraph. */
  resolvedBrackets(): Map<string, TextSpan[]> {
    const spans = new Map<string, TextSpan[]>();
    for (const bracket of openBrackets(this.state())) {
      const resolved = resolveAnchor(this.server, {
        paragraphId: bracket.paragraphId,
        ...bracket.anchor,
      });
      if (!resolved) continue;
      expect(resolved.paragraphId).toBe(bracket.paragraphId);
      spans.set(resolved.paragraphId, [
        ...(spans.get(resolved.paragraphId) ?? []),
        { start: resolved.start, end: resolved.end },
      ]);
    }
    return spans;
  }

  run(a: Action): void {
    switch (a.kind) {
      case 'type': {
        const text = this.words(this.clients[a.client]!.doc, a.paragraph);
        if (text) text.insert(Math.floor(a.at * text.length), a.words);
        return;
      }
      case 'erase': {
        const text = this.words(this.clients[a.client]!.doc, a.paragraph);
        if (!text || text.length === 0) return;
        const at = Math.min(Math.floor(a.at * text.length), text.length - 1);
        text.delete(at, Math.min(a.length, text.length - at));
        return;
      }
      case 'send':
        return this.send(a.client);
      case 'receive': {
        const client = this.clients[a.client]!;
        for (const update of client.inbox.splice(0)) Y.applyUpdate(client.doc, update, 'remote');
        return;
      }
      case 'bracket': {
        const id = PARAGRAPHS[a.paragraph]!;
        const length = paragraphText(findParagraph(this.server, id)!.element).length;
        const start = Math.floor(Math.min(a.from, a.to) * length);
        const end = Math.max(start + 1, Math.ceil(Math.max(a.from, a.to) * length));
        if (end > length) return;
        const anchor = createAnchor(this.server, id, start, end);
        this.decide(
          {
            type: 'PlaceBracket',
            data: {
              documentId: DOCUMENT,
              bracketId: uuid(20_000 + this.commandCount),
              paragraphId: id,
              anchor: { start: anchor.start, end: anchor.end },
              words: paragraphText(findParagraph(this.server, id)!.element).slice(start, end),
              span: { start, end },
              otherSpans: this.resolvedBrackets().get(id) ?? [],
            },
          },
          PARTIES[a.party]!,
        );
        return;
      }
      case 'unbracket': {
        const open = openBrackets(this.state());
        if (open.length === 0) return;
        const bracket = open[a.pick % open.length]!;
        this.decide(
          { type: 'RemoveBracket', data: { documentId: DOCUMENT, bracketId: bracket.bracketId } },
          PARTIES[a.party]!,
        );
        return;
      }
      case 'gavel': {
        const id = PARAGRAPHS[a.paragraph]!;
        const before = this.events.length;
        this.decide(
          {
            type: 'SetParagraphStatus',
            data: { documentId: DOCUMENT, paragraphId: id, status: 'agreed-ad-ref' },
          },
          CHAIR,
        );
        if (this.events.length > before)
          this.lockedWords.set(id, paragraphText(findParagraph(this.server, id)!.element));
        return;
      }
      case 'reopen': {
        const id = PARAGRAPHS[a.paragraph]!;
        this.decide(
          {
            type: 'SetParagraphStatus',
            data: { documentId: DOCUMENT, paragraphId: id, status: 'open', reason: 'new proposal' },
          },
          CHAIR,
        );
        if (!lockedParagraphIds(this.state()).has(id)) this.lockedWords.delete(id);
        return;
      }
    }
  }

  /** The client's pending updates reach the gate; the first refused one resets the client. */
  private send(n: number): void {
    const client = this.clients[n]!;
    for (const update of client.outbox.splice(0)) {
      const refusal = checkTextSchema(this.server, decodeYjsUpdate(update), {
        lockedParagraphIds: lockedParagraphIds(this.state()),
      });
      if (refusal) {
        // As the browser does on a refused write: drop this copy, start from the server's.
        client.doc.destroy();
        this.clients[n] = this.freshClient();
        return;
      }
      Y.applyUpdate(this.server, update, 'client');
      this.clients.forEach((other, i) => {
        if (i !== n) other.inbox.push(update);
      });
    }
  }
}

describe('the negotiation text under concurrent edits by several roles', () => {
  it('keeps locked paragraphs unchanged and the brackets of the record equal to those of the text', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 80 }), (actions) => {
        const world = new World();
        for (const a of actions) {
          world.run(a);
          // (1) Agreed ad ref means the words stay as they were agreed.
          for (const [id, words] of world.lockedWords) {
            expect(paragraphText(findParagraph(world.server, id)!.element)).toBe(words);
          }
        }
        // (2) Every open bracket of the record is in the text: inside its paragraph, nested,
        // and printed and read back as the same brackets.
        const resolved = world.resolvedBrackets();
        const open = openBrackets(world.state());
        expect([...resolved.values()].flat()).toHaveLength(open.length);
        for (const [id, spans] of resolved) {
          const text = paragraphText(findParagraph(world.server, id)!.element);
          for (const span of spans) {
            expect(span.start).toBeLessThanOrEqual(span.end);
            expect(span.end).toBeLessThanOrEqual(text.length);
          }
          expect(spansNest(spans)).toBe(true);
          const printed = parseBracketed(renderBracketed(text, spans));
          expect(printed.text).toBe(text);
          const key = (s: TextSpan) => `${s.start}-${s.end}`;
          expect(printed.brackets.map(key).sort()).toEqual(spans.map(key).sort());
        }
      }),
      { numRuns: 300 },
    );
  });
});
