// The words for a consensus status, from the message catalogue: "Consensus" only when every
// delegation has stated a position, otherwise e.g. "No objection so far (4 of 12 stated)".
//
//   consensusStatusWords(t, paragraph); // 'No objection so far (4 of 12 stated)'
import type { ConsensusStatus, Participation } from '@accord/shared';
import type { Translate } from '../i18n/i18n.js';

export function consensusStatusWords(
  t: Translate,
  { status, participation }: { status: ConsensusStatus; participation: Participation },
): string {
  // The one status whose words carry figures: how many delegations have stated a position.
  if (status === 'no-objection-so-far')
    return t('consensusStatus.no-objection-so-far', {
      stated: participation.stated,
      expected: participation.expected,
    });
  return t(`consensusStatus.${status}`);
}

/** Every status in the order the legend explains them, from settled to silent. */
export const consensusStatusesInLegendOrder = [
  'agreed-ad-ref',
  'consensus',
  'no-objection-so-far',
  'pending-reservations',
  'contested',
  'no-positions',
] as const satisfies readonly ConsensusStatus[];
