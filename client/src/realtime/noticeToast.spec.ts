import type { ChangeNotice } from '@accord/shared';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n.js';
import { noticeDetail, noticeToast, type Known } from './noticeToast.js';

const me = { userId: 'u-me', stakeholderId: 's-us' };
const known: Known = {
  amendment: (id) =>
    ({
      ours: { sponsorStakeholderId: 's-us', cosponsorStakeholderIds: [] },
      cosponsored: { sponsorStakeholderId: 's-them', cosponsorStakeholderIds: ['s-us'] },
      theirs: { sponsorStakeholderId: 's-them', cosponsorStakeholderIds: [] },
    })[id],
  commentAuthor: (id) => (id === 'c-mine' ? 'u-me' : 'u-other'),
};
const notice = (eventType: string, kind: string, id: string, documentId = 'd1'): ChangeNotice => ({
  eventType,
  kind,
  id,
  documentId,
  position: '1',
});

describe('which live changes concern the user', () => {
  it('decisions on amendments the delegation sponsors or co-sponsors', () => {
    expect(noticeToast(notice('AmendmentAccepted', 'amendment', 'ours'), me, known)).toBe(
      'toast.yourAmendmentAccepted',
    );
    expect(noticeToast(notice('AmendmentRejected', 'amendment', 'cosponsored'), me, known)).toBe(
      'toast.yourAmendmentRejected',
    );
    expect(noticeToast(notice('AmendmentAccepted', 'amendment', 'theirs'), me, known)).toBeNull();
    // The activity notice of the same event is not a second toast.
    expect(noticeToast(notice('AmendmentAccepted', 'activity', '42'), me, known)).toBeNull();
  });

  it('positions on our amendments and replies to our comments', () => {
    expect(noticeToast(notice('PositionStated', 'position', 'ours'), me, known)).toBe(
      'toast.objectionToYours',
    );
    expect(noticeToast(notice('PositionStated', 'position', 'theirs'), me, known)).toBeNull();
    expect(noticeToast(notice('CommentReplied', 'comment', 'c-mine'), me, known)).toBe(
      'toast.replyToYou',
    );
    expect(noticeToast(notice('CommentReplied', 'comment', 'c-other'), me, known)).toBeNull();
  });

  it('the chair’s acts on the open document, and revisions anywhere', () => {
    expect(noticeToast(notice('DocumentModeChanged', 'document', 'd1'), me, known, 'd1')).toBe(
      'toast.modeChanged',
    );
    expect(
      noticeToast(notice('DocumentModeChanged', 'document', 'd1'), me, known, 'd2'),
    ).toBeNull();
    expect(noticeToast(notice('RevisionIssued', 'document', 'd1'), me, known)).toBe(
      'toast.revisionIssued',
    );
    expect(noticeToast(notice('ParagraphStatusSet', 'paragraph', 'p1'), me, known, 'd1')).toBe(
      'toast.paragraphStatus',
    );
    expect(noticeToast(notice('MemberRoleChanged', 'member', 'u-me'), me, known)).toBe(
      'toast.roleChanged',
    );
  });
});

describe('the toast’s detail', () => {
  const i18n = createI18n({ preferred: ['en-GB'], timeZone: 'UTC' });

  it('says what happened in the same words as the activity feed', () => {
    const accepted: ChangeNotice = {
      ...notice('AmendmentAccepted', 'amendment', 'ours'),
      activity: {
        type: 'AmendmentAccepted',
        params: { sponsor: 'Maranu', chairsCompromise: false },
      },
    };
    expect(noticeDetail(accepted, i18n)).toEqual({
      detail: 'The chair accepted the amendment by Maranu',
    });
  });

  it('has no detail when the notice says nothing of what happened', () => {
    expect(noticeDetail(notice('AmendmentAccepted', 'amendment', 'ours'), i18n)).toEqual({});
  });
});
