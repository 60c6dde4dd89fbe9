/**
 * The demo's drafting: the chair creates the document with its zero draft and issues it,
 * delegations table and co-sponsor amendments, then everyone reacts — positions and comment
 * threads, interleaved as they would come in. Documents, revisions and amendments go through
 * the same application services as the API's routes.
 */
import { rangeOfWords, amendmentRange } from './demo-anchors.js';
import type { DemoAmendment, DemoComment } from './demo-negotiation.js';
import { fail, type SeedContext } from './seed-context.js';
import { interleave, type Step } from './seed-schedule.js';

/** The chair who creates the document, issues revisions and decides. */
export const presidingChairOf = (ctx: SeedContext) =>
  ctx.demo.people.find((p) => p.role === 'chair') ?? fail('The demo has no chair');

/** Freezes the text as it is now under `label`, as the chair does from the documents route. */
export async function issueRevision(
  ctx: SeedContext,
  label: string,
  step: string,
  now: string,
): Promise<void> {
  const actor = ctx.actorOf(presidingChairOf(ctx).key, 'revision.issue', true);
  await ctx.core.services.documents.issueRevision(
    ctx.documentId,
    label,
    ctx.meta(step, actor, now),
  );
}

export function draftingSteps(ctx: SeedContext): Step[] {
  const { demo, documentId, paragraphId } = ctx;
  const steps: Step[] = [];

  steps.push({
    label: 'create the document',
    phase: 'zeroDraft',
    async run(now) {
      const actor = ctx.actorOf(presidingChairOf(ctx).key, 'document.create', true);
      const { title, symbol, mode, paragraphs } = demo.document;
      // Dated with the record (meta.now), so the demo's text as of a time matches its record then.
      await ctx.core.services.documents.create(
        { documentId, negotiationId: ctx.negotiationId, title, symbol, mode, paragraphs },
        ctx.meta('document', actor, now),
        (i) => paragraphId(paragraphs[i]!.key),
      );
    },
  });

  steps.push({
    label: 'issue the zero draft',
    phase: 'zeroDraft',
    run: (now) => issueRevision(ctx, 'Zero draft', 'revision/zero-draft', now),
  });

  for (const a of demo.amendments) {
    steps.push({
      label: `table ${a.key}`,
      phase: 'amendments',
      run: (now) => tableAmendment(ctx, a, now),
    });
    for (const cosponsor of a.cosponsors) {
      steps.push({
        label: `${cosponsor} co-sponsors ${a.key}`,
        phase: 'amendments',
        async run(now) {
          const actor = ctx.actorOf(ctx.delegateOf(cosponsor).key, 'amendment.cosponsor', true);
          await ctx.execute({
            type: 'CosponsorAmendment',
            data: { amendmentId: ctx.amendmentId(a.key) },
            meta: ctx.meta(`cosponsor/${a.key}/${cosponsor}`, actor, now),
          });
        },
      });
    }
  }
  return steps;
}

async function tableAmendment(ctx: SeedContext, a: DemoAmendment, now: string): Promise<void> {
  const amendmentId = ctx.amendmentId(a.key);
  // Resuming after Rev 1, the words may have moved; the amendment is on record already.
  if (ctx.core.readModels.queries.getAmendment(amendmentId)) return;
  const actor = ctx.actingFor(ctx.actorOf(a.tabledBy, 'amendment.table', true), a.sponsor, a.key);
  const paragraph = await ctx.paragraphNow(a.paragraph);
  const selects = a.kind === 'insert' || a.kind === 'delete' || a.kind === 'replace';
  await ctx.core.services.amendments.table(
    {
      amendmentId,
      documentId: ctx.documentId,
      paragraphId: paragraph.id,
      kind: a.kind,
      range: selects ? amendmentRange(a, paragraph.text) : undefined,
      proposedText: a.proposedText,
      // The words before the insertion point, as the data gives them, show where it goes.
      insertContext: a.kind === 'insert' ? a.originalText : undefined,
      rationale: a.rationale,
    },
    ctx.meta(`amendment/${a.key}`, actor, now),
  );
}

export function reactionSteps(ctx: SeedContext): Step[] {
  const { demo, documentId } = ctx;
  const positionSteps: Step[] = demo.positions.map((p) => ({
    label: `${p.stakeholder} on ${p.target.key}`,
    phase: 'reactions',
    async run(now) {
      const actor = ctx.actingFor(
        ctx.actorOf(p.by, 'position.state', true),
        p.stakeholder,
        'a position',
      );
      const id =
        p.target.kind === 'paragraph'
          ? ctx.paragraphId(p.target.key)
          : ctx.amendmentId(p.target.key);
      await ctx.execute({
        type: 'StatePosition',
        data: {
          documentId,
          target: { kind: p.target.kind, id },
          stance: p.stance,
          ...(p.statement !== undefined ? { statement: p.statement } : {}),
        },
        meta: ctx.meta(`position/${p.stakeholder}/${p.target.kind}/${p.target.key}`, actor, now),
      });
    },
  }));
  const commentSteps: Step[] = demo.comments.map((c) => ({
    label: c.replyTo === undefined ? `comment ${c.key}` : `reply ${c.key}`,
    phase: 'reactions',
    run: (now) => postComment(ctx, c, now),
  }));
  // Resolved last, so the thread was open for a while.
  for (const c of demo.comments.filter((x) => x.resolved)) {
    commentSteps.push({
      label: `resolve ${c.key}`,
      phase: 'reactions',
      async run(now) {
        const actor = ctx.actorOf(presidingChairOf(ctx).key, 'comment.resolve', true);
        await ctx.execute({
          type: 'ResolveComment',
          data: { documentId, commentId: ctx.commentId(c.key) },
          meta: ctx.meta(`resolve/${c.key}`, actor, now),
        });
      },
    });
  }
  return interleave(positionSteps, commentSteps);
}

async function postComment(ctx: SeedContext, comment: DemoComment, now: string): Promise<void> {
  const { documentId } = ctx;
  const actor = ctx.actorOf(comment.by, 'comment.post', true);
  const meta = ctx.meta(`comment/${comment.key}`, actor, now);
  if (comment.replyTo !== undefined) {
    await ctx.execute({
      type: 'ReplyToComment',
      data: {
        documentId,
        commentId: ctx.commentId(comment.replyTo),
        replyId: ctx.commentId(comment.key),
        body: comment.body,
      },
      meta,
    });
    return;
  }
  let range: { start: string; end: string; quote: string } | undefined;
  if (comment.quote !== undefined) {
    const paragraph = await ctx.paragraphNow(comment.paragraph);
    const { start, end } = rangeOfWords(paragraph.text, comment.quote, `comment ${comment.key}`);
    const anchor = await ctx.core.text.anchor(documentId, paragraph.id, start, end);
    range = { start: anchor.start, end: anchor.end, quote: anchor.text.slice(0, 1000) };
  }
  await ctx.execute({
    type: 'PostComment',
    data: {
      documentId,
      commentId: ctx.commentId(comment.key),
      anchor: { paragraphId: ctx.paragraphId(comment.paragraph), ...(range ? { range } : {}) },
      body: comment.body,
    },
    meta,
  });
}
