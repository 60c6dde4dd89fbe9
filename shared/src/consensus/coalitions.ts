// Coalitions: which delegations' positions agree most often across a document's paragraphs and
// amendments, grouped by a simple agglomerative clustering, and the amendments that draw support
// across coalitions that otherwise oppose each other.
//
// SIMILARITY. Each stance is put on a side: support and can-accept are 'for' (both let the text
// pass), objection is 'against', reservation is 'reserved'; abstentions say nothing and are left
// out. For two delegations, the common targets are those where both have a side; their
// similarity is the share of common targets where the sides are the same. Pairs with fewer than
// `minCommonTargets` common targets have no similarity (too little to go on).
//
// CLUSTERING. Start with one cluster per delegation; repeatedly merge the two clusters whose
// pooled similarity (agreements ÷ common targets summed over every cross pair: average linkage
// weighted by evidence) is highest, while it is at least `threshold`; two clusters are only
// compared when their pairs share at least `minCommonTargets` common targets on average. Ties go to the clusters
// registered first, so the result is deterministic.
//
// BRIDGING. Two blocks (coalitions, or unaligned delegations on their own) are opposed when their
// pooled similarity is below one half: they disagree more often than they agree. An amendment
// bridges when delegations of two opposed blocks both support or accept it.
//
//   coalitionsOf(state, documentId, { threshold: 0.75 });
import type { Stance } from '../vocabulary.js';
import {
  amendmentIdsOf,
  amendmentOf,
  targetsWithPositions,
  type ConsensusState,
  type DocumentRecord,
  type NegotiationRecord,
} from './record.js';
import { delegationStanding } from './standing.js';

export interface CoalitionOptions {
  /** Pooled similarity at or above which clusters merge. Default 0.75. */
  threshold?: number;
  /** Common targets a pair (or two clusters) needs before similarity counts. Default 2. */
  minCommonTargets?: number;
  /**
   * Count stances taken from negotiating groups (standing.ts) as well as the delegations' own.
   * Default false: with them every group would be a coalition by construction, and coalitions
   * are meant to show alignments the groups do not already declare.
   */
  includeInherited?: boolean;
}

export interface DelegationRef {
  stakeholderId: string;
  name: string;
  shortCode: string;
}

export interface PairSimilarity {
  a: string;
  b: string;
  common: number;
  agreements: number;
  similarity: number;
}

export interface Coalition {
  coalitionId: string;
  members: DelegationRef[];
  /** Pooled similarity among its members. */
  cohesion: number;
  /** Common targets behind the cohesion figure. */
  evidence: number;
}

export interface BridgingAmendment {
  amendmentId: string;
  paragraphId: string;
  status: string;
  /** Supporting (or accepting) delegations by block: a coalition id, or a delegation's id. */
  supporters: { blockId: string; stakeholderIds: string[] }[];
  /** Blocks among the supporters that otherwise oppose each other. */
  opposedBlocks: { a: string; b: string; similarity: number }[];
}

export interface CoalitionAnalysis {
  documentId: string;
  method: {
    similarity: string;
    clustering: string;
    bridging: string;
    threshold: number;
    minCommonTargets: number;
    includeInherited: boolean;
  };
  /** Delegations with at least one counted stance, and the targets looked at. */
  delegations: number;
  targets: number;
  /** Pairs with enough common targets, most similar first. */
  pairs: PairSimilarity[];
  /** Clusters of two or more, largest and most cohesive first. */
  coalitions: Coalition[];
  unaligned: DelegationRef[];
  bridgingAmendments: BridgingAmendment[];
}

type Side = 'for' | 'against' | 'reserved';
const SIDE: Record<Stance, Side | null> = {
  support: 'for',
  'can-accept': 'for',
  objection: 'against',
  reservation: 'reserved',
  abstain: null,
};

const METHOD = {
  similarity:
    'share of common targets (paragraphs and amendments where both took a side) on which the ' +
    'two delegations are on the same side; support ≈ can-accept, abstentions ignored',
  clustering:
    'agglomerative: merge the two clusters with the highest pooled similarity while it is at ' +
    'least the threshold',
  bridging:
    'an amendment supported or accepted by delegations of two blocks whose pooled similarity is below 0.5',
};

