// Renders a component inside the contexts the app gives it (English, UTC, toasts, a negotiation
// and a draft), with just the data a test supplies.
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import * as Y from 'yjs';
import type { Negotiation, Stakeholder } from '../api/types.js';
import { NegotiationContext, type NegotiationContextValue } from '../app/negotiation-context.js';
import { DraftContext, type DraftContextValue } from '../draft/draft-context.js';
import { createI18n, I18nProvider } from '../i18n/i18n.js';
import { ToastProvider } from '../ui/toasts.js';

export const stakeholder = (
  code: string,
  kind: Stakeholder['kind'] = 'delegation',
): Stakeholder => ({
  stakeholderId: `s-${code}`,
  negotiationId: 'n1',
  kind,
  name: `Republic of ${code}`,
  shortCode: code,
  groupIds: [],
  registeredAt: '2026-11-12T08:00:00.000Z',
});

export function renderInDraft(
  ui: ReactElement,
  draft: Partial<DraftContextValue> = {},
  you: Negotiation['you'] = { userId: 'u1', stakeholderId: 's-NHR', role: 'delegate' },
): RenderResult {
  const stakeholders = [stakeholder('NHR'), stakeholder('PEL'), stakeholder('IUHO', 'observer')];
  const negotiation: NegotiationContextValue = {
    negotiation: {
      negotiationId: 'n1',
      title: 'Test negotiation',
      description: '',
      openedAt: '2026-11-12T08:00:00.000Z',
      openedBy: 'u0',
      stakeholders,
      chairs: [],
      you,
    },
    stakeholders: new Map(stakeholders.map((s) => [s.stakeholderId, s])),
    mine: stakeholders.find((s) => s.stakeholderId === you.stakeholderId),
    online: [],
    reload: () => undefined,
  };
  const value: DraftContextValue = {
    document: {
      documentId: 'd1',
      negotiationId: 'n1',
      title: 'Draft',
      symbol: 'A/1',
      mode: 'open-drafting',
      createdBy: 'u0',
      createdAt: '2026-11-13T08:00:00.000Z',
      adopted: false,
      adoption: null,
      latestRevision: null,
      paragraphStatusCounts: { bracketed: 0, 'agreed-ad-ref': 0 },
      pendingAmendments: 0,
      revisions: [],
      paragraphStatuses: [],
      paragraphs: [],
      nextRevisionLabel: 'Zero draft',
      numbering: [],
      you,
    },
    you,
    role: you.role,
    amendments: [],
    positions: [],
    comments: [],
    reloadDocument: () => undefined,
    reloadAmendments: () => undefined,
    reloadPositions: () => undefined,
    reloadComments: () => undefined,
    ydoc: new Y.Doc(),
    editor: null,
    textEditable: true,
    activeId: null,
    setActiveId: () => undefined,
    ...draft,
  };
  return render(
    <I18nProvider i18n={createI18n({ preferred: ['en-GB'], timeZone: 'UTC' })}>
      <ToastProvider>
        <NegotiationContext.Provider value={negotiation}>
          <DraftContext.Provider value={value}>{ui}</DraftContext.Provider>
        </NegotiationContext.Provider>
      </ToastProvider>
    </I18nProvider>,
  );
}
