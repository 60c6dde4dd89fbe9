// The guardrail on gavelling: a paragraph with standing objections may only be marked agreed ad
// ref with a reason, which the ParagraphStatusSet event then carries for everyone to read.
import { ConflictError } from '../errors.js';
import { consensusNow, type ConsensusNowDeps } from './consensus-now.js';

export interface StandingObjector {
  stakeholderId: string;
  name: string;
  shortCode: string;
  statement: string;
}

/** The delegations objecting to the paragraph now (empty when none, or no such paragraph). */
export async function standingObjections(
  deps: ConsensusNowDeps,
  documentId: string,
  paragraphId: string,
): Promise<StandingObjector[]> {
  const consensus = await consensusNow(deps, documentId);
  const paragraph = consensus.paragraphs.find((p) => p.paragraphId === paragraphId);
  return (paragraph?.objectors ?? []).map((o) => ({
    stakeholderId: o.stakeholderId,
    name: o.name,
    shortCode: o.shortCode,
    statement: o.statement,
  }));
}

/** Refuses (409 `objections-standing`) to gavel over objections without a written reason. */
export async function assertGavelJustified(
  deps: ConsensusNowDeps,
  input: { documentId: string; paragraphId: string; status: string; reason?: string | undefined },
): Promise<void> {
  if (input.status !== 'agreed-ad-ref') return;
  if ((input.reason ?? '').trim() !== '') return;
  const objectors = await standingObjections(deps, input.documentId, input.paragraphId);
  if (objectors.length === 0) return;
  const names = objectors.map((o) => o.name).join(', ');
  throw new ConflictError('objections-standing', 'Objections are standing on this paragraph', {
    detail: `${names} still object. Give a reason to gavel it agreed ad ref regardless.`,
    extensions: { objectors },
  });
}
