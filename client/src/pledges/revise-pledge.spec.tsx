// Revising a pledge: the form opens filled with the pledge as it stands, and what it sends keeps
// the indicators' keys (earlier reports refer to them), gives a new indicator a key of its own,
// and carries the paragraph links the form does not show.
import type { AdoptedTextView, PledgeView } from '@accord/shared';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderInDraft } from '../test-support/providers.js';
import type { ReviseInput } from './pledge-api.js';
import { RevisePledgeForm } from './RevisePledgeForm.js';

const sent: { pledgeId: string; body: ReviseInput }[] = [];
vi.mock('./pledge-api.js', () => ({
  pledgeApi: {
    revise: (pledgeId: string, body: ReviseInput) => {
      sent.push({ pledgeId, body });
      return Promise.resolve({ position: '1' });
    },
  },
}));

const id = (n: number) => `01JD00000000000000000000${String(n).padStart(2, '0')}`;
const pledge: PledgeView = {
  pledgeId: id(4),
  negotiationId: id(5),
  documentId: id(6),
  pledger: { kind: 'state', name: 'Republic of PEL', stakeholderId: id(2) },
  content: {
    title: 'Shade for every school yard',
    commitments: 'Plant trees and raise awnings in every school yard.',
    partners: ['Parents’ league'],
    timeline: { start: '2026-01-01', end: '2027-12-31' },
    indicators: [{ ref: 'i2', name: 'Yards shaded', unit: 'yards', baseline: 0, target: 50 }],
    objectives: [{ objectiveId: id(3), label: 'Objective 2: Cool the places where people live' }],
    paragraphs: [{ paragraphId: id(9), ref: 'OP 4' }],
  },
  registeredAt: '2026-02-01T10:00:00.000Z',
  reports: [],
  revisions: 0,
  withdrawn: null,
};
const text = {
  documentId: id(6),
  objectives: [
    { objectiveId: id(3), label: 'Objective 2: Cool the places where people live' },
    { objectiveId: id(7), label: 'Objective 3: Warn early' },
  ],
} as AdoptedTextView;

describe('revising a pledge', () => {
  it('starts from the pledge and sends the whole content with kept and new indicator keys', async () => {
    const onRevised = vi.fn();
    renderInDraft(
      <RevisePledgeForm pledge={pledge} text={text} onRevised={onRevised} onCancel={vi.fn()} />,
    );
    const title = screen.getByRole('textbox', { name: 'Title' });
    expect((title as HTMLInputElement).value).toBe('Shade for every school yard');
    await userEvent.clear(title);
    await userEvent.type(title, 'Shade and water for every school yard');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Objective 3: Warn early' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add an indicator' }));
    const names = screen.getAllByRole('textbox', { name: 'Indicator' });
    await userEvent.type(names[1]!, 'Fountains');
    const targets = screen.getAllByRole('spinbutton', { name: 'Target' });
    await userEvent.type(targets[1]!, '20');
    await userEvent.type(screen.getByRole('textbox', { name: /What changed/ }), 'Water too.');
    await userEvent.click(screen.getByRole('button', { name: 'Save the revision' }));

    expect(onRevised).toHaveBeenCalled();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.pledgeId).toBe(pledge.pledgeId);
    expect(sent[0]!.body).toEqual({
      note: 'Water too.',
      content: {
        title: 'Shade and water for every school yard',
        commitments: pledge.content.commitments,
        partners: ['Parents’ league'],
        timeline: pledge.content.timeline,
        indicators: [
          { ref: 'i2', name: 'Yards shaded', unit: 'yards', baseline: 0, target: 50 },
          { ref: 'i1', name: 'Fountains', unit: '', baseline: 0, target: 20 },
        ],
        objectiveIds: [id(3), id(7)],
        paragraphIds: [id(9)],
      },
    });
  });
});
