/**
 * The whole permission matrix, walked through the real HTTP API (and the real collaboration
 * websocket for editing the text): every action × role × document mode is tried, and must
 * succeed exactly when `can` says so and be refused with 403 otherwise.
 */
import { actions, can, type Action, type DocumentMode, type Role } from '@accord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptDocument } from '../test-support/adopt-document.js';
import type { ApiClient } from '../test-support/api-client.js';
import { probeTextEdit } from '../test-support/collab-probe.js';
import {
  createNegotiationFixture,
  roles,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

interface ProbeContext {
  role: Role;
  client: ApiClient;
  mode: DocumentMode;
  documentId: string;
  fx: NegotiationFixture;
  server: TestServer;
}
type Probe = { scope: 'document' | 'negotiation'; run(ctx: ProbeContext): Promise<number> };

/** Actions that have no route yet; each names the issue that exposes it. */
const notYetExposed: Partial<Record<Action, string>> = {};

const id = <T extends { status: number; body: unknown }>(res: T, key: string): string => {
  if (res.status >= 300) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as Record<string, string>)[key]!;
};

async function paragraph(ctx: ProbeContext, index = 1): Promise<string> {
  return (await ctx.fx.paragraphIds(ctx.documentId))[index]!;
}

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

/** A whole-text silence started by the chair, for the probes that act on one. */
async function chairStartsSilence(ctx: ProbeContext): Promise<string> {
  const started = await ctx.fx.clients.chair.post(`/api/documents/${ctx.documentId}/silences`, {
    until: inAnHour(),
    timeZone: 'UTC',
  });
  return id(started, 'silenceId');
}

async function withdrawSilence(ctx: ProbeContext, silenceId: string): Promise<void> {
  await ctx.fx.clients.chair.post(
    `/api/documents/${ctx.documentId}/silences/${silenceId}/withdraw`,
    { reason: 'Probe done' },
  );
}

/** A session scheduled by the chair, for the segment probes. */
async function chairSchedulesSession(ctx: ProbeContext): Promise<string> {
  const res = await ctx.fx.clients.chair.post(
    `/api/negotiations/${ctx.fx.negotiationId}/sessions`,
    {
      title: 'Probe session',
      startsOn: '2026-05-12',
      endsOn: '2026-05-14',
      timeZone: 'UTC',
    },
  );
  return id(res, 'sessionId');
}

/**
 * A segment the chair opened, open to every role: a government-only one would put civil society
 * and observers behind a horizon for every later probe.
 */
async function chairOpensSegment(ctx: ProbeContext): Promise<string> {
  const res = await ctx.fx.clients.chair.post(
    `/api/negotiations/${ctx.fx.negotiationId}/segments`,
    {
      sessionId: await chairSchedulesSession(ctx),
      title: 'Probe segment',
      access: 'observers',
    },
  );
  return id(res, 'segmentId');
}

const segmentPath = (ctx: ProbeContext, segmentId: string, verb: 'close' | 'release') =>
  `/api/negotiations/${ctx.fx.negotiationId}/segments/${segmentId}/${verb}`;

/** An amendment sponsored by another delegation (delegate2's), pending. */
async function othersAmendment(ctx: ProbeContext): Promise<string> {
  const res = await ctx.fx.clients.delegate2.post(`/api/documents/${ctx.documentId}/amendments`, {
    paragraphId: await paragraph(ctx),
    kind: 'insert',
    range: { start: 0, end: 0 },
    proposedText: 'Resolve to ',
    rationale: 'Stronger opening',
  });
  return id(res, 'amendmentId');
}

/** The role's own pending amendment when it may table one, else someone else's. */
async function ownOrOthersAmendment(ctx: ProbeContext): Promise<string> {
  if (!can(ctx.role, 'amendment.table', ctx.mode)) return othersAmendment(ctx);
  const res = await ctx.client.post(`/api/documents/${ctx.documentId}/amendments`, {
    paragraphId: await paragraph(ctx),
    kind: 'replace',
    range: { start: 0, end: 6 },
    proposedText: 'Decide',
    rationale: 'Firmer',
  });
  return id(res, 'amendmentId');
}

