import { describe, it } from 'vitest';
import { Conflict, Forbidden, IllegalTransition, Invalid, NotFound } from '../decider.js';
import type { EventOf } from '../messages.js';
import { DeciderSpecification } from '../test-support/decider-spec.js';
import { actor, metaFor, NOW, uuid } from '../test-support/fixtures.js';
import type { CommentsCommand } from './commands.js';
import { commentsDecider } from './decider.js';
import type { CommentsEvent } from './events.js';

const spec = DeciderSpecification.for(commentsDecider);

const documentId = uuid(2);
const commentId = uuid(500);
const replyId = uuid(501);
const paragraphId = uuid(300);

const observer = actor(uuid(107), uuid(15), 'observer');
const delegate = actor(uuid(101), uuid(12), 'delegate');
const secretariat = actor(uuid(108), uuid(10), 'secretariat');
const chair = actor(uuid(106), uuid(17), 'chair');

const command = <T extends CommentsCommand['type']>(
  type: T,
  data: Extract<CommentsCommand, { type: T }>['data'],
  by = observer,
) => ({ type, data, meta: metaFor(by) }) as CommentsCommand;

const anchor = { paragraphId, range: { start: 'AQID', end: 'BAUG', quote: 'irregular migrants' } };
const posted: EventOf<CommentsEvent, 'CommentPosted'> = {
  type: 'CommentPosted',
  data: {
    documentId,
    commentId,
    anchor,
    body: 'Prefer "migrants in an irregular situation".',
    authorUserId: observer.userId,
    authorStakeholderId: observer.stakeholderId,
    postedAt: NOW,
  },
};
const resolved: CommentsEvent = {
  type: 'CommentResolved',
  data: { documentId, commentId, resolvedBy: chair.userId, resolvedAt: NOW },
};

const post = (id = commentId) =>
  command('PostComment', { documentId, commentId: id, anchor, body: posted.data.body });
const reply = (by = delegate, id = replyId) =>
  command('ReplyToComment', { documentId, commentId, replyId: id, body: 'Agreed.' }, by);
const resolve = (by = chair) => command('ResolveComment', { documentId, commentId }, by);
const reopen = (by = chair) => command('ReopenComment', { documentId, commentId }, by);

describe('comments decider', () => {
  it('lets an observer comment on a range of a paragraph', () => {
    spec.given([]).when(post()).then([posted]);
  });

  it('takes a comment on a whole paragraph', () => {
    spec
      .given([])
      .when(
        command('PostComment', { documentId, commentId, anchor: { paragraphId }, body: 'Why?' }),
      )
      .then([{ ...posted, data: { ...posted.data, anchor: { paragraphId }, body: 'Why?' } }]);
  });

  it('refuses an id already used by a comment or a reply', () => {
    spec.given([posted]).when(post()).thenThrows(Conflict);
    spec.given([posted]).when(reply(delegate, commentId)).thenThrows(Conflict);
  });

  it('records replies', () => {
    spec
      .given([posted])
      .when(reply())
      .then([
        {
          type: 'CommentReplied',
          data: {
            documentId,
            commentId,
            replyId,
            body: 'Agreed.',
            authorUserId: delegate.userId,
            authorStakeholderId: delegate.stakeholderId,
            repliedAt: NOW,
          },
        },
      ]);
  });

  it('refuses replying to a resolved or unknown comment', () => {
    spec.given([posted, resolved]).when(reply()).thenThrows(IllegalTransition);
    spec.given([]).when(reply()).thenThrows(NotFound);
  });

  it('lets the chair, the secretariat or the author resolve, nobody else', () => {
    spec.given([posted]).when(resolve()).then([resolved]);
    spec
      .given([posted])
      .when(resolve(secretariat))
      .then([{ ...resolved, data: { ...resolved.data, resolvedBy: secretariat.userId } }]);
    spec
      .given([posted])
      .when(resolve(observer))
      .then([{ ...resolved, data: { ...resolved.data, resolvedBy: observer.userId } }]);
    spec.given([posted]).when(resolve(delegate)).thenThrows(Forbidden);
  });

  it('refuses resolving twice and reopening an open comment', () => {
    spec.given([posted, resolved]).when(resolve()).thenThrows(IllegalTransition);
    spec.given([posted]).when(reopen()).thenThrows(IllegalTransition);
  });

  it('reopens a resolved comment', () => {
    spec
      .given([posted, resolved])
      .when(reopen(observer))
      .then([
        {
          type: 'CommentReopened',
          data: { documentId, commentId, reopenedBy: observer.userId, reopenedAt: NOW },
        },
      ]);
    spec.given([posted, resolved]).when(reopen(delegate)).thenThrows(Forbidden);
  });

  it('refuses a command for another document', () => {
    spec
      .given([posted])
      .when(command('ResolveComment', { documentId: uuid(3), commentId }, chair))
      .thenThrows(Invalid);
  });
});
