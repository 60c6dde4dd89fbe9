/**
 * Seeds the demo negotiation (demo-negotiation.ts) through the same path the API takes: accounts
 * through the account service, every act by the member who would do it (their membership read
 * back from the read models and checked against the permission matrix) as a command or through
 * the same application service a route calls, anchors made by the live text. The record is
 * backdated over the days before `now`: set-up, zero draft, amendments, positions and comments,
 * then yesterday's gavel and Rev 1.
 *
 * Every id and command id derives from one seed id, so running a seed again with the same seed
 * id (after it failed half-way) appends nothing twice; a new seed id makes a new negotiation.
 *
 * The steps live by phase in seed-setup.ts, seed-drafting.ts and seed-decisions.ts; when they
 * happen, in seed-schedule.ts.
 */
import { randomUUID } from 'node:crypto';
import type { AccordCore } from '../core.js';
import type { Logger } from '../observability/logger.js';
import { strictlyIncreasing } from './demo-clock.js';
import {
  DEMO_PASSWORD,
  demoNegotiation,
  type DemoAmendment,
  type DemoNegotiation,
} from './demo-negotiation.js';
import { createSeedContext, fail, type SeedCore } from './seed-context.js';
import { bracketSteps } from './seed-brackets.js';
import { decisionSteps, roundtableSteps } from './seed-decisions.js';
import { draftingSteps, reactionSteps } from './seed-drafting.js';
import { plannedInstants, type Step } from './seed-schedule.js';
import { notificationSteps } from './seed-notifications.js';
import { librarySteps } from './seed-library.js';
import { consultationSteps } from './seed-consultations.js';
import { pledgeSteps } from './seed-pledges.js';
import { recommendationSteps } from './seed-recommendations.js';
import { processSteps } from './seed-process.js';
import { segmentSteps } from './seed-segments.js';
import { setupSteps } from './seed-setup.js';
import { translationSteps } from './seed-translations.js';

export type { SeedCore } from './seed-context.js';

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

export async function seedDemo(
  core: SeedCore,
  options: SeedDemoOptions = {},
): Promise<SeedDemoResult> {
  const demo = demoNegotiation;
  const ctx = createSeedContext(core, demo, options.seedId ?? randomUUID());
  const now = options.now ?? new Date();

  // The plan, in execution order.
  const steps: Step[] = [
    ...setupSteps(ctx),
    ...librarySteps(ctx),
    ...draftingSteps(ctx),
    ...bracketSteps(ctx),
    ...reactionSteps(ctx),
    // Recommendations of civil society and observers, endorsed; one taken up by a delegation.
    ...recommendationSteps(ctx),
    ...decisionSteps(ctx, uncontroversialAmendment(demo)),
    // A public consultation on the zero draft, answered and closed once Rev 1 is out.
    ...consultationSteps(ctx),
    ...processSteps(ctx, now),
    ...notificationSteps(ctx),
    // An earlier declaration, adopted, with pledges and their reports (before the segment).
    ...pledgeSteps(ctx),
    // A government-only segment under way: civil society and observers read the document as it
    // stood before it opened (the roundtable steps after it are no document's record).
    ...segmentSteps(ctx, now),
    ...translationSteps(ctx),
    ...roundtableSteps(ctx, now),
  ];

  const planned = plannedInstants(steps, now);
  const nextInstant = strictlyIncreasing();
  for (const [index, step] of steps.entries()) {
    if (step.phase === 'accounts') await step.run();
    else await step.run(nextInstant(planned[index]!));
    options.onProgress?.(index + 1, steps.length, step.label);
  }

  return {
    negotiationId: ctx.negotiationId,
    documentId: ctx.documentId,
    people: demo.people.length,
    amendments: demo.amendments.length,
    positions: demo.positions.length,
    comments: demo.comments.length,
    roundtableId: ctx.roundtableId,
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
