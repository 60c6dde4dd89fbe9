// The live text read-only, paragraph by paragraph with its number, status and stance bar, drawn
// as the editor's margin draws them (editor/margin.ts): shown for the moment the editor's chunk is
// still downloading, so the draft's first view is complete without it. Not `.draft-text`: that is
// the editor, which people type in.
import type { ParagraphStatus } from '@accord/shared';
import type { OutlineEntry } from './outline.js';
import { stanceBarProperties } from './positions/stanceBar.js';
import type { StanceCounts } from './positions/tally.js';

export function TextPreview({
  outline,
  statuses,
  stances,
  label,
}: {
  outline: readonly OutlineEntry[];
  statuses: ReadonlyMap<string, ParagraphStatus>;
  stances: ReadonlyMap<string, StanceCounts>;
  label: string;
}) {
  return (
    <div className="draft-preview" role="document" aria-label={label} aria-busy="true">
      {outline.map((p) => {
        const status = statuses.get(p.id) ?? 'open';
        const bar = stanceBarProperties(stances.get(p.id));
        const classes = ['para', `para--${status}`];
        if (status === 'agreed-ad-ref') classes.push('para--locked');
        if (bar) classes.push('para--has-stances');
        return (
          <p
            key={p.id}
            className={classes.join(' ')}
            style={bar}
            data-kind={p.kind}
            data-label={p.label ?? undefined}
          >
            {p.text}
          </p>
        );
      })}
    </div>
  );
}
