/**
 * Seeds the demo negotiation (demo-negotiation.ts) through the same path the API takes: accounts
 * through the account service, every act as a command by the member who would do it (their
 * membership read back from the read models and checked against the permission matrix), anchors
 * made by the live text. The record is backdated over the days before `now`: set-up, zero
 * draft, amendments, positions and comments, then yesterday's gavel and Rev 1.
 *
 * Every id and command id derives from one seed id, so running a seed again with the same seed
 * id (after it failed half-way) appends nothing twice; a new seed id makes a new negotiation.
 */
import { randomUUID } from 'node:crypto';
import {
  can,
  defaultRoleFor,
  type AccordCommand,
  type Action,
  type Actor,
  type CommandMeta,
  type ProposalInput,
  type RegisterStakeholder,
} from '@accord/shared';
import { derivedId } from '../commands/event-ids.js';
import type { AccordCore } from '../core.js';
import type { Logger } from '../observability/logger.js';
import { amendmentRange, rangeOfWords } from './demo-anchors.js';
import { spreadOverWorkingDays, strictlyIncreasing } from './demo-clock.js';
import {
  DEMO_PASSWORD,
  demoNegotiation,
  type DemoAmendment,
  type DemoComment,
  type DemoNegotiation,
  type DemoPerson,
  type DemoStakeholder,
} from './demo-negotiation.js';

export type SeedCore = Pick<AccordCore, 'commands' | 'accounts' | 'text' | 'readModels'>;

export interface SeedDemoOptions {
  /** The seed's "today": the record is backdated over the days before it. Default: now. */
  now?: Date;
  /** Every id derives from it. The same seed id resumes a seed; default: a fresh one. */
  seedId?: string;
  onProgress?: (done: number, total: number, step: string) => void;
}

export interface SeedDemoResult {
  negotiationId: string;
  documentId: string;
  people: number;
  amendments: number;
  positions: number;
  /** Comments and replies. */
  comments: number;
  /** The roundtable scheduled after Rev 1, its paper drafted and awaiting one sign-off. */
  roundtableId: string;
}

/** The person who signs in to try the demo as a delegation. */
export const DEMO_SIGN_IN = { email: 'mru@demo.accord.test', password: DEMO_PASSWORD } as const;

/**
 * When each phase of the record happens, in days before `now` (first day, last day). Account
 * registration is not backdated: the account service keeps its own clock.
 */
const PHASES = {
  setup: [11, 11],
  zeroDraft: [10, 10],
  amendments: [9, 5],
  reactions: [4, 2],
  decisions: [1, 1],
} as const satisfies Record<string, readonly [number, number]>;
type RecordPhase = keyof typeof PHASES;

type Step = { label: string } & (
  | { phase: 'accounts'; run(): Promise<void> }
  | { phase: RecordPhase; run(now: string): Promise<void> }
);

const DAY_MS = 24 * 60 * 60 * 1000;

const REGISTRATION_ORDER: readonly DemoStakeholder['kind'][] = [
  'group',
  'delegation',
  'civil-society',
  'observer',
];