let registered = 0;

/** A roundtable on the formal document, co-chaired by delegate's and delegate2's delegations. */
const roundtableBody = async (ctx: ProbeContext) => ({
  theme: 'Probe roundtable',
  date: '2026-06-01',
  coChairStakeholderIds: [ctx.fx.stakeholders.delegationA, ctx.fx.stakeholders.delegationB],
  coverage: { documentId: ctx.documentId, paragraphIds: [await paragraph(ctx)] },
});

/** A roundtable whose current draft both co-chair delegations have signed off. */
async function signedOffRoundtable(ctx: ProbeContext): Promise<string> {
  const { chair, delegate, delegate2 } = ctx.fx.clients;
  const roundtableId = id(
    await chair.post(
      `/api/negotiations/${ctx.fx.negotiationId}/roundtables`,
      await roundtableBody(ctx),
    ),
    'roundtableId',
  );
  const drafted = await delegate.put(`/api/roundtables/${roundtableId}/draft`, {
    background: 'Why this roundtable meets.',
    guidingQuestions: ['What would each delegation accept?'],
  });
  if (drafted.status >= 300) throw new Error(`setup failed: ${drafted.status}`);
  const { draft } = (await chair.get(`/api/roundtables/${roundtableId}`)).body as { draft: number };
  for (const coChair of [delegate, delegate2]) {
    const signed = await coChair.post(`/api/roundtables/${roundtableId}/sign-off`, { draft });
    if (signed.status >= 300) throw new Error(`setup failed: ${signed.status}`);
  }
  return roundtableId;
}

/** The label of a revision the chair issued of the probe's document (issued once per document). */
const probeRevisions = new Map<string, Promise<string>>();
function issuedRevision(ctx: ProbeContext): Promise<string> {
  let label = probeRevisions.get(ctx.documentId);
  if (!label) {
    label = ctx.fx.clients.chair
      .post(`/api/documents/${ctx.documentId}/revisions`, {})
      .then((res) => id(res, 'label'));
    probeRevisions.set(ctx.documentId, label);
  }
  return label;
}

/** Opens a consultation open to every member now, as `client`, on the probe's document. */
async function openConsultation(ctx: ProbeContext, client: ApiClient) {
  return client.post(`/api/negotiations/${ctx.fx.negotiationId}/consultations`, {
    documentId: ctx.documentId,
    revisionLabel: await issuedRevision(ctx),
    title: 'Probe consultation',
    intro: '',
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: inAnHour(),
    questions: [{ kind: 'open', prompt: 'Anything to add?', options: [] }],
    audience: 'invited',
    invitedStakeholderIds: [],
    identity: 'identified',
  });
}

/** The probe paragraph's id and first word, which the probe library text quotes. */
async function firstWord(ctx: ProbeContext): Promise<{ paragraphId: string; word: string }> {
  const paragraphId = await paragraph(ctx);
  const { paragraphs } = (await ctx.fx.clients.chair.get(`/api/documents/${ctx.documentId}`))
    .body as { paragraphs: { id: string; text: string }[] };
  const word = paragraphs.find((p) => p.id === paragraphId)?.text.split(' ')[0] || 'Probe';
  return { paragraphId, word };
}

/** Imports a small library text as `client`: one paragraph quoting the probe paragraph's first word. */
async function importLibraryText(ctx: ProbeContext, client: ProbeContext['client']) {
  const { word } = await firstWord(ctx);
  return client.post(`/api/negotiations/${ctx.fx.negotiationId}/library/texts`, {
    title: 'Probe declaration',
    symbol: null,
    adoptedOn: '2024-01-01',
    language: 'en',
    paragraphs: [{ ref: 'OP 1', text: `${word} in an earlier text.` }],
  });
}

