// Chairs appear as chairs: in the presence list by the role the server writes into each identity,
// and on comments by the negotiation's chairs — never as their delegation.
import { screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { CommentThread } from '../api/types.js';
import { NegotiationContext, useNegotiation } from '../app/negotiation-context.js';
import { PresenceList } from '../draft/collab/PresenceList.js';
import { CommentThreadView } from '../draft/comments/CommentThreadView.js';
import { renderInDraft } from '../test-support/providers.js';
import { chairTitleKey } from './chairTitle.js';

const person = (name: string, chair: boolean) => ({
  clientId: name.length,
  name,
  stakeholderId: 's-NHR',
  stakeholderName: 'Republic of NHR',
  color: '#123456',
  self: false,
  chair,
});

/** The test negotiation, with one chair appointed. */
function WithChair({ userId, children }: { userId: string; children: ReactNode }) {
  const outer = useNegotiation();
  const chairs = [
    {
      userId,
      displayName: 'Ana Chair',
      stakeholderId: 's-NHR',
      stakeholder: outer.stakeholders.get('s-NHR')!,
      appointedAt: null,
    },
  ];
  return (
    <NegotiationContext.Provider
      value={{ ...outer, negotiation: { ...outer.negotiation, chairs } }}
    >
      {children}
    </NegotiationContext.Provider>
  );
}

describe('chairs appear as chairs', () => {
  it('names one chair Chair, and each of several a Co-facilitator', () => {
    expect(chairTitleKey(true, 1)).toBe('chairTitle.chair');
    expect(chairTitleKey(true, 2)).toBe('chairTitle.coFacilitator');
    expect(chairTitleKey(false, 2)).toBeNull();
  });

  it('shows a chair in the presence list as Chair, not by delegation', () => {
    renderInDraft(
      <PresenceList people={[person('Ana Chair', true), person('Bo Delegate', false)]} />,
    );
    expect(screen.getByText(/Ana Chair \(Chair\)/)).toBeTruthy();
    expect(screen.getByText(/Bo Delegate \(NHR\)/)).toBeTruthy();
  });

  it('shows a comment by a chair as the Chair’s', () => {
    const thread = {
      commentId: 'c1',
      documentId: 'd1',
      body: 'Let us come back to this.',
      author: {
        userId: 'chair',
        displayName: 'Ana Chair',
        stakeholderId: 's-NHR',
        stakeholder: {
          stakeholderId: 's-NHR',
          name: 'Republic of NHR',
          shortCode: 'NHR',
          kind: 'delegation',
        },
      },
      postedAt: '2026-11-20T09:30:00.000Z',
      anchor: { paragraphId: 'p1' },
      status: 'open',
      statusChangedBy: null,
      statusChangedAt: null,
      replies: [],
    } as unknown as CommentThread;
    renderInDraft(
      <WithChair userId="chair">
        <CommentThreadView thread={thread} />
      </WithChair>,
      { comments: [thread] },
    );
    expect(screen.getByText('Chair')).toBeTruthy();
    expect(screen.queryByText('NHR')).toBeNull();
  });
});
