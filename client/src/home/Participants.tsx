// Stakeholders grouped by kind (delegations, negotiating groups, civil society, observers,
// secretariat), each marked online when one of its people is connected.
import { stakeholderKinds, type PresenceEntry } from '@accord/shared';
import type { Stakeholder } from '../api/types.js';
import { useNegotiation } from '../app/negotiation-context.js';
import { useI18n } from '../i18n/i18n.js';

export function groupByKind(stakeholders: readonly Stakeholder[]) {
  return stakeholderKinds
    .map((kind) => ({
      kind,
      members: stakeholders
        .filter((s) => s.kind === kind)
        .sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .filter((group) => group.members.length > 0);
}

export function onlineByStakeholder(online: readonly PresenceEntry[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const entry of online) {
    map.set(entry.stakeholderId, [...(map.get(entry.stakeholderId) ?? []), entry.displayName]);
  }
  return map;
}

export function Participants() {
  const { t, formatList } = useI18n();
  const { negotiation, stakeholders, online } = useNegotiation();
  const onlineNow = onlineByStakeholder(online);
  return (
    <>
      <p className="muted" role="status">
        {t('home.online', { count: online.length })}
      </p>
      {groupByKind(negotiation.stakeholders).map(({ kind, members }) => (
        <section key={kind} className="participants__group" aria-labelledby={`kind-${kind}`}>
          <h3 id={`kind-${kind}`}>{t(`stakeholderKinds.${kind}`)}</h3>
          <ul className="participants">
            {members.map((s) => {
              const people = onlineNow.get(s.stakeholderId);
              const groups = s.groupIds
                .map((id) => stakeholders.get(id)?.shortCode)
                .filter((code): code is string => code !== undefined);
              return (
                <li
                  key={s.stakeholderId}
                  className={people ? 'participant participant--online' : 'participant'}
                >
                  <span className="participant__dot" aria-hidden="true" />
                  <span className="participant__code">{s.shortCode}</span>
                  <span className="participant__name" dir="auto">
                    {s.name}
                  </span>
                  {groups.length > 0 && (
                    <span className="muted">
                      {' '}
                      · {t('home.memberOf', { groups: formatList(groups) })}
                    </span>
                  )}
                  {people && (
                    <span className="participant__online">
                      {' '}
                      · {t('home.onlineNames', { names: formatList(people) })}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}
