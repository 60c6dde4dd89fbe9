import { describe, expect, it } from 'vitest';
import {
  DEMO_OPERATOR_EMAIL,
  DEMO_PASSWORD,
  demoNegotiation as demo,
  type DemoPerson,
  type StakeholderKind,
} from './demo-negotiation.js';

const paragraphs = demo.document.paragraphs;
const paragraphByKey = new Map(paragraphs.map((p) => [p.key, p]));
const stakeholderByKey = new Map(demo.stakeholders.map((s) => [s.key, s]));
const personByKey = new Map(demo.people.map((p) => [p.key, p]));
const amendmentKeys = new Set(demo.amendments.map((a) => a.key));

const duplicates = (values: string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);

const occurrences = (text: string, part: string): number => {
  let count = 0;
  for (let i = text.indexOf(part); i !== -1; i = text.indexOf(part, i + 1)) count++;
  return count;
};

const kindOf = (stakeholderKey: string): StakeholderKind | undefined =>
  stakeholderByKey.get(stakeholderKey)?.kind;

const fits: Record<DemoPerson['role'], StakeholderKind[]> = {
  chair: ['delegation'],
  secretariat: ['secretariat'],
  delegate: ['delegation', 'group'],
  'civil-society': ['civil-society'],
  observer: ['observer'],
};

const delegationsAndGroups = demo.stakeholders.filter(
  (s) => s.kind === 'delegation' || s.kind === 'group',
);