interface Sums {
  agreements: number;
  common: number;
}

/** Sides by delegation, for every target of the document. */
function sidesByTarget(
  negotiation: NegotiationRecord,
  document: DocumentRecord,
  delegationIds: readonly string[],
  includeInherited: boolean,
): Map<string, Map<string, Side>> {
  const sides = new Map<string, Map<string, Side>>();
  for (const [key, positions] of targetsWithPositions(document)) {
    const onTarget = new Map<string, Side>();
    for (const id of delegationIds) {
      const standing = delegationStanding(negotiation, positions, id);
      if (!standing || standing.stance === null) continue;
      if (standing.source !== 'own' && !includeInherited) continue;
      const side = SIDE[standing.stance];
      if (side) onTarget.set(id, side);
    }
    if (onTarget.size > 0) sides.set(key, onTarget);
  }
  return sides;
}

export function coalitionsOf(
  state: ConsensusState,
  documentId: string,
  options: CoalitionOptions = {},
): CoalitionAnalysis | undefined {
  const document = state.documents[documentId];
  const negotiation = document && state.negotiations[document.negotiationId];
  if (!document || !negotiation) return undefined;
  const threshold = options.threshold ?? 0.75;
  const minCommon = options.minCommonTargets ?? 2;
  const includeInherited = options.includeInherited ?? false;

  const allDelegations = negotiation.stakeholderOrder.filter(
    (id) => negotiation.stakeholders[id]?.kind === 'delegation',
  );
  const sides = sidesByTarget(negotiation, document, allDelegations, includeInherited);
  const active = allDelegations.filter((id) => [...sides.values()].some((s) => s.has(id)));
  const index = new Map(active.map((id, i) => [id, i]));
  const n = active.length;

  // Pair sums over every target, indexed [i * n + j] with i < j.
  const pairSums: Sums[] = Array.from({ length: n * n }, () => ({ agreements: 0, common: 0 }));
  for (const onTarget of sides.values()) {
    const present = [...onTarget.entries()].map(([id, side]) => [index.get(id)!, side] as const);
    for (let x = 0; x < present.length; x++) {
      for (let y = x + 1; y < present.length; y++) {
        const [i, si] = present[x]!;
        const [j, sj] = present[y]!;
        const sums = pairSums[Math.min(i, j) * n + Math.max(i, j)]!;
        sums.common += 1;
        if (si === sj) sums.agreements += 1;
      }
    }
  }
  const pairOf = (i: number, j: number): Sums => pairSums[Math.min(i, j) * n + Math.max(i, j)]!;
  const pooled = (a: readonly number[], b: readonly number[]): Sums & { pairs: number } => {
    const sums = { agreements: 0, common: 0, pairs: 0 };
    for (const i of a)
      for (const j of b) {
        if (i === j) continue;
        const p = pairOf(i, j);
        sums.agreements += p.agreements;
        sums.common += p.common;
        sums.pairs += 1;
      }
    return sums;
  };
  // Evidence is judged per pair on average, so one delegation that spoke once cannot join a
  // large cluster on the strength of the cluster's size.
  const similarity = (s: Sums & { pairs?: number }): number | null =>
    s.common >= minCommon * (s.pairs ?? 1) ? s.agreements / s.common : null;

  // Agglomerative clustering; each cluster is a list of indices, kept in registration order.
  let clusters: number[][] = active.map((_, i) => [i]);
  for (;;) {
    let best: { x: number; y: number; value: number } | undefined;
    for (let x = 0; x < clusters.length; x++) {
      for (let y = x + 1; y < clusters.length; y++) {
        const value = similarity(pooled(clusters[x]!, clusters[y]!));
        if (value !== null && value >= threshold && (!best || value > best.value))
          best = { x, y, value };
      }
    }
    if (!best) break;
    const merged = [...clusters[best.x]!, ...clusters[best.y]!].sort((a, b) => a - b);
    clusters = clusters.filter((_, k) => k !== best.x && k !== best.y);
    clusters.push(merged);
    clusters.sort((a, b) => a[0]! - b[0]!);
  }

  const ref = (i: number): DelegationRef => {
    const s = negotiation.stakeholders[active[i]!]!;
    return { stakeholderId: s.stakeholderId, name: s.name, shortCode: s.shortCode };
  };
  const within = (members: readonly number[]): Sums => {
    const sums = { agreements: 0, common: 0 };
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const p = pairOf(members[x]!, members[y]!);
        sums.agreements += p.agreements;
        sums.common += p.common;
      }
    return sums;
  };
  const grouped = clusters
    .filter((c) => c.length > 1)
    .map((members) => ({ members, sums: within(members) }))
    .sort(
      (a, b) =>
        b.members.length - a.members.length ||
        b.sums.agreements / b.sums.common - a.sums.agreements / a.sums.common ||
        a.members[0]! - b.members[0]!,
    );
  const coalitions: Coalition[] = grouped.map(({ members, sums }, k) => ({
    coalitionId: `C${k + 1}`,
    members: members.map(ref),
    cohesion: sums.common === 0 ? 0 : sums.agreements / sums.common,
    evidence: sums.common,
  }));

  // Blocks: each coalition, and each unaligned delegation on its own.
  const blocks = [
    ...grouped.map(({ members }, k) => ({ blockId: `C${k + 1}`, members })),
    ...clusters.filter((c) => c.length === 1).map((c) => ({ blockId: active[c[0]!]!, members: c })),
  ];
  const blockOf = new Map<number, number>();
  blocks.forEach((b, k) => b.members.forEach((i) => blockOf.set(i, k)));

  const bridgingAmendments: BridgingAmendment[] = [];
  for (const amendmentId of amendmentIdsOf(document)) {
    const amendment = amendmentOf(state, amendmentId);
    const onTarget = sides.get(`amendment:${amendmentId}`);
    if (!amendment || !onTarget) continue;
    const supportersByBlock = new Map<number, string[]>();
    for (const [id, side] of onTarget) {
      if (side !== 'for') continue;
      const k = blockOf.get(index.get(id)!)!;
      supportersByBlock.set(k, [...(supportersByBlock.get(k) ?? []), id]);
    }
    const supporting = [...supportersByBlock.keys()].sort((a, b) => a - b);
    const opposedBlocks: BridgingAmendment['opposedBlocks'] = [];
    for (let x = 0; x < supporting.length; x++)
      for (let y = x + 1; y < supporting.length; y++) {
        const a = blocks[supporting[x]!]!;
        const b = blocks[supporting[y]!]!;
        const value = similarity(pooled(a.members, b.members));
        if (value !== null && value < 0.5)
          opposedBlocks.push({ a: a.blockId, b: b.blockId, similarity: value });
      }
    if (opposedBlocks.length === 0) continue;
    bridgingAmendments.push({
      amendmentId,
      paragraphId: amendment.paragraphId,
      status: amendment.status,
      supporters: supporting.map((k) => ({
        blockId: blocks[k]!.blockId,
        stakeholderIds: supportersByBlock.get(k)!,
      })),
      opposedBlocks,
    });
  }

  const pairs: PairSimilarity[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const p = pairOf(i, j);
      const value = similarity(p);
      if (value !== null)
        pairs.push({
          a: active[i]!,
          b: active[j]!,
          common: p.common,
          agreements: p.agreements,
          similarity: value,
        });
    }
  pairs.sort((a, b) => b.similarity - a.similarity || b.common - a.common);

  return {
    documentId,
    method: { ...METHOD, threshold, minCommonTargets: minCommon, includeInherited },
    delegations: n,
    targets: sides.size,
    pairs,
    coalitions,
    unaligned: clusters.filter((c) => c.length === 1).map((c) => ref(c[0]!)),
    bridgingAmendments,
  };
}
