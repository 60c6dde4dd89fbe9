// Small helpers shared by the query modules: joining a stakeholder into a row and reading it
// back as a `StakeholderRef`, and bounding caller-supplied limits.
import type { StakeholderKind } from '@accord/shared';
import type { StakeholderRef } from './views.js';

/** `LEFT JOIN stakeholders <alias>` on a negotiation and a stakeholder id expression. */
export const joinStakeholder = (alias: string, negotiationId: string, stakeholderId: string) =>
  `LEFT JOIN stakeholders ${alias} ON ${alias}.negotiation_id = ${negotiationId}
     AND ${alias}.stakeholder_id = ${stakeholderId}`;

/** Selects a joined stakeholder's name, code and kind as `<prefix>_name` and so on. */
export const stakeholderColumns = (alias: string, prefix: string) =>
  `${alias}.name AS ${prefix}_name, ${alias}.short_code AS ${prefix}_code, ${alias}.kind AS ${prefix}_kind`;

/** Reads `<prefix>_name`, `<prefix>_code` and `<prefix>_kind` from a row. */
export function stakeholderRef(stakeholderId: string, row: object, prefix: string): StakeholderRef {
  const text = (column: string) => {
    const value = (row as Record<string, unknown>)[`${prefix}_${column}`];
    return typeof value === 'string' ? value : null;
  };
  return {
    stakeholderId,
    name: text('name'),
    shortCode: text('code'),
    kind: text('kind') as StakeholderKind | null,
  };
}

/** A caller's limit, as a whole number within [1, max]; `fallback` when absent or not a number. */
export function boundedLimit(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(Math.max(Math.trunc(limit), 1), max);
}
