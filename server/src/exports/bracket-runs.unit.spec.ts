// The runs woven from brackets and inline options read exactly as the shared notation writes
// the paragraph, for any nested spans, so every format prints what the import reads back; and a
// proposal placed among bracketed words keeps the brackets paired.
import { parseBracketed, renderBracketed, spansNest, type TextSpan } from '@accord/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BracketWeaver, bracketRuns } from './bracket-runs.js';
import type { Attribution, BracketMark, InlineOptionSetMark, Run } from './model.js';

const BY: Attribution = { author: 'Maranu', authorCode: 'MRU', date: '2026-03-04T09:00:00.000Z' };

const bracketsOf = (spans: readonly TextSpan[]): BracketMark[] =>
  spans.map((span, i) => ({ id: `b${i}`, eId: `brk_b${i}`, span, by: BY, note: '' }));

const optionSetOf = (spans: readonly TextSpan[]): InlineOptionSetMark => ({
  id: 's',
  eId: 'opts_s',
  options: spans.map((span, i) => ({
    id: `o${i}`,
    eId: `opt_o${i}`,
    label: `Option ${i + 1}`,
    span,
    by: BY,
  })),
});

const textOf = (runs: readonly Run[]) => runs.map((r) => r.text).join('');
const delimiters = (runs: readonly Run[]) => runs.filter((r) => r.delimits).length;

/** A text of letters and spaces (no bracket characters) with nested spans over it. */
const nestedText = fc
  .string({ unit: fc.constantFrom('a', 'b', ' ', 'c'), minLength: 1, maxLength: 30 })
  .chain((text) =>
    fc
      .array(
        fc
          .tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }))
          .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) })),
        { maxLength: 6 },
      )
      .map((candidates) => {
        const spans: TextSpan[] = [];
        for (const span of candidates) if (spansNest([...spans, span])) spans.push(span);
        return { text, spans };
      }),
  );

describe('bracket runs', () => {
  it('nest brackets as the notation does: outer opens first, inner closes first', () => {
    const text = 'Recalling the Paris Agreement and its goal';
    const runs = bracketRuns(
      text,
      bracketsOf([
        { start: 10, end: 42 },
        { start: 14, end: 29 },
      ]),
      [],
      { attribute: false },
    );
    expect(textOf(runs)).toBe('Recalling [the [Paris Agreement] and its goal]');
    expect(
      runs.filter((r) => r.delimits).map((r) => `${r.delimits!.role}:${r.delimits!.id}`),
    ).toEqual(['open:b0', 'open:b1', 'close:b1', 'close:b0']);
  });

  it('read exactly as the shared notation for any nested brackets, and read back the same', () => {
    fc.assert(
      fc.property(nestedText, ({ text, spans }) => {
        const runs = bracketRuns(text, bracketsOf(spans), [], { attribute: false });
        const notation = renderBracketed(text, spans);
        expect(textOf(runs)).toBe(notation);
        // Woven, not the notation's fallback text: every bracket has its two marks.
        expect(delimiters(runs)).toBe(spans.length * 2);
        const parsed = parseBracketed(notation);
        expect(parsed.text).toBe(text);
        expect(parsed.brackets).toEqual(
          [...spans].sort((a, b) => a.start - b.start || b.end - a.end),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('find every bracket and option mark in the notation, for any nesting of the two', () => {
    fc.assert(
      fc.property(nestedText, fc.nat({ max: 3 }), ({ text, spans }, wanted) => {
        // Some disjoint spans, in order, become one inline option set; the rest are brackets.
        const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
        const options: TextSpan[] = [];
        for (const span of sorted)
          if (options.length < wanted && (options.at(-1)?.end ?? -1) <= span.start)
            options.push(span);
        const brackets = spans.filter((s) => !options.includes(s));
        // A bracket holds the whole set, lies apart from it or inside one option: a bracket
        // around some options only is no text the record can hold.
        if (options.length > 0) {
          const extent = { start: options[0]!.start, end: options.at(-1)!.end };
          const within = (inner: TextSpan, outer: TextSpan) =>
            outer.start <= inner.start && inner.end <= outer.end;
          fc.pre(
            brackets.every(
              (b) =>
                b.end <= extent.start ||
                extent.end <= b.start ||
                within(extent, b) ||
                options.some((o) => within(b, o)),
            ),
          );
        }
        const sets = options.length > 0 ? [optionSetOf(options)] : [];
        const runs = bracketRuns(text, bracketsOf(brackets), sets, { attribute: false });
        expect(textOf(runs)).toBe(
          renderBracketed(text, brackets, [
            { spans: options, labels: options.map((_, i) => `Option ${i + 1}`) },
          ]),
        );
        expect(delimiters(runs)).toBe(spans.length * 2);
      }),
      { numRuns: 500 },
    );
  });

  it('print an inline option set, with brackets inside and "No text" for an empty option', () => {
    const text = 'Parties shall should report';
    const runs = bracketRuns(
      text,
      bracketsOf([{ start: 14, end: 20 }]),
      [
        optionSetOf([
          { start: 8, end: 13 },
          { start: 14, end: 20 },
          { start: 20, end: 20 },
        ]),
      ],
      { attribute: false },
    );
    expect(textOf(runs)).toBe(
      'Parties [Option 1: shall] [Option 2: [should]][Option 3: No text] report',
    );
    expect(delimiters(runs)).toBe(8);
  });

  it('keep brackets paired around a proposal that rewrites bracketed words', () => {
    const text = 'Urge all States to act now';
    // "Urge [all [States] to act] now"
    const weaver = new BracketWeaver(
      text,
      bracketsOf([
        { start: 5, end: 22 },
        { start: 9, end: 15 },
      ]),
      [],
      { attribute: true },
    );
    // A proposal rewrites "all States" (5–15); the inner bracket ends with it, so it holds it.
    const runs = [
      ...weaver.passOver(5, 15),
      { text: '{every State}', kind: 'insert' as const },
      ...weaver.rest(),
    ];
    expect(textOf(runs)).toBe('Urge [[{every State}](MRU) to act](MRU) now');
    const depth = runs.reduce(
      (d, r) => {
        const next = d.at + (r.delimits?.role === 'open' ? 1 : r.delimits ? -1 : 0);
        return { at: next, min: Math.min(d.min, next) };
      },
      { at: 0, min: 0 },
    );
    expect(depth).toEqual({ at: 0, min: 0 });
  });
});