describe('demo negotiation data', () => {
  it('has unique keys, codes and emails', () => {
    expect(duplicates(paragraphs.map((p) => p.key))).toEqual([]);
    expect(duplicates(demo.stakeholders.map((s) => s.key))).toEqual([]);
    expect(duplicates(demo.stakeholders.map((s) => s.code))).toEqual([]);
    expect(duplicates(demo.people.map((p) => p.key))).toEqual([]);
    expect(duplicates(demo.people.map((p) => p.email))).toEqual([]);
    expect(duplicates(demo.amendments.map((a) => a.key))).toEqual([]);
    expect(duplicates(demo.comments.map((c) => c.key))).toEqual([]);
    expect(duplicates(demo.agreedAdRef)).toEqual([]);
  });

  it('makes its one secretariat person the default operator', () => {
    const secretariat = demo.people.filter((p) => p.role === 'secretariat');
    expect(secretariat.map((p) => p.email)).toEqual([DEMO_OPERATOR_EMAIL]);
  });

  it('has the cast the README promises', () => {
    const count = (kind: StakeholderKind) =>
      demo.stakeholders.filter((s) => s.kind === kind).length;
    expect(count('delegation')).toBe(12);
    expect(count('group')).toBe(2);
    expect(count('civil-society')).toBe(3);
    expect(count('observer')).toBe(2);
    expect(count('secretariat')).toBe(1);
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
  });

  it('has 8–10 preambular and 10–14 operative paragraphs, and brackets as data, not typed', () => {
    const pp = paragraphs.filter((p) => p.kind === 'preambular').length;
    const op = paragraphs.filter((p) => p.kind === 'operative').length;
    expect(pp).toBeGreaterThanOrEqual(8);
    expect(pp).toBeLessThanOrEqual(10);
    expect(op).toBeGreaterThanOrEqual(10);
    expect(op).toBeLessThanOrEqual(14);
    // Brackets are placed on the words after the zero draft; the text itself carries none.
    expect(paragraphs.some((p) => /[[\]]/.test(p.text))).toBe(false);
    expect(demo.brackets.length).toBeGreaterThanOrEqual(2);
    expect(new Set(demo.brackets.map((b) => b.by)).size).toBeGreaterThanOrEqual(2);
    expect(demo.optionSets.map((set) => set.scope).sort()).toEqual(['inline', 'paragraphs']);
    for (const p of paragraphs) expect(p.text.trim(), p.key).toBe(p.text);
    for (const p of paragraphs) expect(p.text.length, p.key).toBeGreaterThan(0);
  });

  it('places every subparagraph after an operative paragraph or a sibling subparagraph', () => {
    paragraphs.forEach((p, i) => {
      if (p.kind !== 'subparagraph') return;
      const previous = paragraphs[i - 1];
      expect(previous?.kind === 'operative' || previous?.kind === 'subparagraph', p.key).toBe(true);
    });
    // Preambular paragraphs all come before the first operative paragraph.
    const lastPp = paragraphs.map((p) => p.kind).lastIndexOf('preambular');
    const firstOp = paragraphs.findIndex((p) => p.kind === 'operative');
    expect(lastPp).toBeLessThan(firstOp);
  });

  it('gives groups only to delegations, and only group keys', () => {
    for (const s of demo.stakeholders) {
      if (s.groups === undefined) continue;
      expect(s.kind, s.key).toBe('delegation');
      for (const g of s.groups) expect(kindOf(g), `${s.key} → ${g}`).toBe('group');
    }
    for (const g of demo.stakeholders.filter((s) => s.kind === 'group')) {
      const members = demo.stakeholders.filter((s) => s.groups?.includes(g.key));
      expect(members.length, g.key).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives every person a role that fits the stakeholder they act for', () => {
    for (const p of demo.people) {
      const kind = kindOf(p.stakeholder);
      expect(kind, `${p.key} acts for ${p.stakeholder}`).toBeDefined();
      expect(fits[p.role], `${p.key} (${p.role}) for a ${kind}`).toContain(kind);
      expect(p.email).toBe(`${p.key}@demo.accord.test`);
    }
  });

  it('has two co-facilitators from two delegations, one secretariat, and one person per stakeholder', () => {
    const chairs = demo.people.filter((p) => p.role === 'chair');
    expect(chairs).toHaveLength(2);
    expect(new Set(chairs.map((c) => c.stakeholder)).size).toBe(2);
    expect(demo.people.filter((p) => p.role === 'secretariat')).toHaveLength(1);
    for (const s of demo.stakeholders) {
      if (s.kind === 'secretariat') continue;
      const own = demo.people.filter((p) => p.stakeholder === s.key && p.role !== 'chair');
      expect(own, s.key).toHaveLength(1);
    }
  });

  it('anchors every amendment to an existing paragraph and to text that is really there', () => {
    for (const a of demo.amendments) {
      const paragraph = paragraphByKey.get(a.paragraph);
      expect(paragraph, `${a.key} → ${a.paragraph}`).toBeDefined();
      if (!paragraph) continue;
      switch (a.kind) {
        case 'insert':
        case 'delete':
        case 'replace':
          expect(a.originalText.length, a.key).toBeGreaterThan(0);
          expect(occurrences(paragraph.text, a.originalText), a.key).toBe(1);
          break;
        case 'add-paragraph':
          expect(a.originalText, a.key).toBe('');
          break;
        case 'delete-paragraph':
          expect(a.originalText, a.key).toBe(paragraph.text);
          break;
      }
      if (a.kind === 'delete' || a.kind === 'delete-paragraph')
        expect(a.proposedText, a.key).toBe('');
      else expect(a.proposedText.length, a.key).toBeGreaterThan(0);
      expect(a.rationale.length, a.key).toBeGreaterThan(0);
    }
  });

  it('brackets and offers options on words that are there, by delegations, outside agreed paragraphs', () => {
    const places = [
      ...demo.brackets.map((b) => ({ what: `bracket by ${b.by}`, ...b })),
      ...demo.optionSets.map((set) => ({
        what: `option set ${set.key}`,
        paragraph: set.paragraph,
        words: set.words,
        by: set.alternatives[0]?.by ?? '',
      })),
    ];
    for (const place of places) {
      const paragraph = paragraphByKey.get(place.paragraph);
      expect(paragraph, place.what).toBeDefined();
      expect(demo.agreedAdRef, place.what).not.toContain(place.paragraph);
      expect(kindOf(place.by), place.what).toBe('delegation');
      if (paragraph && place.words !== undefined) {
        expect(occurrences(paragraph.text, place.words), place.what).toBe(1);
      }
    }
    for (const set of demo.optionSets) {
      expect(set.alternatives.length, set.key).toBeGreaterThan(0);
      if (set.scope === 'inline') expect(set.words, set.key).toBeDefined();
      for (const alternative of set.alternatives) {
        expect(kindOf(alternative.by), set.key).toBe('delegation');
        if (alternative.noText) expect(set.scope, set.key).toBe('paragraphs');
      }
    }
  });

  it('has amendments sponsored by delegations or groups and tabled by someone acting for the sponsor', () => {
    for (const a of demo.amendments) {
      for (const s of [a.sponsor, ...a.cosponsors]) {
        expect(['delegation', 'group'], `${a.key} sponsor ${s}`).toContain(kindOf(s));
      }
      expect(a.cosponsors, a.key).not.toContain(a.sponsor);
      expect(duplicates(a.cosponsors), a.key).toEqual([]);
      expect(personByKey.get(a.tabledBy)?.stakeholder, a.key).toBe(a.sponsor);
    }
  });

  it('has positions stated by a person acting for the stakeholder, on targets that exist', () => {
    for (const p of demo.positions) {
      const label = `${p.stakeholder} on ${p.target.kind} ${p.target.key}`;
      expect(stakeholderByKey.has(p.stakeholder), label).toBe(true);
      expect(personByKey.get(p.by)?.stakeholder, label).toBe(p.stakeholder);
      if (p.target.kind === 'paragraph') expect(paragraphByKey.has(p.target.key), label).toBe(true);
      else expect(amendmentKeys.has(p.target.key), label).toBe(true);
      if (p.stance === 'objection' || p.stance === 'reservation') {
        // Delegations and groups explain objections and reservations; civil society may be brief.
        if (kindOf(p.stakeholder) !== 'civil-society') expect(p.statement, label).toBeTruthy();
      }
    }
    const pairs = demo.positions.map((p) => `${p.stakeholder}|${p.target.kind}|${p.target.key}`);
    expect(duplicates(pairs)).toEqual([]);
  });

  it('shows a spread: consensus, objections, reservations and silent members of groups', () => {
    const stances = new Set(demo.positions.map((p) => p.stance));
    for (const s of ['support', 'can-accept', 'reservation', 'objection', 'abstain'] as const) {
      expect(stances.has(s), s).toBe(true);
    }
    const speaking = new Set(demo.positions.map((p) => p.stakeholder));
    const neverSpeaking = demo.stakeholders.filter(
      (s) => s.kind === 'delegation' && !speaking.has(s.key),
    );
    expect(neverSpeaking).toEqual([]);
    // Some targets have a group position that a silent member inherits.
    const inherited = demo.positions.filter(
      (g) =>
        kindOf(g.stakeholder) === 'group' &&
        demo.stakeholders.some(
          (m) =>
            m.groups?.includes(g.stakeholder) &&
            !demo.positions.some(
              (p) =>
                p.stakeholder === m.key &&
                p.target.kind === g.target.kind &&
                p.target.key === g.target.key,
            ),
        ),
    );
    expect(inherited.length).toBeGreaterThan(5);
    // Some paragraphs are contested by delegations or groups.
    const contested = new Set(
      demo.positions
        .filter((p) => p.stance === 'objection' && kindOf(p.stakeholder) !== 'civil-society')
        .map((p) => `${p.target.kind} ${p.target.key}`),
    );
    expect(contested.size).toBeGreaterThanOrEqual(4);
    expect(delegationsAndGroups.length).toBe(14);
  });

  it('records no delegation or group objection on a paragraph agreed ad ref', () => {
    for (const key of demo.agreedAdRef) {
      expect(paragraphByKey.has(key), key).toBe(true);
      const objections = demo.positions.filter(
        (p) =>
          p.target.kind === 'paragraph' &&
          p.target.key === key &&
          p.stance === 'objection' &&
          (kindOf(p.stakeholder) === 'delegation' || kindOf(p.stakeholder) === 'group'),
      );
      expect(objections, key).toEqual([]);
      const pending = demo.amendments.filter(
        (a) => a.paragraph === key && a.kind !== 'add-paragraph',
      );
      expect(pending, key).toEqual([]);
    }
  });

  it('anchors comments to paragraphs and quotes that exist, and replies to earlier comments', () => {
    demo.comments.forEach((c, i) => {
      const paragraph = paragraphByKey.get(c.paragraph);
      expect(paragraph, c.key).toBeDefined();
      expect(personByKey.has(c.by), c.key).toBe(true);
      if (c.quote !== undefined) expect(paragraph?.text, c.key).toContain(c.quote);
      if (c.replyTo !== undefined) {
        const parent = demo.comments.findIndex((o) => o.key === c.replyTo);
        expect(parent, c.key).toBeGreaterThanOrEqual(0);
        expect(parent, c.key).toBeLessThan(i);
        expect(demo.comments[parent]?.paragraph, c.key).toBe(c.paragraph);
      }
    });
  });

  it('schedules a roundtable co-chaired by two delegations, on paragraphs and with invitees that exist', () => {
    const { roundtable } = demo;
    expect(roundtable.coChairs.map(kindOf)).toEqual(['delegation', 'delegation']);
    expect(new Set(roundtable.coChairs).size).toBe(2);
    for (const key of roundtable.covers) expect(paragraphByKey.has(key), key).toBe(true);
    for (const key of roundtable.invited) expect(stakeholderByKey.has(key), key).toBe(true);
    for (const key of roundtable.signedOffBy) expect(roundtable.coChairs).toContain(key);
    expect(roundtable.background.trim()).not.toBe('');
    expect(roundtable.guidingQuestions.length).toBeGreaterThan(0);
    // Each co-chair delegation has a delegate of its own to write and sign the paper.
    for (const key of roundtable.coChairs) {
      expect(
        demo.people.some((p) => p.stakeholder === key && p.role === 'delegate'),
        key,
      ).toBe(true);
    }
  });
});
