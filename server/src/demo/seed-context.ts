/**
 * What every step of the demo seed shares: the ids (all derived from the seed id, so a seed
 * run again resumes instead of duplicating), the people's accounts as they are registered, and
 * how a person acts — as the server does for a signed-in member: their membership read back
 * from the read models, checked against the permission matrix, then a command or a call to the
 * same application service a route would make.
 */
import { can, type AccordCommand, type Action, type Actor, type CommandMeta } from '@accord/shared';
import { derivedId } from '../commands/event-ids.js';
import type { AccordCore } from '../core.js';
import type { DemoNegotiation, DemoPerson } from './demo-negotiation.js';

export type SeedCore = Pick<
  AccordCore,
  'commands' | 'accounts' | 'text' | 'readModels' | 'services'
>;

export interface SeedContext {
  core: SeedCore;
  demo: DemoNegotiation;
  idOf: (what: string) => string;
  commandIdOf: (step: string) => string;
  negotiationId: string;
  documentId: string;
  roundtableId: string;
  stakeholderId: (key: string) => string;
  paragraphId: (key: string) => string;
  amendmentId: (key: string) => string;
  commentId: (key: string) => string;
  /** Filled as accounts are registered or found; everything after them reads it. */
  userIds: Map<string, string>;
  userOf: (personKey: string) => string;
  /** The person as a member acting on `action` (in the document, when `inDocument`). */
  actorOf: (personKey: string, action: Action, inDocument?: boolean) => Actor;
  /** The member acting for `stakeholderKey` in its own name (not one of its chairs). */
  delegateOf: (stakeholderKey: string) => DemoPerson;
  /** `actor`, after checking they act for `stakeholderKey`. */
  actingFor: (actor: Actor, stakeholderKey: string, what: string) => Actor;
  meta: (step: string, actor: Actor, now: string) => CommandMeta;
  execute: (command: AccordCommand) => Promise<unknown>;
  /** The paragraph's words in the live text now. */
  paragraphNow(key: string): Promise<{ id: string; text: string }>;
}

export function createSeedContext(
  core: SeedCore,
  demo: DemoNegotiation,
  seedId: string,
): SeedContext {
  const { queries } = core.readModels;
  const idOf = (what: string) => derivedId(seedId, `id/${what}`);
  const negotiationId = idOf('negotiation');
  const documentId = idOf('document');
  const stakeholderId = (key: string) => idOf(`stakeholder/${key}`);
  const paragraphId = (key: string) => idOf(`paragraph/${key}`);
  const userIds = new Map<string, string>();
  const userOf = (key: string) => userIds.get(key) ?? fail(`No account for ${key} yet`);

  return {
    core,
    demo,
    idOf,
    commandIdOf: (step) => derivedId(seedId, `command/${step}`),
    negotiationId,
    documentId,
    roundtableId: idOf('roundtable'),
    stakeholderId,
    paragraphId,
    amendmentId: (key) => idOf(`amendment/${key}`),
    commentId: (key) => idOf(`comment/${key}`),
    userIds,
    userOf,
    actorOf(personKey, action, inDocument = false) {
      const userId = userOf(personKey);
      const membership = queries.getMembership(negotiationId, userId);
      if (!membership) throw new Error(`Demo: ${personKey} is not a member of the negotiation`);
      if (!can(membership.role, action, inDocument ? demo.document.mode : undefined)) {
        throw new Error(`Demo: ${personKey} (${membership.role}) may not ${action}`);
      }
      return { userId, ...membership };
    },
    delegateOf: (stakeholderKey) =>
      single(
        demo.people,
        (p) => p.stakeholder === stakeholderKey && p.role !== 'chair',
        `person acting for ${stakeholderKey}`,
      ),
    actingFor(actor, stakeholderKey, what) {
      if (actor.stakeholderId !== stakeholderId(stakeholderKey)) {
        throw new Error(`Demo: ${what} is not by someone acting for ${stakeholderKey}`);
      }
      return actor;
    },
    meta(step, actor, now) {
      return { commandId: derivedId(seedId, `command/${step}`), actor, now };
    },
    execute: (command) => core.commands.execute(command),
    async paragraphNow(key) {
      return (
        (await core.text.paragraphs(documentId)).find((p) => p.id === paragraphId(key)) ??
        fail(`Paragraph ${key} is not in the demo text`)
      );
    },
  };
}

export function single<T>(items: readonly T[], test: (item: T) => boolean, what: string): T {
  const found = items.filter(test);
  if (found.length !== 1)
    throw new Error(`The demo needs exactly one ${what}, not ${found.length}`);
  return found[0]!;
}

export function fail(message: string): never {
  throw new Error(message);
}
