/**
 * The "as of" syntax every time-travel route takes: `now`, `position:<n>` (a global log position),
 * `time:<ISO instant>` (compared with each event's `metadata.occurredAt`) or `revision:<label>`
 * ("Rev 1": the moment the chair issued it). Pure, so the browser builds points the same way.
 *
 *   parseAsOf('revision:Rev 1'); // { kind: 'revision', label: 'Rev 1' }
 *   z.object({ asOf: asOfSchema.optional() })
 */
import { z } from 'zod';

export type AsOf =
  | { kind: 'now' }
  | { kind: 'position'; position: bigint }
  | { kind: 'time'; time: string; ms: number }
  | { kind: 'revision'; label: string };

const POSITION = /^position:(0|[1-9][0-9]{0,19})$/;
// An instant with a zone, so "10:00" cannot mean the server's local time.
const instant = z.iso.datetime({ offset: true });

/** The parsed point, or undefined when the text is not in the syntax. */
export function parseAsOf(text: string): AsOf | undefined {
  if (text === 'now') return { kind: 'now' };
  const position = POSITION.exec(text);
  if (position) return { kind: 'position', position: BigInt(position[1]!) };
  if (text.startsWith('time:')) {
    const time = text.slice('time:'.length);
    const ms = Date.parse(time);
    return instant.safeParse(time).success && Number.isFinite(ms)
      ? { kind: 'time', time: new Date(ms).toISOString(), ms }
      : undefined;
  }
  if (text.startsWith('revision:')) {
    const label = text.slice('revision:'.length).trim();
    return label.length > 0 && label.length <= 60 ? { kind: 'revision', label } : undefined;
  }
  return undefined;
}

/** The text form of a point, as the API echoes it back. */
export function formatAsOf(asOf: AsOf): string {
  switch (asOf.kind) {
    case 'now':
      return 'now';
    case 'position':
      return `position:${asOf.position}`;
    case 'time':
      return `time:${asOf.time}`;
    case 'revision':
      return `revision:${asOf.label}`;
  }
}

export const asOfSchema = z
  .string()
  .max(100)
  .refine((text) => parseAsOf(text) !== undefined, {
    message:
      'must be now, position:<n>, time:<ISO instant with Z or an offset> or revision:<label>',
  })
  .describe('now | position:<n> | time:<ISO instant> | revision:<label>');
