// Decides which live changes deserve a toast for this user: decisions on their delegation's
// amendments, positions stated on them, replies to their comments, and the chair's acts on the
// document they have open. Pure, so it is tested without a socket.
import type { ChangeNotice } from '@accord/shared';
import { activityText } from '../home/activityText.js';
import type { I18n, PlainMessageKey } from '../i18n/i18n.js';
import type { KnownAmendment } from './knownRecords.js';

export interface Me {
  userId: string;
  stakeholderId: string;
}

export interface Known {
  amendment: (id: string) => KnownAmendment | undefined;
  commentAuthor: (id: string) => string | undefined;
}

export function noticeToast(
  notice: ChangeNotice,
  me: Me,
  known: Known,
  openDocumentId?: string,
): PlainMessageKey | null {
  const id = notice.id ?? '';
  const amendment = known.amendment(id);
  const ours =
    amendment !== undefined &&
    (amendment.sponsorStakeholderId === me.stakeholderId ||
      amendment.cosponsorStakeholderIds.includes(me.stakeholderId));
  const sponsoredByUs = amendment?.sponsorStakeholderId === me.stakeholderId;
  switch (notice.eventType) {
    case 'AmendmentAccepted':
      return ours ? 'toast.yourAmendmentAccepted' : null;
    case 'AmendmentRejected':
      return ours ? 'toast.yourAmendmentRejected' : null;
    case 'AmendmentMerged':
      return ours ? 'toast.yourAmendmentMerged' : null;
    case 'AmendmentRestored':
      return ours ? 'toast.yourAmendmentRestored' : null;
    case 'AmendmentCosponsored':
      return sponsoredByUs ? 'toast.yourAmendmentCosponsored' : null;
    case 'PositionStated':
      return notice.kind === 'position' && sponsoredByUs ? 'toast.objectionToYours' : null;
    case 'CommentReplied':
      return notice.kind === 'comment' && known.commentAuthor(id) === me.userId
        ? 'toast.replyToYou'
        : null;
    case 'RevisionIssued':
      return notice.kind === 'document' ? 'toast.revisionIssued' : null;
    case 'DocumentModeChanged':
      return notice.kind === 'document' && notice.documentId === openDocumentId
        ? 'toast.modeChanged'
        : null;
    case 'ParagraphStatusSet':
      return notice.kind === 'paragraph' && notice.documentId === openDocumentId
        ? 'toast.paragraphStatus'
        : null;
    case 'MemberRoleChanged':
      return notice.kind === 'member' && id === me.userId ? 'toast.roleChanged' : null;
    default:
      return null;
  }
}

/** The toast's second line: what happened, in the same words as the activity feed. */
export function noticeDetail(
  notice: ChangeNotice,
  i18n: Pick<I18n, 't' | 'formatList' | 'formatDateTime'>,
): { detail?: string } {
  const text = notice.activity ? activityText(i18n, notice.activity) : '';
  return text ? { detail: text } : {};
}