/** A recommendation on themes only, submitted by civil society or (`by: 'observer'`) the observer. */
async function submitRecommendation(ctx: ProbeContext, by: 'civil-society' | 'observer') {
  return ctx.fx.clients[by].post(`/api/negotiations/${ctx.fx.negotiationId}/recommendations`, {
    title: `Probe recommendation (${ctx.role}, ${ctx.mode})`,
    documentId: null,
    paragraphIds: [],
    themes: ['Probe'],
    change: 'new-paragraph',
    proposedText: 'Probe wording.',
    rationale: '',
  });
}

const target = async (ctx: ProbeContext) => ({
  kind: 'paragraph' as const,
  id: await paragraph(ctx, 0),
});

/** A document of its own, adopted once per fixture, for the pledge probes (the fixture's stay open). */
const adoptedForPledges = new Map<string, Promise<{ documentId: string; objectiveId: string }>>();
function adoptedDocument(ctx: ProbeContext) {
  let found = adoptedForPledges.get(ctx.fx.negotiationId);
  if (!found) {
    found = (async () => {
      const chair = ctx.fx.clients.chair;
      const documentId = id(
        await chair.post(`/api/negotiations/${ctx.fx.negotiationId}/documents`, {
          title: 'Probe compact',
          symbol: 'A/PROBE/1',
          mode: 'formal',
          paragraphs: [{ kind: 'operative', text: 'Commit to act on heat.' }],
        }),
        'documentId',
      );
      await adoptDocument(chair, documentId);
      const [objectiveId] = await ctx.fx.paragraphIds(documentId);
      return { documentId, objectiveId: objectiveId! };
    })();
    adoptedForPledges.set(ctx.fx.negotiationId, found);
  }
  return found;
}

/** Registers a pledge as `client`, for whom its role pledges (the secretariat: an outside actor). */
async function registerPledge(ctx: ProbeContext, client: ApiClient, role: Role) {
  const { documentId, objectiveId } = await adoptedDocument(ctx);
  const pledger = {
    chair: { kind: 'state' },
    delegate: { kind: 'state' },
    'civil-society': { kind: 'civil-society' },
    observer: { kind: 'international-organisation' },
    secretariat: { kind: 'local-authority', outsideActor: 'Probe City' },
  }[role];
  return client.post(`/api/negotiations/${ctx.fx.negotiationId}/pledges`, {
    documentId,
    pledger,
    content: {
      title: 'Probe pledge',
      commitments: 'Act on heat.',
      partners: [],
      timeline: { start: '2026-01-01', end: '2026-12-31' },
      indicators: [],
      objectiveIds: [objectiveId],
      paragraphIds: [],
    },
  });
}

