// Decides private drafts. Only delegates draft privately (the matrix's `privateDraft.*`), and
// only for a stakeholder they speak for: their own delegation or a negotiating group it belongs
// to. To anyone else a draft does not exist: they get NotFound, never Forbidden, so a refusal
// does not reveal that a draft id is in use.
import {
  Conflict,
  Forbidden,
  IllegalTransition,
  Invalid,
  NotFound,
  unreachable,
  type Decider,
} from '../decider.js';
import type { CommandMeta } from '../messages.js';
import { assertCan } from '../permissions.js';
import type {
  CommentOnPrivateDraft,
  DiscardPrivateDraft,
  EditPrivateDraft,
  PrivateDraftCommand,
  RecordPrivateDraftTabled,
  StartPrivateDraft,
} from './commands.js';
import type { PrivateDraftEvent, TabledAs } from './events.js';
import { evolvePrivateDraft, initialPrivateDraftState, type PrivateDraftState } from './state.js';

type Draft = Exclude<PrivateDraftState, { status: 'none' }>;

export function decidePrivateDraft(
  command: PrivateDraftCommand,
  state: PrivateDraftState,
): PrivateDraftEvent[] {
  switch (command.type) {
    case 'StartPrivateDraft':
      return start(command, state);
    case 'EditPrivateDraft':
      return edit(command, state);
    case 'CommentOnPrivateDraft':
      return comment(command, state);
    case 'RecordPrivateDraftTabled':
      return recordTabled(command, state);
    case 'DiscardPrivateDraft':
      return discard(command, state);
    default:
      return unreachable(command);
  }
}

export const privateDraftDecider: Decider<
  PrivateDraftCommand,
  PrivateDraftEvent,
  PrivateDraftState
> = {
  decide: decidePrivateDraft,
  evolve: evolvePrivateDraft,
  initialState: initialPrivateDraftState,
};

const by = (meta: CommandMeta) => ({
  userId: meta.actor.userId,
  stakeholderId: meta.actor.stakeholderId,
});

function start(command: StartPrivateDraft, state: PrivateDraftState): PrivateDraftEvent[] {
  const { meta, data } = command;
  assertCan(meta.actor.role, 'privateDraft.write');
  if (!data.actingFor.includes(data.ownerStakeholderId)) {
    throw new Forbidden('You may draft privately only for your delegation or its groups', {
      reason: 'not-a-member',
    });
  }
  if (state.status !== 'none') {
    throw new Conflict('This draft id is already in use', { reason: 'private-draft-exists' });
  }
  if (data.kind === 'amendment' && data.amendmentKind === null) {
    throw new Invalid('Say what the amendment does (insert, replace, …)', {
      reason: 'amendment-kind-missing',
    });
  }
  if (data.kind === 'statement' && (data.amendmentKind !== null || data.range !== null)) {
    throw new Invalid('A statement has no amendment kind or range', {
      reason: 'statement-with-range',
    });
  }
  if (data.range && data.range.end < data.range.start) {
    throw new Invalid('The range ends before it starts', { reason: 'invalid-range' });
  }
  const { actingFor: _actingFor, ...started } = data;
  return [
    {
      type: 'PrivateDraftStarted',
      data: { ...started, startedBy: by(meta), startedAt: meta.now },
    },
  ];
}

function edit(command: EditPrivateDraft, state: PrivateDraftState): PrivateDraftEvent[] {
  const { meta, data } = command;
  const draft = requireOwnDraft(state, data.actingFor, meta);
  assertDrafting(draft, 'edit');
  return [
    {
      type: 'PrivateDraftEdited',
      data: {
        draftId: draft.draftId,
        text: data.text,
        rationale: data.rationale,
        editedBy: by(meta),
        editedAt: meta.now,
      },
    },
  ];
}

function comment(command: CommentOnPrivateDraft, state: PrivateDraftState): PrivateDraftEvent[] {
  const { meta, data } = command;
  const draft = requireOwnDraft(state, data.actingFor, meta);
  assertDrafting(draft, 'comment');
  if (draft.commentIds[data.commentId]) {
    throw new Conflict('This comment id is already in use', { reason: 'comment-exists' });
  }
  return [
    {
      type: 'PrivateDraftCommented',
      data: {
        draftId: draft.draftId,
        commentId: data.commentId,
        body: data.body,
        by: by(meta),
        at: meta.now,
      },
    },
  ];
}

function recordTabled(
  command: RecordPrivateDraftTabled,
  state: PrivateDraftState,
): PrivateDraftEvent[] {
  const { meta, data } = command;
  const draft = requireOwnDraft(state, data.actingFor, meta, 'privateDraft.table');
  if (draft.status === 'tabled') {
    // Recording the same link again is the retry of an interrupted tabling: nothing to do.
    if (draft.tabledAs && sameTarget(draft.tabledAs, data.tabledAs)) return [];
    throw new Conflict('The draft was tabled already', { reason: 'private-draft-tabled' });
  }
  assertDrafting(draft, 'table');
  const expected = draft.kind === 'amendment' ? 'amendment' : 'comment';
  if (data.tabledAs.kind !== expected) {
    throw new Invalid(`A ${draft.kind} draft is tabled as a ${expected}`, {
      reason: 'wrong-tabled-kind',
    });
  }
  return [
    {
      type: 'PrivateDraftTabled',
      data: {
        draftId: draft.draftId,
        tabledAs: data.tabledAs,
        tabledBy: by(meta),
        tabledAt: meta.now,
      },
    },
  ];
}

function discard(command: DiscardPrivateDraft, state: PrivateDraftState): PrivateDraftEvent[] {
  const { meta, data } = command;
  const draft = requireOwnDraft(state, data.actingFor, meta);
  if (draft.status === 'discarded') return [];
  assertDrafting(draft, 'discard');
  return [
    {
      type: 'PrivateDraftDiscarded',
      data: { draftId: draft.draftId, discardedBy: by(meta), discardedAt: meta.now },
    },
  ];
}

/** The draft, if the actor speaks for its owner; otherwise it does not exist for them. */
function requireOwnDraft(
  state: PrivateDraftState,
  actingFor: readonly string[],
  meta: CommandMeta,
  action: 'privateDraft.write' | 'privateDraft.table' = 'privateDraft.write',
): Draft {
  assertCan(meta.actor.role, action);
  if (state.status === 'none' || !actingFor.includes(state.ownerStakeholderId)) {
    throw new NotFound('No such private draft', { reason: 'unknown-private-draft' });
  }
  return state;
}

function assertDrafting(draft: Draft, attempted: string): void {
  if (draft.status !== 'drafting') {
    throw new IllegalTransition(draft.status, attempted, {
      reason: `private-draft-${draft.status}`,
    });
  }
}

const sameTarget = (a: TabledAs, b: TabledAs): boolean =>
  a.kind === 'amendment' && b.kind === 'amendment'
    ? a.amendmentId === b.amendmentId
    : a.kind === 'comment' && b.kind === 'comment' && a.commentId === b.commentId;
