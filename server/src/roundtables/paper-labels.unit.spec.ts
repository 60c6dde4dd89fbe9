// A roundtable paper's own words follow its label language: the French paper's cover, section
// titles and empty-section sentences are French, the English one reads as before.
import { describe, expect, it } from 'vitest';
import type { ExportModel } from '../exports/index.js';
import type { DocumentFrame } from '../timetravel/index.js';
import { paperModel, type PaperInput } from './paper-model.js';

const AT = '2026-03-04T09:00:00.000Z';
const compilation: ExportModel = {
  variant: 'compilation',
  title: 'Cool Cities Compact',
  symbol: 'A/CONF.1/L.1',
  subtitle: null,
  metadata: [],
  generatedAt: AT,
  language: 'en',
  blocks: [],
};
// Only what the paper reads of a frame: no paragraph, no proposal, no position yet.
const frame = {
  documentId: 'd1',
  document: { symbol: 'A/CONF.1/L.1' },
  paragraphs: [],
  amendments: [],
  consensus: { paragraphs: [], amendments: [] },
} as unknown as DocumentFrame;

const input = (labels?: PaperInput['labels']): PaperInput => ({
  roundtable: {
    roundtableId: '0195a4b2-7c1e-7d3a-9f00-1234567890ab',
    theme: 'Heat and health',
    date: '2026-03-05',
    coChairStakeholderIds: ['gh', 'no'],
    invitedStakeholderIds: [],
    coverage: { documentId: 'd1', paragraphIds: [] },
    background: '',
    guidingQuestions: [],
    draft: 2,
  },
  edition: { kind: 'issued', version: 1 },
  compilation,
  frame,
  comments: [],
  stakeholders: {
    gh: { name: 'Ghana', shortCode: 'GH', kind: 'delegation' },
    no: { name: 'Norway', shortCode: 'NO', kind: 'delegation' },
  },
  recordPosition: '42',
  ...(labels ? { labels } : {}),
});

const sectionTitles = (model: ExportModel) =>
  model.blocks.flatMap((b) => (b.type === 'section' ? [b.title] : []));

describe('a roundtable paper’s labels', () => {
  it('are French in a French paper', () => {
    const model = paperModel(input('fr'));
    expect(model.subtitle).toBe('Document de table ronde, version 1');
    expect(model.metadata[0]).toEqual({ label: 'Coprésidence', value: 'Ghana et Norway' });
    expect(sectionTitles(model)).toEqual([
      'Contexte',
      'Texte en discussion (A/CONF.1/L.1)',
      'Convergences et divergences',
      'Contributions de la société civile et des observateurs',
      'Questions directrices',
    ]);
    expect(JSON.stringify(model.blocks)).toContain('La coprésidence n’a pas encore rédigé');
    expect(model.labels).toBe('fr');
  });

  it('are English by default, as before', () => {
    const model = paperModel(input());
    expect(model.subtitle).toBe('Roundtable paper, version 1');
    expect(model.metadata[0]).toEqual({ label: 'Co-chairs', value: 'Ghana and Norway' });
    expect(sectionTitles(model)[0]).toBe('Background');
    expect(sectionTitles(model)[3]).toBe('Inputs from civil society and observers');
  });
});