const probes: Partial<Record<Action, Probe>> = {
  'document.read': {
    scope: 'document',
    run: async (c) => (await c.client.get(`/api/documents/${c.documentId}`)).status,
  },
  'document.export': {
    scope: 'document',
    run: async (c) =>
      (await c.client.get(`/api/documents/${c.documentId}/export?format=md&variant=compilation`))
        .status,
  },
  'roundtable.schedule': {
    scope: 'negotiation',
    run: async (c) =>
      (
        await c.client.post(
          `/api/negotiations/${c.fx.negotiationId}/roundtables`,
          await roundtableBody(c),
        )
      ).status,
  },
  'roundtable.issuePaper': {
    scope: 'negotiation',
    run: async (c) =>
      (await c.client.post(`/api/roundtables/${await signedOffRoundtable(c)}/papers`, {})).status,
  },
  'record.read': {
    scope: 'document',
    run: async (c) => (await c.client.get(`/api/documents/${c.documentId}/amendments`)).status,
  },
  'text.edit': {
    scope: 'document',
    run: async (c) => {
      const before = await c.server.text.textRevision(c.documentId);
      const outcome = await probeTextEdit(
        c.server.url,
        c.client.cookie!,
        c.documentId,
        async () => (await c.server.text.textRevision(c.documentId)) !== before,
      );
      return outcome === 'stored' ? 200 : 403;
    },
  },
  'amendment.table': {
    scope: 'document',
    run: async (c) =>
      (
        await c.client.post(`/api/documents/${c.documentId}/amendments`, {
          paragraphId: await paragraph(c),
          kind: 'insert',
          range: { start: 0, end: 0 },
          proposedText: 'Also ',
          rationale: '',
        })
      ).status,
  },
  'amendment.cosponsor': {
    scope: 'document',
    run: async (c) =>
      (await c.client.post(`/api/amendments/${await othersAmendment(c)}/cosponsor`)).status,
  },
  'amendment.revise': {
    scope: 'document',
    run: async (c) =>
      (
        await c.client.post(`/api/amendments/${await ownOrOthersAmendment(c)}/revise`, {
          proposedText: 'Resolve firmly to',
        })
      ).status,
  },
  'amendment.withdraw': {
    scope: 'document',
    run: async (c) =>
      (await c.client.post(`/api/amendments/${await ownOrOthersAmendment(c)}/withdraw`, {})).status,
  },
  'amendment.decide': {
    scope: 'document',
    run: async (c) =>
      (await c.client.post(`/api/amendments/${await othersAmendment(c)}/accept`)).status,
  },
  'amendment.restore': {
    scope: 'document',
    run: async (c) => {
      const amendmentId = await othersAmendment(c);
      const rejected = await c.fx.clients.chair.post(`/api/amendments/${amendmentId}/reject`, {
        reason: 'Probe',
      });
      if (rejected.status >= 300) throw new Error(`setup failed: ${rejected.status}`);
      return (
        await c.client.post(`/api/amendments/${amendmentId}/restore`, { reason: 'Too early' })
      ).status;
    },
  },
  'position.state': {
    scope: 'document',
    run: async (c) =>
      (
        await c.client.put(`/api/documents/${c.documentId}/positions`, {
          target: await target(c),
          stance: 'support',
        })
      ).status,
  },
  'position.withdraw': {
    scope: 'document',
    run: async (c) => {
      if (can(c.role, 'position.state', c.mode))
        await c.client.put(`/api/documents/${c.documentId}/positions`, {
          target: await target(c),
          stance: 'reservation',
        });
      return (
        await c.client.post(`/api/documents/${c.documentId}/positions/withdraw`, {
          target: await target(c),
        })
      ).status;
    },
  },
  'position.request': {
    scope: 'document',
    run: async (c) =>
      (
        await c.client.post(`/api/documents/${c.documentId}/position-requests`, {
          target: await target(c),
          stakeholderIds: [c.fx.stakeholders.delegationB],
        })
      ).status,
  },
  'comment.post': {
    scope: 'document',
    run: async (c) =>
      (
        await c.client.post(`/api/documents/${c.documentId}/comments`, {
          paragraphId: await paragraph(c),
          body: 'A remark.',
        })
      ).status,
  },
  'comment.resolve': {
    scope: 'document',
    run: async (c) => {
      const posted = await c.fx.clients.delegate2.post(`/api/documents/${c.documentId}/comments`, {
        paragraphId: await paragraph(c),
        body: 'Please clarify.',
      });
      return (
        await c.client.post(
          `/api/documents/${c.documentId}/comments/${id(posted, 'commentId')}/resolve`,
        )
      ).status;
    },
  },
  'paragraph.setStatus': {
    scope: 'document',
    run: async (c) =>
      (
        await c.client.put(
          `/api/documents/${c.documentId}/paragraphs/${await paragraph(c, 3)}/status`,
          // 'bracketed' is derived from brackets now; gavelling is what the chair sets.
          { status: 'agreed-ad-ref' },
        )
      ).status,
  },
  'bracket.place': {
    scope: 'document',
    run: async (c) =>
      (
        await c.client.post(`/api/documents/${c.documentId}/brackets`, {
          paragraphId: await paragraph(c, 2),
          start: 0,
          end: 4,
        })
      ).status,
  },
  'bracket.remove': {
    scope: 'document',
    run: async (c) => {
      // The role's own bracket when it may place one (only its placer or the chair may lift it).
      const placer = can(c.role, 'bracket.place', c.mode) ? c.client : c.fx.clients.delegate2;
      const placed = await placer.post(`/api/documents/${c.documentId}/brackets`, {
        paragraphId: await paragraph(c, 2),
        start: 0,
        end: 4,
      });
      return (
        await c.client.post(
          `/api/documents/${c.documentId}/brackets/${id(placed, 'bracketId')}/remove`,
          {},
        )
      ).status;
    },
  },
  'option.propose': {
    scope: 'document',
    run: async (c) =>
      (
        await c.client.post(`/api/documents/${c.documentId}/option-sets`, {
          scope: 'inline',
          paragraphId: await paragraph(c, 2),
          span: { start: 5, end: 11 },
          words: 'warnings',
        })
      ).status,
  },
  'option.choose': {
    scope: 'document',
    run: async (c) => {
      const opened = await c.fx.clients.delegate2.post(
        `/api/documents/${c.documentId}/option-sets`,
        {
          scope: 'inline',
          paragraphId: await paragraph(c, 2),
          span: { start: 5, end: 11 },
          words: 'notices',
        },
      );
      const optionSetId = id(opened, 'optionSetId');
      return (
        await c.client.post(`/api/documents/${c.documentId}/option-sets/${optionSetId}/choose`, {
          optionId: id(opened, 'optionId'),
        })
      ).status;
    },
  },
  'revision.issue': {
    scope: 'document',
    run: async (c) => (await c.client.post(`/api/documents/${c.documentId}/revisions`, {})).status,
  },
  'document.changeMode': {
    scope: 'document',
    run: async (c) =>
      (await c.client.put(`/api/documents/${c.documentId}/mode`, { mode: c.mode })).status,
  },
  'document.adopt': {
    scope: 'document',
    run: async (c) => {
      // A fresh document each time: adopting closes the record.
      const chair = c.fx.clients.chair;
      const created = await chair.post(`/api/negotiations/${c.fx.negotiationId}/documents`, {
        title: 'To adopt',
        symbol: 'A/ADOPT',
        mode: c.mode,
        paragraphs: [{ kind: 'operative', text: 'Decide to meet again.' }],
      });
      const documentId = id(created, 'documentId');
      const revision = await chair.post(`/api/documents/${documentId}/revisions`, {
        label: 'Final draft',
      });
      id(revision, 'label');
      return (
        await c.client.post(`/api/documents/${documentId}/adopt`, { revisionLabel: 'Final draft' })
      ).status;
    },
  },
  'document.create': {
    scope: 'negotiation',
    run: async (c) =>
      (
        await c.client.post(`/api/negotiations/${c.fx.negotiationId}/documents`, {
          title: 'New text',
          symbol: 'A/NEW',
          mode: 'formal',
        })
      ).status,
  },
  'stakeholders.manage': {
    scope: 'negotiation',
    run: async (c) =>
      (
        await c.client.post(`/api/negotiations/${c.fx.negotiationId}/stakeholders`, {
          kind: 'observer',
          name: `Weather Agency ${++registered}`,
          shortCode: `WA${registered}`,
        })
      ).status,
  },
  'invitations.manage': {
    scope: 'negotiation',
    run: async (c) =>
      (
        await c.client.post(`/api/negotiations/${c.fx.negotiationId}/invitations`, {
          email: 'new.delegate@example.org',
          stakeholderId: c.fx.stakeholders.delegationB,
          role: 'delegate',
        })
      ).status,
  },
  'members.manage': {
    scope: 'negotiation',
    run: async (c) =>
      (await c.client.get(`/api/negotiations/${c.fx.negotiationId}/members`)).status,
  },
  'library.read': {
    scope: 'negotiation',
    run: async (c) =>
      (await c.client.get(`/api/negotiations/${c.fx.negotiationId}/library/search?q=heat`)).status,
  },
  'library.add': {
    scope: 'negotiation',
    run: async (c) => (await importLibraryText(c, c.client)).status,
  },
  'library.withdraw': {
    scope: 'negotiation',
    run: async (c) => {
      const libraryTextId = id(await importLibraryText(c, c.fx.clients.chair), 'libraryTextId');
      return (
        await c.client.post(
          `/api/negotiations/${c.fx.negotiationId}/library/texts/${libraryTextId}/withdraw`,
          { reason: 'Probe' },
        )
      ).status;
    },
  },
  'library.cite': {
    scope: 'document',
    run: async (c) => {
      const libraryTextId = id(await importLibraryText(c, c.fx.clients.chair), 'libraryTextId');
      const { paragraphId, word } = await firstWord(c);
      return (
        await c.client.post(`/api/documents/${c.documentId}/citations`, {
          paragraphId,
          start: 0,
          end: word.length,
          libraryTextId,
          ref: 'OP 1',
        })
      ).status;
    },
  },
  'recommendation.read': {
    scope: 'negotiation',
    run: async (c) =>
      (await c.client.get(`/api/negotiations/${c.fx.negotiationId}/recommendations`)).status,
  },
  'recommendation.submit': {
    scope: 'negotiation',
    run: async (c) =>
      (
        await c.client.post(`/api/negotiations/${c.fx.negotiationId}/recommendations`, {
          title: 'Probe',
          documentId: null,
          paragraphIds: [],
          themes: ['Probe'],
          change: 'new-paragraph',
          proposedText: 'Probe wording.',
          rationale: '',
        })
      ).status,
  },
  'recommendation.endorse': {
    scope: 'negotiation',
    run: async (c) => {
      // Another organisation's: an organisation never endorses its own.
      const by = c.role === 'civil-society' ? 'observer' : 'civil-society';
      const recommendationId = id(await submitRecommendation(c, by), 'recommendationId');
      return (await c.client.post(`/api/recommendations/${recommendationId}/endorse`)).status;
    },
  },
  'recommendation.withdraw': {
    scope: 'negotiation',
    run: async (c) => {
      // Its own organisation's, when the role has one that may submit.
      const by = c.role === 'observer' ? 'observer' : 'civil-society';
      const recommendationId = id(await submitRecommendation(c, by), 'recommendationId');
      return (
        await c.client.post(`/api/recommendations/${recommendationId}/withdraw`, { reason: '' })
      ).status;
    },
  },
  'recommendation.takeUp': {
    scope: 'document',
    run: async (c) => {
      const recommendationId = id(
        await submitRecommendation(c, 'civil-society'),
        'recommendationId',
      );
      return (
        await c.client.post(`/api/recommendations/${recommendationId}/take-up`, {
          documentId: c.documentId,
          paragraphId: await paragraph(c),
          kind: 'add-paragraph',
          proposedText: `Probe wording taken up (${c.role}, ${c.mode}).`,
          rationale: '',
        })
      ).status;
    },
  },
  'consultation.read': {
    scope: 'negotiation',
    run: async (c) =>
      (await c.client.get(`/api/negotiations/${c.fx.negotiationId}/consultations`)).status,
  },
  'consultation.open': {
    scope: 'negotiation',
    run: async (c) => (await openConsultation(c, c.client)).status,
  },
  'consultation.close': {
    scope: 'negotiation',
    run: async (c) => {
      const consultationId = id(await openConsultation(c, c.fx.clients.chair), 'consultationId');
      return (
        await c.client.post(`/api/consultations/${consultationId}/close`, { reason: 'Probe' })
      ).status;
    },
  },
  'consultation.answer': {
    scope: 'negotiation',
    run: async (c) => {
      const consultationId = id(await openConsultation(c, c.fx.clients.chair), 'consultationId');
      return (
        await c.client.post(`/api/consultations/${consultationId}/answers`, {
          answers: [{ questionId: 'q1', text: 'Probe answer', optionIds: [], paragraphIds: [] }],
        })
      ).status;
    },
  },
  'consultation.synthesis': {
    scope: 'negotiation',
    run: async (c) => {
      const consultationId = id(await openConsultation(c, c.fx.clients.chair), 'consultationId');
      return (await c.client.get(`/api/consultations/${consultationId}/synthesis`)).status;
    },
  },
  'desk.read': {
    scope: 'negotiation',
    run: async (c) => (await c.client.get(`/api/negotiations/${c.fx.negotiationId}/desk`)).status,
  },
  'translation.edit': {
    scope: 'document',
    run: async (c) => {
      const paragraphId = await paragraph(c);
      const base = `/api/documents/${c.documentId}/translations/fr`;
      const view = await c.fx.clients.chair.get<{
        paragraphs: { paragraphId: string; original: { fingerprint: string } }[];
      }>(base);
      const { fingerprint } = view.body.paragraphs.find(
        (p) => p.paragraphId === paragraphId,
      )!.original;
      return (
        await c.client.put(`${base}/paragraphs/${paragraphId}`, {
          text: `Traduction d’essai (${c.role}, ${c.mode})`,
          originalFingerprint: fingerprint,
        })
      ).status;
    },
  },
  'deadline.set': {
    scope: 'document',
    run: async (c) => {
      const path = `/api/documents/${c.documentId}/deadlines/positions`;
      const status = (await c.client.put(path, { deadline: inAnHour(), timeZone: 'UTC' })).status;
      // Cleared again, so no later probe meets a deadline.
      await c.fx.clients.chair.delete(path);
      return status;
    },
  },
  'silence.start': {
    scope: 'document',
    run: async (c) => {
      const started = await c.client.post(`/api/documents/${c.documentId}/silences`, {
        until: inAnHour(),
        timeZone: 'UTC',
      });
      if (started.status < 300) await withdrawSilence(c, id(started, 'silenceId'));
      return started.status;
    },
  },
  'silence.withdraw': {
    scope: 'document',
    run: async (c) => {
      const silenceId = await chairStartsSilence(c);
      const status = (
        await c.client.post(`/api/documents/${c.documentId}/silences/${silenceId}/withdraw`, {
          reason: 'Consultations continue',
        })
      ).status;
      if (status >= 300) await withdrawSilence(c, silenceId);
      return status;
    },
  },
  'silence.break': {
    scope: 'document',
    run: async (c) => {
      const silenceId = await chairStartsSilence(c);
      const status = (
        await c.client.post(`/api/documents/${c.documentId}/silences/${silenceId}/break`, {
          statement: 'We break silence.',
        })
      ).status;
      if (status >= 300) await withdrawSilence(c, silenceId);
      return status;
    },
  },
  'session.schedule': {
    scope: 'negotiation',
    run: async (c) =>
      (
        await c.client.post(`/api/negotiations/${c.fx.negotiationId}/sessions`, {
          title: 'Second reading',
          startsOn: '2026-05-12',
          endsOn: '2026-05-14',
          timeZone: 'Europe/Zurich',
        })
      ).status,
  },
  'segment.open': {
    scope: 'negotiation',
    run: async (c) => {
      const sessionId = await chairSchedulesSession(c);
      const res = await c.client.post(`/api/negotiations/${c.fx.negotiationId}/segments`, {
        sessionId,
        title: 'Informals',
        access: 'observers',
      });
      // Closed again: one segment runs at a time.
      if (res.status < 300)
        await c.fx.clients.chair.post(segmentPath(c, id(res, 'segmentId'), 'close'));
      return res.status;
    },
  },
  'segment.close': {
    scope: 'negotiation',
    run: async (c) => {
      const segmentId = await chairOpensSegment(c);
      const status = (await c.client.post(segmentPath(c, segmentId, 'close'))).status;
      if (status >= 300) await c.fx.clients.chair.post(segmentPath(c, segmentId, 'close'));
      return status;
    },
  },
  'segment.release': {
    scope: 'negotiation',
    run: async (c) => {
      const segmentId = await chairOpensSegment(c);
      await c.fx.clients.chair.post(segmentPath(c, segmentId, 'close'));
      return (await c.client.post(segmentPath(c, segmentId, 'release'))).status;
    },
  },
  'privateDraft.read': {
    scope: 'document',
    run: async (c) => (await c.client.get(`/api/documents/${c.documentId}/private-drafts`)).status,
  },
  'privateDraft.write': {
    scope: 'document',
    run: async (c) =>
      (
        await c.client.post(`/api/documents/${c.documentId}/private-drafts`, {
          paragraphId: await paragraph(c),
          kind: 'statement',
          text: 'Our position, drafted privately.',
        })
      ).status,
  },
  'privateDraft.table': {
    scope: 'document',
    run: async (c) => {
      // A statement the delegate's own delegation drafted: tabling it posts a comment.
      const started = await c.fx.clients.delegate.post(
        `/api/documents/${c.documentId}/private-drafts`,
        { paragraphId: await paragraph(c), kind: 'statement', text: 'We can join consensus.' },
      );
      const draftId = id(started, 'draftId');
      return (await c.client.post(`/api/private-drafts/${draftId}/table`, {})).status;
    },
  },
  'pledge.read': {
    scope: 'negotiation',
    run: async (c) =>
      (await c.client.get(`/api/negotiations/${c.fx.negotiationId}/pledges`)).status,
  },
  'pledge.register': {
    scope: 'negotiation',
    run: async (c) => (await registerPledge(c, c.client, c.role)).status,
  },
  'pledge.report': {
    scope: 'negotiation',
    run: async (c) => {
      // Their own pledge where the role may pledge; otherwise a delegation's.
      const own = await registerPledge(c, c.client, c.role);
      const pledge =
        own.status < 300 ? own : await registerPledge(c, c.fx.clients.delegate, 'delegate');
      const pledgeId = id(pledge, 'pledgeId');
      return (
        await c.client.post(`/api/pledges/${pledgeId}/reports`, {
          status: 'on-track',
          period: { from: '2026-01-01', to: '2026-03-31' },
          narrative: 'Probe report',
          figures: [],
        })
      ).status;
    },
  },
  'chairs.appoint': {
    scope: 'negotiation',
    run: async (c) =>
      (
        await c.client.put(`/api/negotiations/${c.fx.negotiationId}/chairs`, {
          userIds: [c.fx.userIds.chair],
        })
      ).status,
  },
};

