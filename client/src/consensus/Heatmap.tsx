// Delegations × paragraphs (or amendments): one cell per delegation, coloured by its stance, with
// a symbol and words for those who do not see colour; a stance taken from the delegation's
// negotiating group is striped, a sponsor's support outlined. Silence is an empty cell. The status
// column says "consensus" only when every delegation has stated a position (see words.ts); the
// legend (HeatmapLegend.tsx) explains colours, statuses and the support column.
import type { DelegationStanding, TargetConsensus } from '@accord/shared';
import type { ReactNode } from 'react';
import type { Stakeholder } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { consensusStatusWords } from './words.js';

export const SYMBOLS: Record<string, string> = {
  support: '✓',
  'can-accept': '≈',
  reservation: 'R',
  objection: '✗',
  abstain: '–',
  undecided: '?',
  silent: '',
};

export interface HeatmapRow {
  key: string;
  header: ReactNode;
  consensus: TargetConsensus;
}

function Cell({
  delegation,
  standing,
}: {
  delegation: Stakeholder;
  standing: DelegationStanding | undefined;
}) {
  const { t } = useI18n();
  const kind = standing ? (standing.stance ?? 'undecided') : 'silent';
  const stance =
    kind === 'silent'
      ? t('consensus.silent')
      : kind === 'undecided'
        ? t('consensus.undecided')
        : t(`stance.${standing!.stance!}`);
  const group =
    standing?.source === 'group' ? standing.groups.map((g) => g.shortCode).join(', ') : '';
  const sponsor = standing?.source === 'sponsor';
  const words = group
    ? t('consensus.cellGroup', { delegation: delegation.shortCode, stance, group })
    : sponsor
      ? t('consensus.cellSponsor', { delegation: delegation.shortCode, stance })
      : t('consensus.cell', { delegation: delegation.shortCode, stance });
  return (
    <td
      className={`cell cell--${kind}${group ? ' cell--group' : ''}${sponsor ? ' cell--sponsor' : ''}`}
      title={standing?.statement ? `${words} — ${standing.statement}` : words}
    >
      <span aria-hidden="true">{SYMBOLS[kind]}</span>
      <span className="visually-hidden">{words}</span>
    </td>
  );
}

export function Heatmap({
  caption,
  firstColumn,
  rows,
  delegations,
}: {
  caption: string;
  firstColumn: string;
  rows: readonly HeatmapRow[];
  delegations: readonly Stakeholder[];
}) {
  const { t } = useI18n();
  return (
    <div className="heatmap-wrap">
      <table className="heatmap">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="heatmap__target">
              {firstColumn}
            </th>
            <th scope="col">{t('consensus.status')}</th>
            <th scope="col">{t('consensus.breadth')}</th>
            {delegations.map((d) => (
              <th key={d.stakeholderId} scope="col" className="heatmap__delegation">
                <abbr title={d.name}>{d.shortCode}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const standings = new Map(row.consensus.delegations.map((s) => [s.stakeholderId, s]));
            const { breadth } = row.consensus;
            return (
              <tr key={row.key}>
                <th scope="row" className="heatmap__target">
                  {row.header}
                </th>
                <td>
                  <span className={`badge badge--consensus-${row.consensus.status}`}>
                    {consensusStatusWords(t, row.consensus)}
                  </span>
                </td>
                <td className="heatmap__breadth">
                  <span className="breadth" aria-hidden="true">
                    <span style={{ width: `${Math.round(breadth.share * 100)}%` }} />
                  </span>
                  {t('consensus.breadthValue', { supporting: breadth.supporting, of: breadth.of })}
                </td>
                {delegations.map((d) => (
                  <Cell
                    key={d.stakeholderId}
                    delegation={d}
                    standing={standings.get(d.stakeholderId)}
                  />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
