/**
 * When an event happened, as Accord records it: commands and text updates stamp
 * `metadata.occurredAt` with their own clock (the demo seed backdates it), and an event without
 * one falls back to the store's `created`. The record's history and the text's time points both
 * order events by it, so it lives below both.
 */
import type { RecordedEvent } from './port.js';

/** `metadata.occurredAt` (the command's clock), or the store's `created` when it is missing. */
export function occurredAtOf(event: RecordedEvent): { iso: string; ms: number } {
  const stated = event.metadata.occurredAt;
  const ms = typeof stated === 'string' ? Date.parse(stated) : NaN;
  if (Number.isFinite(ms)) return { iso: stated as string, ms };
  return { iso: event.created.toISOString(), ms: event.created.getTime() };
}
