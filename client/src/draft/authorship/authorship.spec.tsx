import type { AuthorshipView } from '@accord/shared';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createI18n, I18nProvider } from '../../i18n/i18n.js';
import { AuthorshipText } from './AuthorshipText.js';
import { colourAt, contrast, UNKNOWN_COLOUR } from './colours.js';

const MRU = 's-mru';
const PEL = 's-pel';
const CHAIR = 's-vrd';

const run = (
  text: string,
  stakeholderId: string | null,
  userId: string | null,
  at: string | null,
  until = at,
  amendmentId: string | null = null,
) => ({ text, stakeholderId, userId, amendmentId, at, until });

const view: AuthorshipView = {
  documentId: 'd1',
  asOf: {
    asOf: 'now',
    recordPosition: '40',
    recordOccurredAt: '2026-11-23T10:00:00.000Z',
    textRevision: '12',
    revisionInForce: null,
  },
  updates: 12,
  paragraphs: [
    {
      paragraphId: 'p1',
      kind: 'operative',
      label: 'OP 1',
      runs: [
        run('Commit ', CHAIR, 'u-chair', '2026-11-20T08:00:00.000Z'),
        run('urgently ', MRU, 'u-mru', '2026-11-23T09:05:00.000Z', '2026-11-23T09:40:00.000Z'),
        run('to act', CHAIR, 'u-chair', '2026-11-20T08:00:00.000Z'),
        run(' in all cities', PEL, 'u-chair', '2026-11-23T11:00:00.000Z', undefined, 'a1'),
        run(';', null, null, null),
      ],
    },
  ],
  stakeholders: {
    [MRU]: { name: 'Republic of Maranu', shortCode: 'MRU', kind: 'delegation' },
    [PEL]: { name: 'Pelenoa', shortCode: 'PEL', kind: 'delegation' },
    [CHAIR]: { name: 'Veradia', shortCode: 'VRD', kind: 'delegation' },
  },
  people: {
    'u-mru': { displayName: 'Ana Maru' },
    'u-chair': { displayName: 'Amb. Helena Orvell' },
  },
};

const show = (timeZone: string) =>
  render(
    <I18nProvider i18n={createI18n({ preferred: ['en-GB'], timeZone })}>
      <AuthorshipText view={view} order={[CHAIR, MRU, PEL]} />
    </I18nProvider>,
  );

const runsOf = (container: HTMLElement) => [
  ...container.querySelectorAll<HTMLElement>('.authorship__run'),
];

describe('who wrote what', () => {
  it('colours each run by its stakeholder and names who and when on hover', () => {
    const { container } = show('UTC');
    const runs = runsOf(container);
    expect(runs.map((r) => r.dataset.stakeholder)).toEqual([CHAIR, MRU, CHAIR, PEL, '']);
    expect(runs[1]!.title).toBe('Republic of Maranu (MRU) — Ana Maru, 23 Nov 2026, 09:05 to 09:40');
    expect(runs[3]!.title).toBe(
      'Pelenoa (PEL), by an accepted amendment — Amb. Helena Orvell, 23 Nov 2026, 11:00',
    );
    expect(runs[4]!.title).toBe('Not attributed');
    // The same stakeholder has the same colour everywhere; different ones differ.
    const background = (el: HTMLElement) => el.style.background;
    expect(background(runs[0]!)).toBe(background(runs[2]!));
    expect(new Set(runs.map(background)).size).toBe(4);
    // Not colour alone: the text says who, for screen readers and with codes shown.
    expect(runs[1]!.textContent).toBe('written by MRU:MRUurgently ');
    // The words themselves are whole, in order, after the markers.
    expect(runs.map((r) => r.lastChild!.textContent).join('')).toBe(
      'Commit urgently to act in all cities;',
    );
  });

  it('formats times in the reader’s time zone', () => {
    const { container } = show('Asia/Tokyo');
    expect(runsOf(container)[1]!.title).toBe(
      'Republic of Maranu (MRU) — Ana Maru, 23 Nov 2026, 18:05 to 18:40',
    );
  });

  it('lists every author in a legend, most text first, and can hide the codes', () => {
    const { container } = show('UTC');
    const legend = within(screen.getByRole('region', { name: 'Who wrote the text' }));
    const items = legend.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'PEL Pelenoa (PEL) 14 characters',
      'VRD Veradia (VRD) 13 characters',
      'MRU Republic of Maranu (MRU) 9 characters',
      '? Not attributed 1 character',
    ]);
    fireEvent.click(legend.getByRole('checkbox', { name: 'Show the code before each stretch' }));
    expect(container.querySelector('.authorship')!.className).toContain('authorship--no-codes');
  });

  it('says so when there was no text', () => {
    render(
      <I18nProvider i18n={createI18n({ preferred: ['en-GB'], timeZone: 'UTC' })}>
        <AuthorshipText view={{ ...view, paragraphs: [] }} order={[]} />
      </I18nProvider>,
    );
    expect(screen.getByText('The document had no text at this point.')).toBeTruthy();
  });
});

describe('stakeholder colours', () => {
  it('keep dark text readable on every tint and white text on every marker', () => {
    for (let i = 0; i < 60; i++) {
      const { tint, mark } = colourAt(i);
      expect(contrast(tint, '#1b1f24'), `tint ${i}`).toBeGreaterThanOrEqual(7);
      expect(contrast(mark, '#ffffff'), `mark ${i}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(UNKNOWN_COLOUR.tint, '#1b1f24')).toBeGreaterThanOrEqual(7);
    expect(contrast(UNKNOWN_COLOUR.mark, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('are stable for a stakeholder and distinct for its neighbours', () => {
    expect(colourAt(3)).toEqual(colourAt(3));
    const tints = Array.from({ length: 12 }, (_, i) => colourAt(i).tint);
    expect(new Set(tints).size).toBe(12);
  });
});
