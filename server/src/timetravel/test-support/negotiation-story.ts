// A known negotiation history on a real server, for time-travel tests: positions (a group's among
// them), a Zero draft, attributed edits and an accepted amendment, Rev 1, then more changes. At
// each revision it captures what was live — through the existing routes, which read the read
// models and the live text, not the record fold — and lets the caller capture more.
//
//   const story = await tellStory(server, fixture, { onRevision: async (label) => … });
//   story.captures['Rev 1'].paragraphs
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import type { RunningServer } from '../../server.js';
import type { NegotiationFixture } from '../../test-support/negotiation-fixture.js';
import { replaceParagraphText, textFragment, findParagraph } from '../../text/doc-structure.js';

export interface LiveCapture {
  /** From GET /documents/:id: id, kind, label, text and status of each paragraph. */
  paragraphs: { id: string; kind: string; label: string | null; text: string; status: string }[];
  /** From GET /documents/:id/positions. */
  positions: { targetId: string; stakeholderId: string; stance: string; statement: string }[];
  /** From GET /documents/:id/amendments. */
  amendments: { amendmentId: string; status: string }[];
  /** The RevisionIssued event's log position and the text revision it froze. */
  position: string;
  textRevision: string;
  /** A moment after the revision was issued and before anything else happened. */
  time: string;
}

export interface Story {
  documentId: string;
  paragraphIds: string[];
  captures: Record<'Zero draft' | 'Rev 1', LiveCapture>;
  /** Amendments: accepted (Alderia's… Bravonia's wording in OP 1) and one left pending. */
  accepted: string;
  pending: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const ok = <T>(res: { status: number; body: T }, what: string): T => {
  if (res.status >= 300)
    throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

export async function tellStory(
  server: RunningServer,
  fixture: NegotiationFixture,
  options: { onRevision?: (label: 'Zero draft' | 'Rev 1') => Promise<void> } = {},
): Promise<Story> {
  const { clients, stakeholders, userIds } = fixture;
  const documentId = fixture.documents.formal;
  const paragraphIds = await fixture.paragraphIds(documentId);
  const [pp1, op1, op1a, op2] = paragraphIds as [string, string, string, string];
  const api = `/api/documents/${documentId}`;

  const state = (
    who: 'delegate' | 'delegate2' | 'civil-society' | 'observer' | 'chair',
    target: { kind: 'paragraph' | 'amendment'; id: string },
    stance: string,
    statement = '',
  ) =>
    clients[who]
      .put(`${api}/positions`, { target, stance, statement })
      .then((r) => ok(r, 'position'));
  // No member acts for Group G in the fixture: its position goes straight through the commands.
  const groupStates = (target: { kind: 'paragraph'; id: string }, stance: 'objection') =>
    server.commands.execute({
      type: 'StatePosition',
      data: { documentId, target, stance, statement: 'Group line' },
      meta: {
        commandId: randomUUID(),
        actor: { userId: userIds.delegate, stakeholderId: stakeholders.groupG, role: 'delegate' },
        now: new Date().toISOString(),
      },
    });
  const edit = (
    who: 'delegate' | 'chair',
    change: (doc: Y.Doc) => Parameters<typeof replaceParagraphText>,
  ) =>
    server.collab.applyServerChange(
      documentId,
      {
        userId: userIds[who],
        stakeholderId: who === 'chair' ? stakeholders.delegationC : stakeholders.delegationA,
      },
      (doc) => replaceParagraphText(...change(doc)),
    );
  const captureLive = async (label: 'Zero draft' | 'Rev 1') => {
    const issued = ok(
      await clients.chair.post<{ position: string; textRevision: string }>(`${api}/revisions`, {
        label,
      }),
      'issuing a revision',
    );
    const document = ok(
      await clients.chair.get<{ paragraphs: LiveCapture['paragraphs'] }>(api),
      'document',
    );
    const positions = ok(
      await clients.chair.get<
        { target: { id: string }; stakeholderId: string; stance: string; statement: string }[]
      >(`${api}/positions`),
      'positions',
    );
    const amendments = ok(
      await clients.chair.get<{ amendmentId: string; status: string }[]>(`${api}/amendments`),
      'amendments',
    );
    await options.onRevision?.(label);
    const time = new Date().toISOString();
    // Whatever happens next is stamped strictly later than `time`.
    await pause(15);
    return {
      paragraphs: document.paragraphs.map(({ id, kind, label: l, text, status }) => ({
        id,
        kind,
        label: l,
        text,
        status,
      })),
      positions: positions.map((p) => ({
        targetId: p.target.id,
        stakeholderId: p.stakeholderId,
        stance: p.stance,
        statement: p.statement,
      })),
      amendments: amendments.map((a) => ({ amendmentId: a.amendmentId, status: a.status })),
      position: issued.position,
      textRevision: issued.textRevision,
      time,
    };
  };

  // Before the Zero draft: OP 1 is contested, Group G objects to OP 2 for Alderia.
  await state('delegate', { kind: 'paragraph', id: op1 }, 'support');
  await state('delegate2', { kind: 'paragraph', id: op1 }, 'objection', 'Unfunded mandate');
  await state('civil-society', { kind: 'paragraph', id: op1 }, 'objection', 'Too slow');
  await groupStates({ kind: 'paragraph', id: op2 }, 'objection');
  const zero = await captureLive('Zero draft');

  // Alderia's delegate inserts a word; Bravonia's amendment replaces a phrase, accepted by the
  // chair; the chair deletes the sub-paragraph.
  await edit('delegate', (doc) => [doc, op1, 7, 7, 'urgently ']);
  const { amendmentId: accepted } = ok(
    await clients.delegate2.post<{ amendmentId: string }>(`${api}/amendments`, {
      paragraphId: op1,
      kind: 'replace',
      range: { start: 62, end: 72 },
      proposedText: 'all cities',
      rationale: 'Plain words',
    }),
    'tabling',
  );
  ok(await clients.chair.post(`/api/amendments/${accepted}/accept`), 'accepting');
  await server.collab.applyServerChange(
    documentId,
    { userId: userIds.chair, stakeholderId: stakeholders.delegationC },
    (doc) => textFragment(doc).delete(findParagraph(doc, op1a)!.index, 1),
  );
  await state('delegate2', { kind: 'paragraph', id: op1 }, 'can-accept', 'With all cities');
  const { amendmentId: pending } = ok(
    await clients.delegate2.post<{ amendmentId: string }>(`${api}/amendments`, {
      paragraphId: op2,
      kind: 'insert',
      range: { start: 0, end: 0 },
      proposedText: 'Strongly ',
    }),
    'tabling',
  );
  await state('delegate', { kind: 'amendment', id: pending }, 'objection', 'Not needed');
  ok(
    await clients.chair.put(`${api}/paragraphs/${pp1}/status`, { status: 'agreed-ad-ref' }),
    'gavel',
  );
  const rev1 = await captureLive('Rev 1');

  // After Rev 1: more edits and positions, so "now" differs from every revision.
  await edit('chair', (doc) => [doc, op2, 0, 9, 'Urge']);
  await state('delegate', { kind: 'paragraph', id: pp1 }, 'objection', 'Second thoughts');
  return {
    documentId,
    paragraphIds,
    captures: { 'Zero draft': zero, 'Rev 1': rev1 },
    accepted,
    pending,
  };
}
