// One roundtable: its theme, day, co-chairs, what it covers and who is invited; the co-chairs'
// background and guiding questions (edited by them); the sign-off and issue of paper versions;
// every issued version downloadable in each format, byte for byte; and its conclusion.
import { can } from '@accord/shared';
import { Link, useParams } from 'react-router';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { Loading, LoadError, Notice, StakeholderChip } from '../ui/bits.js';
import { isRoundtableNotice, roundtableApi, type Roundtable } from './roundtable-api.js';
import { dayInstant } from './RoundtableSummary.js';
import { SignOffPanel } from './SignOffPanel.js';
import { signOffState } from './signoff.js';
import { ConcludeSection } from './ConcludeSection.js';
import { Coverage } from './RoundtableCoverage.js';
import { DraftSection } from './RoundtableDraft.js';
import { PapersSection, PreviewSection } from './RoundtablePapers.js';

export function RoundtablePage() {
  const { roundtableId = '' } = useParams();
  const roundtable = useLiveResource(
    `roundtable:${roundtableId}`,
    () => roundtableApi.get(roundtableId),
    (n) => isRoundtableNotice(n) && (n.id === undefined || n.id === roundtableId),
  );
  if (roundtable.error !== undefined && !roundtable.data)
    return <LoadError error={roundtable.error} retry={roundtable.reload} />;
  if (!roundtable.data) return <Loading />;
  return <RoundtableView roundtable={roundtable.data} reload={roundtable.reload} />;
}

function RoundtableView({ roundtable, reload }: { roundtable: Roundtable; reload: () => void }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const { negotiation } = useNegotiation();
  const you = negotiation.you;
  const state = signOffState(roundtable, you);
  return (
    <div className="roundtable">
      <p className="document-card__symbol">
        <Link to={paths.roundtables(negotiation.negotiationId)}>{t('roundtable.back')}</Link>
      </p>
      <h1>{roundtable.theme}</h1>
      <p>
        <time dateTime={roundtable.date}>{formatDate(dayInstant(roundtable.date))}</time>{' '}
        <span className={`badge badge--roundtable-${roundtable.status}`}>
          {t(`roundtable.status.${roundtable.status}`)}
        </span>{' '}
        <span className="chips">
          <span className="muted">{t('roundtable.coChairedBy')}</span>
          {roundtable.coChairs.map((c) => (
            <StakeholderChip key={c.stakeholderId} stakeholder={c} />
          ))}
        </span>
      </p>
      {state.coChair && roundtable.status === 'scheduled' && (
        <Notice tone="info">{t('roundtable.youCoChair')}</Notice>
      )}
      <div className="roundtable__grid">
        <div className="roundtable__main">
          {roundtable.status === 'concluded' && (
            <section className="card" aria-labelledby="rt-summary">
              <h2 id="rt-summary">{t('roundtable.summary')}</h2>
              <p className="muted">
                {roundtable.concludedAt &&
                  t('roundtable.concludedOn', { date: formatDateTime(roundtable.concludedAt) })}
              </p>
              <p className="roundtable__prose">{roundtable.summary}</p>
            </section>
          )}
          <DraftSection roundtable={roundtable} mayEdit={state.mayEdit} onSaved={reload} />
          <Coverage
            roundtable={roundtable}
            mayChange={roundtable.status === 'scheduled' && can(you.role, 'roundtable.schedule')}
            onChanged={reload}
          />
          <PapersSection roundtable={roundtable} />
        </div>
        <aside className="roundtable__side">
          <SignOffPanel roundtable={roundtable} you={you} onChanged={reload} />
          <PreviewSection roundtable={roundtable} />
          <section className="card" aria-labelledby="rt-invited">
            <h2 id="rt-invited">{t('roundtable.invited')}</h2>
            {roundtable.invited.length === 0 ? (
              <p className="muted">{t('roundtable.noneInvited')}</p>
            ) : (
              <ul className="plain-list">
                {roundtable.invited.map((s) => (
                  <li key={s.stakeholderId}>
                    <StakeholderChip stakeholder={s} /> {s.name}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {roundtable.status === 'scheduled' && can(you.role, 'roundtable.schedule') && (
            <ConcludeSection roundtable={roundtable} onConcluded={reload} />
          )}
        </aside>
      </div>
    </div>
  );
}
