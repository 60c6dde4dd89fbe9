import type { ComparisonRun } from '@accord/shared';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ComparisonView, MilestoneView } from '../api/types.js';
import { createI18n, I18nProvider } from '../i18n/i18n.js';
import { axisFraction, pointIndex, travelPoints } from './points.js';
import { Redline } from './Redline.js';
import { Scrubber } from './Scrubber.js';

const show = (ui: ReactElement) =>
  render(
    <I18nProvider i18n={createI18n({ preferred: ['en-GB'], timeZone: 'UTC' })}>{ui}</I18nProvider>,
  );

const milestone = (
  kind: MilestoneView['kind'],
  at: string,
  position: string,
  label?: string,
): MilestoneView => ({
  kind,
  documentId: 'd1',
  at,
  position,
  userId: 'u1',
  ...(label ? { label } : {}),
  documentSymbol: 'A/1',
  asOf: `position:${position}`,
});

const NOW = new Date('2026-11-23T12:00:00.000Z');
const points = travelPoints(
  [
    milestone('revision-issued', '2026-11-13T13:00:00.000Z', '93', 'Zero draft'),
    milestone('document-created', '2026-11-13T08:00:00.000Z', '91', 'A/1'),
    milestone('revision-issued', '2026-11-22T15:30:00.000Z', '175', 'Rev 1'),
  ],
  NOW,
);

describe('time-travel points', () => {
  it('orders the milestones by time and ends with now', () => {
    expect(points.map((p) => p.asOf)).toEqual([
      'position:91',
      'position:93',
      'position:175',
      'now',
    ]);
  });

  it('finds where a revision label or a moment stands among the milestones', () => {
    expect(pointIndex(points, 'revision:rev 1')).toBe(2);
    expect(pointIndex(points, 'time:2026-11-20T00:00:00.000Z')).toBe(1);
    expect(pointIndex(points, 'now')).toBe(3);
  });

  it('places points on the axis by time', () => {
    expect(axisFraction(points, points[0]!.at)).toBe(0);
    expect(axisFraction(points, NOW.toISOString())).toBe(1);
    const rev1 = axisFraction(points, '2026-11-22T15:30:00.000Z');
    expect(rev1).toBeGreaterThan(0.9);
    expect(rev1).toBeLessThan(1);
  });
});

describe('the scrubber', () => {
  it('steps along the milestones with the keyboard and names the point', () => {
    const onChange = vi.fn();
    show(<Scrubber points={points} asOf="position:93" onChange={onChange} />);
    const range = screen.getByLabelText('Point in the negotiation');
    expect(range.getAttribute('aria-valuetext')).toBe('Zero draft issued, 13 Nov 2026, 13:00');
    expect(screen.getByText('As of Zero draft issued, 13 Nov 2026, 13:00')).toBeTruthy();
    fireEvent.change(range, { target: { value: '2' } });
    expect(onChange).toHaveBeenLastCalledWith('position:175');
    fireEvent.click(screen.getByRole('button', { name: 'Earlier milestone' }));
    expect(onChange).toHaveBeenLastCalledWith('position:91');
    fireEvent.click(screen.getByRole('button', { name: 'Back to now' }));
    expect(onChange).toHaveBeenLastCalledWith('now');
  });

  it('goes to a typed moment as a time point', () => {
    const onChange = vi.fn();
    show(<Scrubber points={points} asOf="now" onChange={onChange} />);
    expect(screen.getByText('Live: as it stands now')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Back to now' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Go to a date and time'), {
      target: { value: '2026-11-20T10:30' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Go' }));
    const asOf = onChange.mock.calls.at(-1)?.[0] as string;
    expect(asOf).toBe(`time:${new Date('2026-11-20T10:30').toISOString()}`);
  });
});

const run = (
  op: ComparisonRun['op'],
  text: string,
  stakeholderId?: string,
  attribution: ComparisonRun['attribution'] = 'exact',
): ComparisonRun => ({
  op,
  text,
  by: stakeholderId ? [{ stakeholderId, userId: 'u', amendmentId: null, chars: text.length }] : [],
  attribution: op === 'equal' ? 'none' : attribution,
});

const comparison: ComparisonView = {
  documentId: 'd1',
  from: {
    asOf: 'revision:Zero draft',
    recordPosition: '93',
    recordOccurredAt: null,
    textRevision: '0',
    revisionInForce: 'Zero draft',
  },
  to: {
    asOf: 'now',
    recordPosition: '200',
    recordOccurredAt: null,
    textRevision: '4',
    revisionInForce: 'Rev 1',
  },
  updates: 3,
  stakeholders: {
    's-NHR': { name: 'Republic of Nahrim', shortCode: 'NHR', kind: 'delegation' },
    's-OSV': { name: 'Union of Ostreva', shortCode: 'OSV', kind: 'delegation' },
  },
  paragraphs: [
    {
      paragraphId: 'p1',
      change: 'modified',
      from: { label: 'OP 1', kind: 'operative' },
      to: { label: 'OP 2', kind: 'operative' },
      kindChanged: false,
      runs: [
        run('equal', 'Report '),
        run('delete', 'every two years', 's-OSV', 'last-update'),
        run('insert', 'every year', 's-NHR'),
        run('equal', '.'),
      ],
    },
    {
      paragraphId: 'p2',
      change: 'unchanged',
      from: { label: 'OP 3', kind: 'operative' },
      to: { label: 'OP 3', kind: 'operative' },
      kindChanged: false,
      runs: [run('equal', 'Nothing changed here.')],
    },
  ],
  summary: {
    added: 0,
    removed: 0,
    modified: 1,
    unchanged: 1,
    insertedChars: 10,
    deletedChars: 15,
    byStakeholder: [
      { stakeholderId: 's-NHR', insertedChars: 10, deletedChars: 0 },
      { stakeholderId: 's-OSV', insertedChars: 0, deletedChars: 15 },
    ],
  },
  method: 'word diff',
};

describe('the redline', () => {
  it('marks insertions and deletions with who made them, changed paragraphs only', () => {
    show(<Redline comparison={comparison} />);
    expect(screen.getByRole('status').textContent).toBe(
      '1 paragraph changed · 0 added · 0 removed · 1 unchanged',
    );
    const para = screen.getByRole('article', { name: 'OP 2' });
    expect(within(para).getByText('was OP 1')).toBeTruthy();
    const ins = para.querySelector('ins')!;
    const del = para.querySelector('del')!;
    expect(ins.textContent).toBe('inserted by NHR:NHRevery year');
    expect(ins.title).toBe('Inserted by Republic of Nahrim (NHR).');
    expect(del.getAttribute('data-by')).toBe('OSV');
    expect(del.title).toBe(
      'Deleted by Union of Ostreva (OSV). (Attributed to the last edit of this paragraph.)',
    );
    expect(screen.queryByText('Nothing changed here.')).toBeNull();
    fireEvent.click(screen.getByLabelText('Show unchanged paragraphs'));
    expect(screen.getByText('Nothing changed here.')).toBeTruthy();
  });

  it('says who changed how much', () => {
    show(<Redline comparison={comparison} />);
    const table = screen.getByRole('table', { name: 'Who changed how much' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]!.textContent).toBe('NHR10 characters0 characters');
    expect(rows[2]!.textContent).toBe('OSV0 characters15 characters');
  });
});