export async function seedDemo(
  core: SeedCore,
  options: SeedDemoOptions = {},
): Promise<SeedDemoResult> {
  const demo = demoNegotiation;
  const { commands, accounts, text } = core;
  const { queries } = core.readModels;
  const seedId = options.seedId ?? randomUUID();
  const idOf = (what: string) => derivedId(seedId, `id/${what}`);
  const commandIdOf = (step: string) => derivedId(seedId, `command/${step}`);

  const negotiationId = idOf('negotiation');
  const documentId = idOf('document');
  const stakeholderId = (key: string) => idOf(`stakeholder/${key}`);
  const paragraphId = (key: string) => idOf(`paragraph/${key}`);
  const amendmentId = (key: string) => idOf(`amendment/${key}`);
  const commentId = (key: string) => idOf(`comment/${key}`);
  const mode = demo.document.mode;

  const stakeholder = only(demo.stakeholders, (s) => s.key, 'stakeholder');
  const secretariat = single(demo.people, (p) => p.role === 'secretariat', 'secretariat person');
  const secretariatBody = single(demo.stakeholders, (s) => s.kind === 'secretariat', 'secretariat');
  const chairs = demo.people.filter((p) => p.role === 'chair');
  const presidingChair = chairs[0] ?? fail('The demo has no chair');
  const accepted = uncontroversialAmendment(demo);

  // Filled as accounts are registered or found; everything after them reads it.
  const userIds = new Map<string, string>();
  const userOf = (key: string) => userIds.get(key) ?? fail(`No account for ${key} yet`);

  /** Like the server for a signed-in member: membership from the read models, then the matrix. */
  const actorOf = (personKey: string, action: Action, inDocument = false): Actor => {
    const userId = userOf(personKey);
    const membership = queries.getMembership(negotiationId, userId);
    if (!membership) throw new Error(`Demo: ${personKey} is not a member of the negotiation`);
    if (!can(membership.role, action, inDocument ? mode : undefined)) {
      throw new Error(`Demo: ${personKey} (${membership.role}) may not ${action}`);
    }
    return { userId, ...membership };
  };
  /** The member acting for `stakeholderKey` in its own name (not one of its chairs). */
  const delegateOf = (stakeholderKey: string): DemoPerson =>
    single(
      demo.people,
      (p) => p.stakeholder === stakeholderKey && p.role !== 'chair',
      `person acting for ${stakeholderKey}`,
    );
  const actingFor = (actor: Actor, stakeholderKey: string, what: string): Actor => {
    if (actor.stakeholderId !== stakeholderId(stakeholderKey)) {
      throw new Error(`Demo: ${what} is not by someone acting for ${stakeholderKey}`);
    }
    return actor;
  };

  const meta = (step: string, actor: Actor, now: string): CommandMeta => ({
    commandId: commandIdOf(step),
    actor,
    now,
  });
  const execute = (command: AccordCommand) => commands.execute(command);

  const paragraphNow = async (key: string) =>
    (await text.paragraphs(documentId)).find((p) => p.id === paragraphId(key)) ??
    fail(`Paragraph ${key} is not in the demo text`);

  async function proposalFor(amendment: DemoAmendment): Promise<ProposalInput> {
    const paragraph = await paragraphNow(amendment.paragraph);
    const anchorOf = async () => {
      const { start, end } = amendmentRange(amendment, paragraph.text);
      return text.anchor(documentId, paragraph.id, start, end);
    };
    switch (amendment.kind) {
      case 'insert': {
        const anchor = await anchorOf();
        // The words before the insertion point, as the data gives them, show where it goes.
        const { originalText, proposedText } = amendment;
        return {
          kind: 'insert',
          anchor: { start: anchor.start, end: anchor.end },
          originalText,
          proposedText,
        };
      }
      case 'delete':
      case 'replace': {
        const anchor = await anchorOf();
        const common = {
          anchor: { start: anchor.start, end: anchor.end },
          originalText: anchor.text,
        };
        return amendment.kind === 'delete'
          ? { kind: 'delete', ...common, proposedText: '' }
          : { kind: 'replace', ...common, proposedText: amendment.proposedText };
      }
      case 'add-paragraph':
        return {
          kind: 'add-paragraph',
          anchor: null,
          paragraphKind: paragraph.kind,
          originalText: '',
          proposedText: amendment.proposedText,
        };
      case 'delete-paragraph':
        return {
          kind: 'delete-paragraph',
          anchor: null,
          originalText: paragraph.text,
          proposedText: '',
        };
    }
  }

  async function postComment(comment: DemoComment, now: string): Promise<void> {
    const actor = actorOf(comment.by, 'comment.post', true);
    if (comment.replyTo !== undefined) {
      await execute({
        type: 'ReplyToComment',
        data: {
          documentId,
          commentId: commentId(comment.replyTo),
          replyId: commentId(comment.key),
          body: comment.body,
        },
        meta: meta(`comment/${comment.key}`, actor, now),
      });
      return;
    }
    let range: { start: string; end: string; quote: string } | undefined;
    if (comment.quote !== undefined) {
      const paragraph = await paragraphNow(comment.paragraph);
      const { start, end } = rangeOfWords(paragraph.text, comment.quote, `comment ${comment.key}`);
      const anchor = await text.anchor(documentId, paragraph.id, start, end);
      range = { start: anchor.start, end: anchor.end, quote: anchor.text.slice(0, 1000) };
    }
    await execute({
      type: 'PostComment',
      data: {
        documentId,
        commentId: commentId(comment.key),
        anchor: { paragraphId: paragraphId(comment.paragraph), ...(range ? { range } : {}) },
        body: comment.body,
      },
      meta: meta(`comment/${comment.key}`, actor, now),
    });
  }

  async function issueRevision(label: string, step: string, now: string): Promise<void> {
    const textRevision = await text.textRevision(documentId);
    if (textRevision === undefined) throw new Error('Demo: the document has no text to freeze');
    await execute({
      type: 'IssueRevision',
      data: { documentId, label, textRevision: textRevision.toString() },
      meta: meta(step, actorOf(presidingChair.key, 'revision.issue', true), now),
    });
  }

  // ---- The plan, in execution order ----
  const steps: Step[] = [];

  for (const p of demo.people) {
    steps.push({
      label: `account ${p.email}`,
      phase: 'accounts',
      async run() {
        // Seeding again reuses the demo accounts: an e-mail address belongs to one user.
        const existing = queries.getCredentialsByEmail(p.email);
        const userId =
          existing?.userId ??
          (await accounts.register({
            email: p.email,
            displayName: p.displayName,
            password: DEMO_PASSWORD,
            commandId: idOf(`user/${p.key}`),
          }));
        userIds.set(p.key, userId);
      },
    });
  }

  steps.push({
    label: 'open the negotiation',
    phase: 'setup',
    async run(now) {
      await execute({
        type: 'OpenNegotiation',
        data: {
          negotiationId,
          title: demo.title,
          description: demo.description,
          secretariat: {
            stakeholderId: stakeholderId(secretariatBody.key),
            name: secretariatBody.name,
            shortCode: secretariatBody.code,
          },
        },
        meta: { commandId: commandIdOf('open'), actor: { userId: userOf(secretariat.key) }, now },
      });
    },
  });

  // Groups before delegations: a delegation names the groups it belongs to.
  for (const kind of REGISTRATION_ORDER) {
    for (const s of demo.stakeholders.filter((x) => x.kind === kind)) {
      steps.push({
        label: `register ${s.code}`,
        phase: 'setup',
        async run(now) {
          await execute({
            type: 'RegisterStakeholder',
            data: registration(s, negotiationId, stakeholderId),
            meta: meta(
              `stakeholder/${s.key}`,
              actorOf(secretariat.key, 'stakeholders.manage'),
              now,
            ),
          });
        },
      });
    }
  }

  // The opener is a member already. Chairs join as members of their delegations first: appointing
  // them turns them into chairs, which is what records the appointment.
  for (const p of demo.people.filter((x) => x !== secretariat)) {
    steps.push({
      label: `admit ${p.displayName}`,
      phase: 'setup',
      async run(now) {
        const role = p.role === 'chair' ? defaultRoleFor[stakeholder(p.stakeholder).kind] : p.role;
        await execute({
          type: 'AdmitMember',
          data: {
            negotiationId,
            userId: userOf(p.key),
            stakeholderId: stakeholderId(p.stakeholder),
            role,
          },
          meta: meta(`admit/${p.key}`, actorOf(secretariat.key, 'members.manage'), now),
        });
      },
    });
  }

  steps.push({
    label: 'appoint the co-facilitators',
    phase: 'setup',
    async run(now) {
      await execute({
        type: 'AppointChairs',
        data: { negotiationId, userIds: chairs.map((c) => userOf(c.key)) },
        meta: meta('chairs', actorOf(secretariat.key, 'chairs.appoint'), now),
      });
    },
  });

  steps.push({
    label: 'create the document',
    phase: 'zeroDraft',
    async run(now) {
      const actor = actorOf(presidingChair.key, 'document.create', true);
      const { title, symbol } = demo.document;
      await execute({
        type: 'CreateDocument',
        data: { documentId, negotiationId, title, symbol, mode },
        meta: meta('document', actor, now),
      });
      // A resumed seed finds the text written already (creating it twice is refused).
      if ((await text.paragraphs(documentId)).length > 0) return;
      const paragraphs = demo.document.paragraphs.map((p) => ({
        id: paragraphId(p.key),
        kind: p.kind,
        text: p.text,
      }));
      // Dated with the record, so the demo's text as of a time matches its record then.
      await text.create(documentId, paragraphs, actor, now);
    },
  });

  steps.push({
    label: 'issue the zero draft',
    phase: 'zeroDraft',
    run: (now) => issueRevision('Zero draft', 'revision/zero-draft', now),
  });

  for (const a of demo.amendments) {
    steps.push({
      label: `table ${a.key}`,
      phase: 'amendments',
      async run(now) {
        // Resuming after Rev 1, the words may have moved; the amendment is on record already.
        if (queries.getAmendment(amendmentId(a.key))) return;
        const actor = actingFor(actorOf(a.tabledBy, 'amendment.table', true), a.sponsor, a.key);
        await execute({
          type: 'TableAmendment',
          data: {
            amendmentId: amendmentId(a.key),
            documentId,
            paragraphId: paragraphId(a.paragraph),
            proposal: await proposalFor(a),
            rationale: a.rationale,
          },
          meta: meta(`amendment/${a.key}`, actor, now),
        });
      },
    });
    for (const cosponsor of a.cosponsors) {
      steps.push({
        label: `${cosponsor} co-sponsors ${a.key}`,
        phase: 'amendments',
        async run(now) {
          const actor = actorOf(delegateOf(cosponsor).key, 'amendment.cosponsor', true);
          await execute({
            type: 'CosponsorAmendment',
            data: { amendmentId: amendmentId(a.key) },
            meta: meta(`cosponsor/${a.key}/${cosponsor}`, actor, now),
          });
        },
      });
    }
  }

  const positionSteps: Step[] = demo.positions.map((p) => ({
    label: `${p.stakeholder} on ${p.target.key}`,
    phase: 'reactions',
    async run(now) {
      const actor = actingFor(actorOf(p.by, 'position.state', true), p.stakeholder, 'a position');
      const id =
        p.target.kind === 'paragraph' ? paragraphId(p.target.key) : amendmentId(p.target.key);
      await execute({
        type: 'StatePosition',
        data: {
          documentId,
          target: { kind: p.target.kind, id },
          stance: p.stance,
          ...(p.statement !== undefined ? { statement: p.statement } : {}),
        },
        meta: meta(`position/${p.stakeholder}/${p.target.kind}/${p.target.key}`, actor, now),
      });
    },
  }));
  const commentSteps: Step[] = demo.comments.map((c) => ({
    label: c.replyTo === undefined ? `comment ${c.key}` : `reply ${c.key}`,
    phase: 'reactions',
    run: (now) => postComment(c, now),
  }));
  // Resolved last, so the thread was open for a while.
  for (const c of demo.comments.filter((x) => x.resolved)) {
    commentSteps.push({
      label: `resolve ${c.key}`,
      phase: 'reactions',
      async run(now) {
        await execute({
          type: 'ResolveComment',
          data: { documentId, commentId: commentId(c.key) },
          meta: meta(`resolve/${c.key}`, actorOf(presidingChair.key, 'comment.resolve', true), now),
        });
      },
    });
  }
  steps.push(...interleave(positionSteps, commentSteps));

  for (const key of demo.agreedAdRef) {
    steps.push({
      label: `gavel ${key}`,
      phase: 'decisions',
      async run(now) {
        await execute({
          type: 'SetParagraphStatus',
          data: { documentId, paragraphId: paragraphId(key), status: 'agreed-ad-ref' },
          meta: meta(`gavel/${key}`, actorOf(presidingChair.key, 'paragraph.setStatus', true), now),
        });
      },
    });
  }

  steps.push({
    label: `accept ${accepted.key}`,
    phase: 'decisions',
    async run(now) {
      const actor = actorOf(presidingChair.key, 'amendment.decide', true);
      const id = amendmentId(accepted.key);
      await text.assertAmendmentApplies(documentId, id);
      const result = await execute({
        type: 'AcceptAmendment',
        data: { amendmentId: id },
        meta: meta(`accept/${accepted.key}`, actor, now),
      });
      // As the API does: a repeated decision does not change the text a second time.
      if (!result.duplicate) await text.applyAmendment(documentId, id, actor, now);
    },
  });

  steps.push({
    label: 'issue Rev 1',
    phase: 'decisions',
    run: (now) => issueRevision('Rev 1', 'revision/rev-1', now),
  });

  const { roundtable } = demo;
  const roundtableId = idOf('roundtable');
  steps.push({
    label: 'schedule the roundtable',
    phase: 'decisions',
    async run(now) {
      const meets = new Date((options.now ?? new Date()).getTime() + roundtable.inDays * DAY_MS);
      await execute({
        type: 'ScheduleRoundtable',
        data: {
          roundtableId,
          negotiationId,
          theme: roundtable.theme,
          coChairStakeholderIds: roundtable.coChairs.map(stakeholderId),
          date: meets.toISOString().slice(0, 10),
          coverage: { documentId, paragraphIds: roundtable.covers.map(paragraphId) },
          invitedStakeholderIds: roundtable.invited.map(stakeholderId),
        },
        meta: meta('roundtable/schedule', actorOf(secretariat.key, 'roundtable.schedule'), now),
      });
    },
  });
  const drafter = delegateOf(roundtable.coChairs[0]);
  steps.push({
    label: 'draft the roundtable paper',
    phase: 'decisions',
    async run(now) {
      const actor = actingFor(
        actorOf(drafter.key, 'record.read'),
        roundtable.coChairs[0],
        'the roundtable draft',
      );
      await execute({
        type: 'EditRoundtableDraft',
        data: {
          roundtableId,
          background: roundtable.background,
          guidingQuestions: roundtable.guidingQuestions,
        },
        meta: meta('roundtable/draft', actor, now),
      });
    },
  });
  for (const key of roundtable.signedOffBy) {
    steps.push({
      label: `sign off the roundtable paper for ${key}`,
      phase: 'decisions',
      async run(now) {
        const person = delegateOf(key);
        const actor = actingFor(actorOf(person.key, 'record.read'), key, 'a sign-off');
        // The draft the co-chairs wrote: the one after scheduling.
        await execute({
          type: 'SignOffRoundtablePaper',
          data: { roundtableId, draft: 2 },
          meta: meta(`roundtable/sign-off/${key}`, actor, now),
        });
      },
    });
  }

  // ---- Run it ----
  const now = options.now ?? new Date();
  const planned = plannedInstants(steps, now);
  const nextInstant = strictlyIncreasing();
  for (const [index, step] of steps.entries()) {
    if (step.phase === 'accounts') await step.run();
    else await step.run(nextInstant(planned[index]!));
    options.onProgress?.(index + 1, steps.length, step.label);
  }

  return {
    negotiationId,
    documentId,
    people: demo.people.length,
    amendments: demo.amendments.length,
    positions: demo.positions.length,
    comments: demo.comments.length,
    roundtableId,
  };
}