describe('the permission matrix over HTTP', () => {
  let server: TestServer;
  let fx: NegotiationFixture;
  beforeAll(async () => {
    server = await startTestServer();
    fx = await createNegotiationFixture(server);
  }, 60_000);
  afterAll(() => server.close());

  it('has a probe for every action, or names the issue that will expose it', () => {
    for (const action of actions)
      expect(probes[action] ?? notYetExposed[action], action).toBeDefined();
  });

  const cases = actions.flatMap((action) => {
    const probe = probes[action];
    if (!probe) return [];
    const modes: DocumentMode[] =
      probe.scope === 'document' ? ['open-drafting', 'formal'] : ['formal'];
    return roles.flatMap((role) => modes.map((mode) => ({ action, role, mode, probe })));
  });

  it.each(cases)('$action × $role × $mode', async ({ action, role, mode, probe }) => {
    const ctx: ProbeContext = {
      role,
      mode,
      client: fx.clients[role],
      documentId: fx.documents[mode],
      fx,
      server,
    };
    const status = await probe.run(ctx);
    const allowed = probe.scope === 'document' ? can(role, action, mode) : can(role, action);
    if (allowed) expect(status, `${role} should be allowed ${action}`).toBeLessThan(300);
    else expect(status, `${role} should be refused ${action}`).toBe(403);
  });
});
