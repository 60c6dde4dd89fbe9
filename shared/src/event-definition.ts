// How an event type declares its current schema version and the upcasters that lift older
// stored versions to it. An old event is upcast when read, never rewritten.
//
//   const StakeholderRegistered = defineEvent(2, v2Schema, [defineUpcaster(1, v1Schema, toV2)]);
import type { z } from 'zod';

/** Lifts data written at version `from` to version `from + 1`, after validating it as `from`. */
export interface Upcaster {
  from: number;
  schema: z.ZodType;
  up(data: unknown): unknown;
}

export interface EventDefinition<Schema extends z.ZodType = z.ZodType> {
  /** The version events of this type are written with today. */
  version: number;
  schema: Schema;
  /** One per older version, 1 … version − 1. */
  upcasters: readonly Upcaster[];
}

export const defineUpcaster = <Old extends z.ZodType>(
  from: number,
  schema: Old,
  up: (data: z.output<Old>) => unknown,
): Upcaster => ({ from, schema, up: (data) => up(data as z.output<Old>) });

export function defineEvent<Schema extends z.ZodType>(
  version: number,
  schema: Schema,
  upcasters: readonly Upcaster[] = [],
): EventDefinition<Schema> {
  const missing = Array.from({ length: version - 1 }, (_, i) => i + 1).filter(
    (v) => !upcasters.some((u) => u.from === v),
  );
  // Fail at module load, not when the first old event is read in production.
  if (missing.length > 0) throw new Error(`No upcaster from version(s) ${missing.join(', ')}`);
  return { version, schema, upcasters };
}

/** The union of `{ type, data }` events described by a map of definitions. */
export type EventsOf<Definitions extends Record<string, EventDefinition>> = {
  [Type in keyof Definitions & string]: { type: Type; data: z.output<Definitions[Type]['schema']> };
}[keyof Definitions & string];