/**
 * Seeds the demo on a store that holds no event at all (a first start). The seed id is fixed, so
 * nodes that start together on one empty store offer the same ids and command ids, which the
 * store takes once, rather than seeding two demos.
 */
export async function seedDemoIfEmpty(
  core: SeedCore & Pick<AccordCore, 'store'>,
  logger: Logger,
): Promise<SeedDemoResult | undefined> {
  for await (const _ of core.store.readAll({ maxCount: 1 })) return undefined;
  const started = Date.now();
  const result = await seedDemo(core, { seedId: FIRST_START_SEED_ID });
  logger.info(
    { ...result, ms: Date.now() - started, signIn: DEMO_SIGN_IN.email },
    'seeded the demo negotiation',
  );
  return result;
}

const FIRST_START_SEED_ID = '0e5b1d2c-7a43-4f6e-9c1a-3d8f2b6a9e01';

/**
 * The amendment the chair accepts for Rev 1: nobody objects to it or has a reservation, and it
 * has the broadest support among delegations and groups (sponsor and co-sponsors included).
 */
export function uncontroversialAmendment(demo: DemoNegotiation): DemoAmendment {
  const isParty = (key: string) =>
    demo.stakeholders.some((s) => s.key === key && (s.kind === 'delegation' || s.kind === 'group'));
  let best: { amendment: DemoAmendment; support: number } | undefined;
  for (const amendment of demo.amendments) {
    const said = demo.positions.filter(
      (p) => p.target.kind === 'amendment' && p.target.key === amendment.key,
    );
    if (said.some((p) => p.stance === 'objection' || p.stance === 'reservation')) continue;
    const support =
      1 +
      amendment.cosponsors.length +
      said.filter((p) => p.stance === 'support' && isParty(p.stakeholder)).length;
    if (!best || support > best.support) best = { amendment, support };
  }
  return best?.amendment ?? fail('The demo has no amendment without objections to accept');
}

