// Comments anchored to the text: everyone may comment and reply; authors, chairs and the
// secretariat resolve.
import { commentContracts } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { ApiRouter } from '../http/api-router.js';
import { InvalidInputError } from '../application/errors.js';
import type { ApiDeps } from './api-deps.js';
import { assertOpen, authorize, documentScope, memberMeta, newId } from './request-context.js';
import { created, done } from './responses.js';

export function commentRoutes(api: ApiRouter<SignedInUser>, deps: ApiDeps): void {
  const { commands, queries, text } = deps;

  api.implement(commentContracts.listComments, {
    summary: 'Comments and their replies',
    tags: ['comments'],
    handler: ({ params, session }) => {
      // Behind a segment's horizon: the comments as they stood when the segment opened.
      const scope = documentScope(deps, params.documentId, session);
      const gate = scope.segments;
      const asOf = gate
        ? {
            position: gate.horizon,
            since: gate.blocking.openedAt,
            readerUserId: scope.actor.userId,
          }
        : undefined;
      return Promise.resolve({ body: queries.listComments(params.documentId, asOf) });
    },
  });

  api.implement(commentContracts.postComment, {
    summary: 'Comment on a paragraph or on words in it',
    tags: ['comments'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'comment.post');
      assertOpen(scope);
      const paragraph = (await text.paragraphs(params.documentId)).find(
        (p) => p.id === body.paragraphId,
      );
      if (!paragraph)
        throw InvalidInputError.field(
          'unknown-paragraph',
          'No such paragraph in this document',
          'body.paragraphId',
          'not in the document',
        );
      let range: { start: string; end: string; quote: string } | undefined;
      if (body.range) {
        if (body.range.end <= body.range.start || body.range.end > paragraph.text.length) {
          throw InvalidInputError.field(
            'invalid-range',
            'The quoted words are not in the paragraph',
            'body.range',
            'outside the paragraph',
          );
        }
        const anchor = await text.anchor(
          params.documentId,
          paragraph.id,
          body.range.start,
          body.range.end,
        );
        range = { start: anchor.start, end: anchor.end, quote: anchor.text.slice(0, 1000) };
      }
      const commentId = newId(req, 'comment');
      const result = await commands.execute({
        type: 'PostComment',
        data: {
          documentId: params.documentId,
          commentId,
          anchor: { paragraphId: paragraph.id, ...(range ? { range } : {}) },
          body: body.body,
        },
        meta: memberMeta(req, scope.actor),
      });
      return created({ commentId }, result.position);
    },
  });

  api.implement(commentContracts.reply, {
    summary: 'Reply to a comment',
    tags: ['comments'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'comment.post');
      assertOpen(scope);
      const replyId = newId(req, 'reply');
      const result = await commands.execute({
        type: 'ReplyToComment',
        data: { ...params, replyId, body: body.body },
        meta: memberMeta(req, scope.actor),
      });
      return created({ replyId }, result.position);
    },
  });

  for (const [verb, type] of [
    ['resolve', 'ResolveComment'],
    ['reopen', 'ReopenComment'],
  ] as const) {
    api.implement(commentContracts[verb], {
      summary:
        verb === 'resolve'
          ? 'Resolve a comment (its author, a chair or the secretariat)'
          : 'Reopen a resolved comment',
      tags: ['comments'],
      handler: async ({ params, session, req }) => {
        const scope = documentScope(deps, params.documentId, session);
        assertOpen(scope);
        // The decider allows the author as well as the roles with 'comment.resolve'.
        return done(
          (await commands.execute({ type, data: params, meta: memberMeta(req, scope.actor) }))
            .position,
        );
      },
    });
  }
}