function registration(
  s: DemoStakeholder,
  negotiationId: string,
  stakeholderId: (key: string) => string,
): RegisterStakeholder['data'] {
  const common = {
    negotiationId,
    stakeholderId: stakeholderId(s.key),
    name: s.name,
    shortCode: s.code,
  };
  switch (s.kind) {
    case 'delegation':
      return { ...common, kind: 'delegation', groupIds: (s.groups ?? []).map(stakeholderId) };
    case 'group':
    case 'civil-society':
    case 'observer':
    case 'secretariat':
      return { ...common, kind: s.kind };
  }
}

/** Each timed step's planned instant: a phase's steps spread evenly over its days. */
function plannedInstants(steps: readonly Step[], now: Date): (Date | undefined)[] {
  const instants: (Date | undefined)[] = steps.map(() => undefined);
  for (const [phase, [from, to]] of Object.entries(PHASES)) {
    const indexes = steps.flatMap((s, i) => (s.phase === phase ? [i] : []));
    spreadOverWorkingDays(now, from, to, indexes.length).forEach((at, n) => {
      instants[indexes[n]!] = at;
    });
  }
  return instants;
}

/** `few` spread evenly among `many`, each list keeping its own order. */
function interleave<T>(many: readonly T[], few: readonly T[]): T[] {
  const out: T[] = [];
  let next = 0;
  many.forEach((item, i) => {
    out.push(item);
    while (next < few.length && (next + 1) * many.length <= (i + 1) * (few.length + 1)) {
      out.push(few[next++]!);
    }
  });
  return out.concat(few.slice(next));
}

function only<T>(items: readonly T[], keyOf: (item: T) => string, what: string) {
  const byKey = new Map(items.map((item) => [keyOf(item), item]));
  return (key: string): T => byKey.get(key) ?? fail(`The demo has no ${what} ${key}`);
}

function single<T>(items: readonly T[], test: (item: T) => boolean, what: string): T {
  const found = items.filter(test);
  if (found.length !== 1)
    throw new Error(`The demo needs exactly one ${what}, not ${found.length}`);
  return found[0]!;
}

function fail(message: string): never {
  throw new Error(message);
}
